/**
 * 第三方服务机构: the register of third-party service providers and their security and
 * confidentiality agreements (R30.1). Bureau administrators manage every agency's, a steward its
 * own agency's; security supervisors read. Status tags and days to expiry show which agreements
 * run out (their accounts then stop).
 */
import type { ProviderStatus, ServiceProvider, ServiceProviderDetail } from '@gongshu/contracts';
import { Alert, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useAgencies } from '../../api/agencies';
import { useServiceProviders, type ProviderFilter } from '../../api/serviceProviders';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/useT';
import { ProviderDrawer } from './ProviderDrawer';
import { ProviderFormModal } from './ProviderFormModal';
import { DaysToExpiry, PROVIDER_STATUSES, ProviderStatusTag, statusKey } from './providerLabels';

type FormState = { open: false } | { open: true; editing: ServiceProviderDetail | null };

export function ProvidersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canManage = can('provider.manage');
  // Who may pick any agency: the bureau (agency.manage); a steward registers for its own.
  const allAgencies = can('agency.manage') || can('audit.read');
  const agencies = useAgencies(allAgencies);
  const [agencyId, setAgencyId] = useState<string | undefined>(
    () => new URLSearchParams(window.location.search).get('agency') ?? undefined,
  );
  const [status, setStatus] = useState<ProviderStatus | undefined>();
  const [expiring, setExpiring] = useState<number | undefined>();
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('id'));
  const [formState, setFormState] = useState<FormState>({ open: false });

  const filter: ProviderFilter = {
    ...(agencyId ? { agencyId } : {}),
    ...(status ? { status } : {}),
    ...(expiring !== undefined ? { expiringWithinDays: expiring } : {}),
  };
  const providers = useServiceProviders(filter);

  return (
    <>
      <PageHeader
        title={t('security.providers.heading')}
        crumbs={can('console.view') ? [{ label: t('nav.console'), to: '/console' }] : []}
        description={t('security.providers.intro')}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setFormState({ open: true, editing: null })} data-testid="provider-create">
              {t('security.providers.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('security.providers.heading')}>
          {allAgencies ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('security.providers.filter.agency')}
              placeholder={t('security.providers.filter.agency')}
              style={{ width: 260 }}
              value={agencyId}
              onChange={(value: string | undefined) => setAgencyId(value)}
              options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          ) : null}
          <Select
            allowClear
            aria-label={t('security.providers.filter.status')}
            placeholder={t('security.providers.filter.status')}
            style={{ width: 180 }}
            value={status}
            onChange={(value: ProviderStatus | undefined) => setStatus(value)}
            options={PROVIDER_STATUSES.map((value) => ({ value, label: t(statusKey(value)) }))}
          />
          <Select
            allowClear
            aria-label={t('security.providers.filter.expiring')}
            placeholder={t('security.providers.filter.expiring')}
            style={{ width: 180 }}
            value={expiring}
            onChange={(value: number | undefined) => setExpiring(value)}
            options={[
              { value: 30, label: t('security.providers.filter.expiring30') },
              { value: 90, label: t('security.providers.filter.expiring90') },
            ]}
          />
        </Flex>
        {providers.isError ? (
          <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
        ) : (
          <ProviderTable providers={providers.data ?? []} loading={providers.isPending} onOpen={(p) => setOpenId(p.id)} />
        )}
      </Card>
      {!canManage ? <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('security.providers.accounts.help')} /> : null}
      <ProviderDrawer
        providerId={openId}
        canManage={canManage}
        onClose={() => setOpenId(null)}
        onEdit={(detail) => {
          setOpenId(null);
          setFormState({ open: true, editing: detail });
        }}
      />
      {canManage ? (
        <ProviderFormModal
          open={formState.open}
          editing={formState.open ? formState.editing : null}
          agencies={allAgencies ? (agencies.data ?? []) : []}
          onClose={() => {
            if (formState.open && formState.editing) setOpenId(formState.editing.provider.id);
            setFormState({ open: false });
          }}
          onSaved={(detail) => {
            setFormState({ open: false });
            setOpenId(detail.provider.id);
          }}
        />
      ) : null}
    </>
  );
}

function ProviderTable({
  providers,
  loading,
  onOpen,
}: {
  readonly providers: readonly ServiceProvider[];
  readonly loading: boolean;
  readonly onOpen: (provider: ServiceProvider) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<ServiceProvider>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...providers]}
      data-testid="provider-table"
      locale={{ emptyText: t('security.providers.empty') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 980 }}
      columns={[
        {
          key: 'name',
          title: t('security.providers.col.name'),
          render: (_, p) => (
            <div>
              <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(p)}>
                {p.name}
              </Button>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.62)' }}>
                <code>{p.creditCode}</code>
              </div>
            </div>
          ),
        },
        { key: 'agency', title: t('security.providers.col.agency'), dataIndex: 'agencyName', width: 200 },
        { key: 'agreement', title: t('security.providers.col.agreement'), dataIndex: 'agreementNumber', width: 160 },
        {
          key: 'period',
          title: t('security.providers.col.period'),
          width: 200,
          render: (_, p) => (
            <Typography.Text>
              {p.validFrom} ～ {p.validTo}
            </Typography.Text>
          ),
        },
        { key: 'status', title: t('security.providers.col.status'), width: 110, render: (_, p) => <ProviderStatusTag status={p.status} /> },
        {
          key: 'expiry',
          title: t('security.providers.col.expiry'),
          width: 110,
          sorter: (a, b) => a.daysToExpiry - b.daysToExpiry,
          render: (_, p) => <DaysToExpiry provider={p} />,
        },
        { key: 'accounts', title: t('security.providers.col.accounts'), dataIndex: 'accountCount', align: 'right', width: 100 },
      ]}
    />
  );
}
