/**
 * 用户管理: accounts filtered by agency, role or name (kept in the URL, so "name a steward" from
 * the console lands on the agency's accounts). Bureau administrators create accounts, change
 * roles (naming data stewards, R8.1), disable, enable, unlock and reset passwords.
 */
import type { User } from '@gongshu/contracts';
import { ROLE_LABELS, ROLES, type Role } from '@gongshu/domain';
import { Alert, Button, Card, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAgencies } from '../../api/agencies';
import { useUsers, type UserFilter } from '../../api/users';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/useT';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { UserTable } from './UserTable';

type FormState = { open: false } | { open: true; editing: User | null };

const isRole = (value: string | null): value is Role => value !== null && (ROLES as readonly string[]).includes(value);

export function UsersPage() {
  const { t, pick } = useI18n();
  const { can } = useAuth();
  const canManage = can('user.manage');
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agencyId') ?? undefined;
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const filter: UserFilter = { ...(agencyId ? { agencyId } : {}), ...(role ? { role } : {}), ...(q ? { q } : {}) };
  const users = useUsers(filter);
  const agencies = useAgencies();
  const [formState, setFormState] = useState<FormState>({ open: false });
  const [resetting, setResetting] = useState<User | null>(null);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const filteredAgency = agencies.data?.find((agency) => agency.id === agencyId);

  return (
    <>
      <PageHeader
        title={t('users.heading')}
        crumbs={[{ label: t('nav.console'), to: '/console' }]}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setFormState({ open: true, editing: null })} data-testid="user-create">
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('users.filterName')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('users.filterAgency')}
            placeholder={t('users.filterAgency')}
            style={{ width: 280 }}
            value={agencyId}
            loading={agencies.isPending}
            onChange={(value: string | undefined) => setParam('agencyId', value)}
            options={(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
          />
          <Select
            allowClear
            aria-label={t('users.filterRole')}
            placeholder={t('users.filterRole')}
            style={{ width: 220 }}
            value={role}
            onChange={(value: string | undefined) => setParam('role', value)}
            options={ROLES.map((value) => ({ value, label: pick(ROLE_LABELS[value]) }))}
          />
          <Input.Search
            allowClear
            aria-label={t('users.filterName')}
            placeholder={t('users.filterName')}
            style={{ width: 260 }}
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              if (event.target.value === '') setParam('q', undefined);
            }}
            onSearch={(value) => setParam('q', value.trim() || undefined)}
          />
        </Flex>
        {filteredAgency && filteredAgency.stewardCount === 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${filteredAgency.name}：${t('agency.noStewardOther')}`}
            description={canManage ? t('users.stewardHelp') : undefined}
          />
        ) : null}
        {users.isError ? (
          <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <UserTable
            users={users.data ?? []}
            loading={users.isFetching}
            canManage={canManage}
            onEdit={(user) => setFormState({ open: true, editing: user })}
            onResetPassword={setResetting}
          />
        )}
      </Card>
      {canManage ? (
        <>
          <UserFormModal
            open={formState.open}
            editing={formState.open ? formState.editing : null}
            defaultAgencyId={agencyId ?? null}
            agencies={agencies.data ?? []}
            onClose={() => setFormState({ open: false })}
          />
          <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
        </>
      ) : null}
    </>
  );
}
