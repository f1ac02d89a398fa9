/**
 * 异议与建议公示 (/open/objections, R20.2): every objection and suggestion on open data with the
 * providers' answers, newest first, filtered by state and kind; anonymous, with masked names only.
 */
import { Card, Empty, Flex, Pagination, Segmented } from 'antd';
import { useSearchParams } from 'react-router';
import { OBJECTION_KINDS, usePublicObjections } from '../../../api/openParticipation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { OBJECTION_KIND_LABEL } from './labels';
import { ObjectionCard } from './ObjectionCard';

export function ObjectionsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = stateParam === 'open' || stateParam === 'answered' ? stateParam : undefined;
  const kindParam = params.get('kind');
  const kind = OBJECTION_KINDS.find((k) => k === kindParam);
  const page = Number(params.get('page') ?? '1') || 1;
  const list = usePublicObjections({ ...(state ? { state } : {}), ...(kind ? { kind } : {}), page });

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={t('open.participation.objection.allTitle')}
          crumbs={[{ label: t('nav.home'), to: '/' }]}
          description={t('open.participation.objection.intro')}
        />
        <Card>
          <Flex gap={12} wrap style={{ marginBottom: 12 }}>
            <Segmented<string>
              aria-label={t('open.participation.objection.filterState')}
              value={state ?? 'all'}
              onChange={(value) => set('state', value === 'all' ? undefined : value)}
              options={[
                { value: 'all', label: t('open.participation.all') },
                { value: 'open', label: t('open.participation.objection.state.open') },
                { value: 'answered', label: t('open.participation.objection.state.answered') },
              ]}
            />
            <Segmented<string>
              aria-label={t('open.participation.objection.kind')}
              value={kind ?? 'all'}
              onChange={(value) => set('kind', value === 'all' ? undefined : value)}
              options={[
                { value: 'all', label: t('open.participation.all') },
                ...OBJECTION_KINDS.map((k) => ({ value: k, label: t(OBJECTION_KIND_LABEL[k]) })),
              ]}
            />
          </Flex>
          {list.isPending ? <PageLoading /> : null}
          {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
          {list.data && list.data.items.length === 0 ? <Empty description={t('open.participation.objection.empty')} /> : null}
          <div data-testid="public-objections">
            {list.data?.items.map((objection) => (
              <ObjectionCard key={objection.id} objection={objection} showResource headingLevel={2} />
            ))}
          </div>
          {list.data && list.data.total > 20 ? (
            <Pagination
              style={{ marginTop: 12 }}
              current={page}
              pageSize={20}
              total={list.data.total}
              showSizeChanger={false}
              onChange={(p) => set('page', String(p))}
            />
          ) : null}
        </Card>
      </div>
    </PublicLayout>
  );
}
