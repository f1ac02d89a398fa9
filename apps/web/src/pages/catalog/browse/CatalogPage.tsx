/**
 * 数据目录: the published catalog for every signed-in user (public users see the entries that are
 * open in some way). Search in Chinese or English, narrow by facets with counts, sort, page, and
 * download the catalog as xlsx, csv or json (R10.1, R10.2).
 */
import { Card, Col, Row, Segmented } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCatalogSearch } from '../../../api/catalog';
import { useAuth } from '../../../auth/useAuth';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { ExportButtons } from './ExportButtons';
import { FacetPanel } from './FacetPanel';
import { HitList } from './HitList';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { FACETS, facetValue, PAGE_SIZE, queryOf, withParams, type Facet } from './searchParams';

export function CatalogPage() {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const search = useCatalogSearch(query);
  const publicOnly = me?.user.roles.every((role) => role === 'public_user') ?? false;

  const update = (changes: Readonly<Record<string, string | null>>) => setParams(withParams(params, changes));
  const data = search.data;

  return (
    <>
      <PageHeader
        title={t('catalog.heading')}
        description={t(publicOnly ? 'catalog.introPublic' : 'catalog.intro')}
        extra={<ExportButtons />}
      />
      <SearchBox
        q={query.q}
        onSearch={(q) => update({ q })}
        label={t('catalog.search.label')}
        placeholder={t('catalog.search.placeholder')}
        button={t('catalog.search.button')}
        testId="catalog-search"
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={6}>
          <FacetPanel
            facets={data?.facets}
            selected={(facet: Facet) => facetValue(query, facet)}
            onSelect={(facet, value) => update({ [facet]: value })}
            onClear={() => update(Object.fromEntries(FACETS.map((facet) => [facet, null])))}
          />
        </Col>
        <Col xs={24} lg={17} xxl={18}>
          <Card
            title={
              <h2 className="gs-card-title" data-testid="results-heading">
                {t('catalog.results.heading')}
              </h2>
            }
            extra={
              <Segmented<string>
                aria-label={t('catalog.sort.label')}
                value={query.sort ?? 'relevance'}
                onChange={(value) => update({ sort: value === 'updated' ? 'updated' : null })}
                options={[
                  { value: 'relevance', label: t('catalog.sort.relevance') },
                  { value: 'updated', label: t('catalog.sort.updated') },
                ]}
                data-testid="catalog-sort"
              />
            }
          >
            <SearchResults
              search={search}
              pageSize={PAGE_SIZE}
              totalText={(total) =>
                query.q ? t('catalog.results.totalFor', { total, q: query.q }) : t('catalog.results.total', { total })
              }
              totalTestId="results-total"
              paginationTestId="catalog-pagination"
              onPage={(page) => update({ page: page > 1 ? String(page) : null })}
            >
              <HitList
                hits={data?.hits ?? []}
                emptyText={query.q ? t('catalog.results.noneFor', { q: query.q }) : t('catalog.results.none')}
              />
            </SearchResults>
          </Card>
        </Col>
      </Row>
    </>
  );
}
