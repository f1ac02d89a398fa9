/**
 * 开放申请办理 (/open-admin/applications): the bureau's formal queue (5 working days for
 * applications, 10 for demands) and the provider's queue (10 to review, 15 to answer), the most
 * urgent first with working days left; the open grants of the agency's data (or all, for the bureau)
 * with their usage reports, and the bureau's suspend / restore / revoke.
 */
import { ScrollRegion } from '../../../components/ScrollRegion';
import { App, Button, Card, Flex, Input, Segmented, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  useChangeOpenGrantState,
  useOpenApplications,
  useOpenGrants,
  type OpenApplication,
  type OpenGrant,
  type OpenGrantAction,
} from '../../../api/openApplications';
import { useAuth } from '../../../auth/useAuth';
import { EmptyText } from '../../../components/EmptyText';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { ApplicationTable } from './ApplicationTable';
import { OpenGrantStatusTag, dayOf } from './labels';

const WAITING: Record<'review' | 'provider', readonly OpenApplication['state'][]> = {
  review: ['formal_review'],
  provider: ['provider_review', 'provider_answer'],
};

function byDue(a: OpenApplication, b: OpenApplication): number {
  return (a.deadline?.dueAt ?? '9999').localeCompare(b.deadline?.dueAt ?? '9999');
}

function Queue({ scope }: { readonly scope: 'review' | 'provider' | 'all' }) {
  const t = useT();
  const [showAll, setShowAll] = useState(scope === 'all');
  const list = useOpenApplications(scope);
  const all = list.data ?? [];
  const waiting = scope === 'all' ? all : all.filter((a) => WAITING[scope].includes(a.state)).sort(byDue);
  const overdue = waiting.filter((a) => a.deadline?.overdue).length;
  return (
    <>
      {scope === 'all' ? null : (
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="open-queue-summary">
            {t('open.applications.admin.summary', { total: waiting.length, overdue })}
          </Typography.Paragraph>
          <Segmented<string>
            aria-label={t('open.applications.admin.waiting')}
            value={showAll ? 'all' : 'waiting'}
            onChange={(value) => setShowAll(value === 'all')}
            options={[
              { value: 'waiting', label: t('open.applications.admin.waiting') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </Flex>
      )}
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ApplicationTable
          applications={showAll ? all : waiting}
          loading={list.isFetching}
          linkBase="/open-admin/applications"
          showApplicant
          emptyText={t('open.applications.admin.empty')}
        />
      )}
    </>
  );
}

function GrantStateButtons({ grant }: { readonly grant: OpenGrant }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const change = useChangeOpenGrantState();
  const actions: OpenGrantAction[] =
    grant.state === 'active' ? ['suspend', 'revoke'] : grant.state === 'suspended' ? ['restore', 'revoke'] : [];
  const ask = (action: OpenGrantAction) => {
    let reason = '';
    modal.confirm({
      title: `${t(`open.applications.admin.grantAction.${action}`)} ${grant.number}`,
      content: (
        <Input.TextArea
          aria-label={t('open.applications.admin.grantReason')}
          placeholder={t('open.applications.admin.grantReason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
          data-testid="open-grant-reason"
        />
      ),
      okButtonProps: { danger: action !== 'restore' },
      cancelText: t('common.cancel'),
      onOk: () =>
        change
          .mutateAsync({ id: grant.id, action, reason: reason.trim() })
          .then(() => void message.success(t('open.applications.admin.grantDone')))
          .catch((error: unknown) => {
            void message.error(error instanceof Error ? error.message : String(error));
          }),
    });
  };
  return (
    <Space>
      {actions.map((action) => (
        <Button key={action} size="small" danger={action !== 'restore'} onClick={() => ask(action)} data-testid={`open-grant-${action}`}>
          {t(`open.applications.admin.grantAction.${action}`)}
        </Button>
      ))}
    </Space>
  );
}

function Grants({ scope, manage }: { readonly scope: 'provider' | 'all'; readonly manage: boolean }) {
  const t = useT();
  const grants = useOpenGrants(scope);
  if (grants.isError) return <ErrorAlert error={grants.error} onRetry={() => void grants.refetch()} />;
  return (
    <ScrollRegion label={t('open.applications.grants.heading')}>
      <Table<OpenGrant>
        rowKey="id"
        size="middle"
        loading={grants.isFetching}
        dataSource={grants.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="open-grants-table"
        locale={{ emptyText: <EmptyText>{t('open.applications.grants.empty')}</EmptyText> }}
        columns={[
          { key: 'number', title: t('open.applications.col.number'), width: 150, render: (_, g) => g.number },
          { key: 'resource', title: t('open.applications.admin.col.resource'), render: (_, g) => g.resource.name },
          { key: 'holder', title: t('open.applications.admin.col.holder'), width: 150, render: (_, g) => g.holder.name },
          {
            key: 'validTo',
            title: t('open.applications.admin.col.validTo'),
            width: 120,
            render: (_, g) => dayOf(new Date(new Date(g.validTo).getTime() - 1).toISOString()),
          },
          {
            key: 'status',
            title: t('open.applications.admin.col.status'),
            width: 150,
            render: (_, g) => (
              <>
                <OpenGrantStatusTag status={g.status} />
                {g.suspendedForReport ? (
                  <Typography.Text type="danger">{t('open.applications.admin.suspendedForReport')}</Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            key: 'reports',
            title: t('open.applications.admin.col.reports'),
            width: 140,
            render: (_, g) =>
              t('open.applications.admin.reportsCount', { done: g.reports.filter((r) => r.submittedAt).length, total: g.reports.length }),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 170,
                  render: (_: unknown, g: OpenGrant) => <GrantStateButtons grant={g} />,
                },
              ]
            : []),
        ]}
      />
    </ScrollRegion>
  );
}

export function AdminQueuePage() {
  const t = useT();
  const { can, me } = useAuth();
  const [params, setParams] = useSearchParams();
  const bureau = can('open.review');
  const provider = Boolean(me?.user.agency) && !bureau;
  const tabs = [
    ...(bureau ? [{ key: 'review', label: t('open.applications.admin.tab.review'), children: <Queue scope="review" /> }] : []),
    ...(provider ? [{ key: 'provider', label: t('open.applications.admin.tab.provider'), children: <Queue scope="provider" /> }] : []),
    ...(bureau ? [{ key: 'all', label: t('open.applications.admin.tab.all'), children: <Queue scope="all" /> }] : []),
    {
      key: 'grants',
      label: t('open.applications.admin.tab.grants'),
      children: <Grants scope={bureau ? 'all' : 'provider'} manage={bureau} />,
    },
  ];
  const active = tabs.find((tab) => tab.key === params.get('tab'))?.key ?? tabs[0]?.key;
  return (
    <>
      <PageHeader title={t('open.applications.admin.heading')} description={t('open.applications.admin.intro')} />
      <Card>
        <Tabs activeKey={active} onChange={(key) => setParams({ tab: key }, { replace: true })} items={tabs} destroyOnHidden />
      </Card>
    </>
  );
}
