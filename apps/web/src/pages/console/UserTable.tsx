import type { User } from '@gongshu/contracts';
import { ROLE_LABELS } from '@gongshu/domain';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useUpdateUser } from '../../api/users';
import { errorText } from '../../api/errors';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';

export interface UserTableProps {
  readonly users: readonly User[];
  readonly loading: boolean;
  /** Account actions are shown to bureau administrators (user.manage). */
  readonly canManage: boolean;
  readonly onEdit: (user: User) => void;
  readonly onResetPassword: (user: User) => void;
}

/** Accounts with roles and state; disable, enable and unlock happen here after a confirmation. */
export function UserTable({ users, loading, canManage, onEdit, onResetPassword }: UserTableProps) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const update = useUpdateUser();

  const patch = async (user: User, body: { disabled?: boolean; unlock?: boolean }, done: string) => {
    try {
      await update.mutateAsync({ id: user.id, body });
      void message.success(done);
    } catch (error) {
      const text = errorText(error, lang);
      void message.error(text.message + (text.requirement ? `（${text.requirement}）` : ''));
    }
  };

  return (
    <Table<User>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...users]}
      data-testid="user-table"
      scroll={{ x: 1000 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      columns={[
        { key: 'username', title: t('users.username'), render: (_, user) => <code>{user.username}</code>, width: 150 },
        { key: 'name', title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
        {
          key: 'agency',
          title: t('users.agency'),
          render: (_, user) => user.agencyName ?? (user.publicKind ? t(`publicKind.${user.publicKind}`) : t('common.none')),
        },
        {
          key: 'roles',
          title: t('users.roles'),
          render: (_, user) => (
            <Space size={[4, 4]} wrap>
              {user.roles.map((role) => (
                <Tag key={role} color={role === 'steward' ? 'processing' : 'default'}>
                  {pick(ROLE_LABELS[role])}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          key: 'status',
          title: t('users.status'),
          width: 110,
          render: (_, user) => (
            <Space size={4} wrap>
              {user.disabled ? <Tag color="default">{t('users.statusDisabled')}</Tag> : null}
              {user.locked ? <Tag color="error">{t('users.statusLocked')}</Tag> : null}
              {!user.disabled && !user.locked ? <Tag color="success">{t('users.statusActive')}</Tag> : null}
            </Space>
          ),
        },
        {
          key: 'lastLogin',
          title: t('users.lastLogin'),
          width: 150,
          render: (_, user) =>
            user.lastLoginAt ? (
              formatDateTime(lang, user.lastLoginAt)
            ) : (
              <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
            ),
        },
        ...(canManage
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                fixed: 'right' as const,
                width: 230,
                render: (_: unknown, user: User) => (
                  <Space size={0} wrap>
                    {user.publicKind === null ? (
                      <Button type="link" size="small" onClick={() => onEdit(user)}>
                        {t('common.edit')}
                      </Button>
                    ) : null}
                    <Button type="link" size="small" onClick={() => onResetPassword(user)}>
                      {t('users.resetPassword')}
                    </Button>
                    {user.locked ? (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => void patch(user, { unlock: true }, t('users.unlocked', { name: user.displayName }))}
                      >
                        {t('users.unlock')}
                      </Button>
                    ) : null}
                    <Popconfirm
                      title={t(user.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: user.displayName })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        void patch(
                          user,
                          { disabled: !user.disabled },
                          t(user.disabled ? 'users.enabledDone' : 'users.disabledDone', { name: user.displayName }),
                        )
                      }
                    >
                      <Button type="link" size="small" danger={!user.disabled}>
                        {user.disabled ? t('users.enable') : t('users.disable')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
