/**
 * 单位管理: the agency register (R5.1). Everyone with agency.list can search it; bureau
 * administrators (agency.manage) create and edit agencies, their hierarchy and responsible person.
 */
import type { AgencyDetail } from '@gongshu/contracts';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, SECTOR_LABELS, SECTORS } from '@gongshu/domain';
import { Button, Card, Flex, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useAgencies } from '../../api/agencies';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/useT';
import { AgencyDrawer } from './AgencyDrawer';
import { filterAgencies } from './agencyFilter';
import { AgencyFormModal } from './AgencyFormModal';
import { AgencyTable } from './AgencyTable';

type FormState = { open: false } | { open: true; editing: AgencyDetail | null };

export function AgenciesPage() {
  const { t, pick } = useI18n();
  const { can } = useAuth();
  const canManage = can('agency.manage');
  const agencies = useAgencies();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [sector, setSector] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [formState, setFormState] = useState<FormState>({ open: false });

  const rows = useMemo(() => filterAgencies(agencies.data ?? [], { text, kind, sector }), [agencies.data, text, kind, sector]);

  return (
    <>
      <PageHeader
        title={can('console.view') ? t('agencies.heading') : t('nav.directory')}
        crumbs={can('console.view') ? [{ label: t('nav.console'), to: '/console' }] : []}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setFormState({ open: true, editing: null })} data-testid="agency-create">
              {t('agencies.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('agencies.search')}>
          <Input.Search
            allowClear
            aria-label={t('agencies.search')}
            placeholder={t('agencies.searchPlaceholder')}
            style={{ width: 280 }}
            onSearch={setText}
            onChange={(event) => setText(event.target.value)}
          />
          <Select
            allowClear
            aria-label={t('agencies.filterKind')}
            placeholder={t('agencies.filterKind')}
            style={{ width: 200 }}
            value={kind ?? undefined}
            onChange={(value: string | undefined) => setKind(value ?? null)}
            options={AGENCY_KINDS.map((value) => ({ value, label: pick(AGENCY_KIND_LABELS[value]) }))}
          />
          <Select
            allowClear
            aria-label={t('agencies.filterSector')}
            placeholder={t('agencies.filterSector')}
            style={{ width: 200 }}
            value={sector ?? undefined}
            onChange={(value: string | undefined) => setSector(value ?? null)}
            options={SECTORS.map((value) => ({ value, label: pick(SECTOR_LABELS[value]) }))}
          />
        </Flex>
        {agencies.isError ? (
          <ErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />
        ) : (
          <AgencyTable agencies={rows} loading={agencies.isPending} onOpen={(agency) => setOpenId(agency.id)} />
        )}
      </Card>
      <AgencyDrawer
        agencyId={openId}
        onClose={() => setOpenId(null)}
        {...(canManage
          ? {
              onEdit: (detail: AgencyDetail) => {
                // The form replaces the drawer (a modal over a drawer stacks badly); it comes back after.
                setOpenId(null);
                setFormState({ open: true, editing: detail });
              },
            }
          : {})}
      />
      {canManage ? (
        <AgencyFormModal
          open={formState.open}
          editing={formState.open ? formState.editing : null}
          agencies={agencies.data ?? []}
          onClose={() => {
            if (formState.open && formState.editing) setOpenId(formState.editing.agency.id);
            setFormState({ open: false });
          }}
          onSaved={(detail) => {
            setFormState({ open: false });
            setOpenId(detail.agency.id);
          }}
        />
      ) : null}
    </>
  );
}
