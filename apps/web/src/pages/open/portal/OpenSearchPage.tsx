/**
 * 开放数据 (/open): search over open resources in Chinese or English, facets with counts
 * (provider, open type, class, sector, update frequency, format), sort by relevance, date or
 * downloads, paging; the state lives in the address.
 */
import { Card, Col, Flex, Row, Segmented } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useOpenSearch } from '../../../api/openPortal';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { SearchBox } from '../../catalog/browse/SearchBox';
import { SearchResults } from '../../catalog/browse/SearchResults';
import { OpenFacetPanel } from './OpenFacetPanel';
import { OpenHitList } from './OpenHitList';
import { OPEN_FACETS, OPEN_PAGE_SIZE, openQueryOf, withOpenParams, type OpenFacet } from './openSearchParams';

export function OpenSearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => openQueryOf(params), [params]);
  const search = useOpenSearch(query);

  const update = (changes: Readonly<Record<string, string | null>>) => setParams(withOpenParams(params, changes));
  const data = search.data;

  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={t('open.portal.searchPage.heading')}
          crumbs={[{ label: t('nav.home'), to: '/' }]}
          description={t('open.portal.searchPage.intro')}
        />
        <SearchBox
          q={query.q}
          onSearch={(q) => update({ q })}
          label={t('open.portal.search.label')}
          placeholder={t('open.portal.search.placeholder')}
          button={t('open.portal.search.button')}
          testId="open-search-input"
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7} xxl={6}>
            <OpenFacetPanel
              facets={data?.facets}
              selected={(facet: OpenFacet) => (query[facet] === undefined ? null : String(query[facet]))}
              onSelect={(facet, value) => update({ [facet]: value })}
              onClear={() => update(Object.fromEntries(OPEN_FACETS.map((facet) => [facet, null])))}
            />
          </Col>
          <Col xs={24} lg={17} xxl={18}>
            <Card
              title={
                <h2 className="gs-card-title" data-testid="open-results-heading">
                  {t('open.portal.results.heading')}
                </h2>
              }
              extra={
                <Segmented<string>
                  aria-label={t('open.portal.sort.label')}
                  value={query.sort ?? 'relevance'}
                  onChange={(value) => update({ sort: value === 'relevance' ? null : value })}
                  options={[
                    { value: 'relevance', label: t('open.portal.sort.relevance') },
                    { value: 'date', label: t('open.portal.sort.date') },
                    { value: 'downloads', label: t('open.portal.sort.downloads') },
                  ]}
                  data-testid="open-sort"
                />
              }
            >
              <SearchResults
                search={search}
                pageSize={OPEN_PAGE_SIZE}
                totalText={(total) =>
                  query.q ? t('open.portal.results.totalFor', { total, q: query.q }) : t('open.portal.results.total', { total })
                }
                totalTestId="open-results-total"
                onPage={(page) => update({ page: page > 1 ? String(page) : null })}
              >
                <OpenHitList
                  hits={data?.hits ?? []}
                  emptyText={query.q ? t('open.portal.results.noneFor', { q: query.q }) : t('open.portal.results.none')}
                />
                {data?.total === 0 ? (
                  // Data not yet open can be asked for (R19.3).
                  <Flex justify="center" style={{ marginTop: 12 }}>
                    <LinkButton to="/open/demands/new">{t('open.portal.results.demand')}</LinkButton>
                  </Flex>
                ) : null}
              </SearchResults>
            </Card>
          </Col>
        </Row>
      </div>
    </PublicLayout>
  );
}
