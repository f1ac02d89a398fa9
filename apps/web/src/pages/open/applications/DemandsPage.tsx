/**
 * 开放需求 (/open/demands): the public list of demands for data not yet open (R19.3) with their
 * state, the provider's answers and rejection reasons with their legal basis; applicants appear
 * only by a masked name.
 */
import { Card, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { usePublicDemands, type OpenApplicationState } from '../../../api/openApplications';
import { EmptyText } from '../../../components/EmptyText';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { DemandAnswerText, RejectionReasons } from './ApplicationView';
import { OpenStateTag, PublicPage, dayOf } from './labels';

const FILTERS: readonly OpenApplicationState[] = ['formal_review', 'provider_answer', 'answered', 'rejected'];

export function DemandsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter = FILTERS.find((s) => s === params.get('state'));
  const demands = usePublicDemands(filter);
  return (
    <PublicPage>
      <PageHeader
        title={t('open.applications.demands.heading')}
        crumbs={[{ label: t('open.applications.crumb.open'), to: '/open' }]}
        description={t('open.applications.demands.intro')}
        extra={
          <LinkButton to="/open/demands/new" type="primary" data-testid="demands-new">
            {t('open.applications.demands.new')}
          </LinkButton>
        }
      />
      <Card>
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Segmented<string>
            aria-label={t('open.applications.demands.filter')}
            value={filter ?? 'all'}
            onChange={(value) => setParams(value === 'all' ? {} : { state: value }, { replace: true })}
            options={[
              { value: 'all', label: t('common.all') },
              ...FILTERS.map((s) => ({ value: s, label: t(`open.applications.state.${s}`) })),
            ]}
            data-testid="demands-filter"
          />
        </Flex>
        {demands.isError ? (
          <ErrorAlert error={demands.error} onRetry={() => void demands.refetch()} />
        ) : (
          <List
            loading={demands.isFetching}
            dataSource={demands.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t('open.applications.demands.empty')}</EmptyText> }}
            data-testid="demands-list"
            renderItem={(d) => (
              <List.Item key={d.id} data-testid="demand" data-state={d.state}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                      {d.title}
                    </Typography.Title>
                    <OpenStateTag state={d.state} />
                    <Tag>{d.number}</Tag>
                  </Flex>
                  {d.description ? <Typography.Paragraph style={{ margin: 0 }}>{d.description}</Typography.Paragraph> : null}
                  <Typography.Text type="secondary">
                    {t('open.applications.demands.by', { name: d.applicant, date: dayOf(d.createdAt) })}
                    {' · '}
                    {d.provider?.name ?? t('open.applications.providerUnset')}
                    {d.dueOn ? ` · ${t('open.applications.demands.due', { date: d.dueOn })}` : ''}
                  </Typography.Text>
                  {d.answer ? <DemandAnswerText answer={d.answer} /> : null}
                  {d.rejection ? <RejectionReasons rejection={{ ...d.rejection, byLabel: '' }} /> : null}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </PublicPage>
  );
}
