/**
 * 应用成果展示 (R22.1): the public gallery of applications, research, articles and scenarios built
 * on open data, approved by the bureau; filtered by kind (with counts), by a resource and by words.
 * Public users find the way to submit theirs here.
 */
import { Card, Col, Empty, Flex, Input, Pagination, Row, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SHOWCASE_KINDS, useResourceOptions, useShowcaseGallery, type ShowcaseKind } from '../../../api/openParticipation';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useDebounced } from '../../../components/useDebounced';
import { useI18n } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { SHOWCASE_KIND_LABEL } from './labels';
import { ShowcaseCard } from './ShowcaseCard';

export function ShowcasePage() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = SHOWCASE_KINDS.find((k) => k === kindParam);
  const resourceId = params.get('resourceId') ?? undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const gallery = useShowcaseGallery({ ...(kind ? { kind } : {}), ...(resourceId ? { resourceId } : {}), ...(q ? { q } : {}), page });
  const [search, setSearch] = useState('');
  const resourceQuery = useDebounced(search, 300);
  const options = useResourceOptions(resourceQuery);
  const chosen = useResourceOptions('', resourceId ? [resourceId] : []);
  const resourceOptions = new Map([...(chosen.data ?? []), ...(options.data ?? [])].map((o) => [o.id, o]));

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const counts = new Map((gallery.data?.kinds ?? []).map((k) => [k.kind, k.count]));
  const all = [...counts.values()].reduce((sum, n) => sum + n, 0);

  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={t('open.participation.showcase.title')}
          crumbs={[{ label: t('nav.home'), to: '/' }]}
          description={t('open.participation.showcase.intro')}
          extra={
            can('open.participate') ? (
              <LinkButton type="primary" to="/me/showcase?new=1" data-testid="showcase-submit-link">
                {t('open.participation.showcase.submitOwn')}
              </LinkButton>
            ) : !me ? (
              <LinkButton to={`/open/register?next=${encodeURIComponent('/me/showcase?new=1')}`}>
                {t('open.participation.showcase.registerToSubmit')}
              </LinkButton>
            ) : null
          }
        />
        <Card style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap align="center">
            <Segmented<string>
              aria-label={t('open.participation.showcase.filterKind')}
              value={kind ?? 'all'}
              onChange={(value) => set({ kind: value === 'all' ? undefined : value })}
              options={[
                { value: 'all', label: `${t('open.participation.all')} ${all}` },
                ...SHOWCASE_KINDS.map((k: ShowcaseKind) => ({ value: k, label: `${t(SHOWCASE_KIND_LABEL[k])} ${counts.get(k) ?? 0}` })),
              ]}
              data-testid="showcase-kind-filter"
            />
            <Select
              allowClear
              style={{ minWidth: 260 }}
              aria-label={t('open.participation.showcase.filterResource')}
              placeholder={t('open.participation.showcase.filterResource')}
              value={resourceId}
              showSearch={{ filterOption: false, onSearch: setSearch }}
              options={[...resourceOptions.values()].map((o) => ({ value: o.id, label: o.name }))}
              onChange={(value?: string) => set({ resourceId: value })}
              data-testid="showcase-resource-filter"
            />
            <Input.Search
              allowClear
              style={{ maxWidth: 280 }}
              aria-label={t('open.participation.showcase.search')}
              placeholder={t('open.participation.showcase.search')}
              defaultValue={q}
              onSearch={(value) => set({ q: value.trim() || undefined })}
            />
          </Flex>
        </Card>
        {gallery.isError ? <ErrorAlert error={gallery.error} onRetry={() => void gallery.refetch()} /> : null}
        {gallery.data && gallery.data.items.length === 0 ? (
          <Card>
            <Empty description={t('open.participation.showcase.empty')} />
          </Card>
        ) : null}
        <h2 className="gs-sr-only">{t('open.participation.showcase.results')}</h2>
        <Row gutter={[16, 16]} data-testid="showcase-gallery">
          {gallery.data?.items.map((item) => (
            <Col key={item.id} xs={24} md={12} lg={8}>
              <ShowcaseCard item={item} />
            </Col>
          ))}
        </Row>
        {gallery.data && gallery.data.total > 20 ? (
          <Pagination
            style={{ marginTop: 16 }}
            current={page}
            pageSize={20}
            total={gallery.data.total}
            showSizeChanger={false}
            onChange={(p) => set({ page: String(p) })}
          />
        ) : null}
      </div>
    </PublicLayout>
  );
}
