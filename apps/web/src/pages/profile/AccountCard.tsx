import { ROLE_LABELS } from '@gongshu/domain';
import { Card, Descriptions, Space, Tag } from 'antd';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/useT';
import { formatDateTime, kindLabel } from '../shared/labels';

/** Who the signed-in user is: name, username, roles, agency (or public-user type), session end. */
export function AccountCard() {
  const i18n = useI18n();
  const { t, pick, lang } = i18n;
  const { me } = useAuth();
  if (!me) return null;
  const { user } = me;
  return (
    <Card title={<h2 className="gs-card-title">{t('profile.info')}</h2>}>
      <Descriptions
        column={1}
        size="small"
        data-testid="profile-account"
        items={[
          { key: 'name', label: t('profile.displayName'), children: user.displayName },
          { key: 'username', label: t('profile.username'), children: <code>{user.username}</code> },
          {
            key: 'roles',
            label: t('profile.roles'),
            children: (
              <Space size={[4, 4]} wrap>
                {user.roles.map((role) => (
                  <Tag key={role} color="processing">
                    {pick(ROLE_LABELS[role])}
                  </Tag>
                ))}
              </Space>
            ),
          },
          user.agency
            ? { key: 'agency', label: t('profile.agency'), children: `${user.agency.name}（${kindLabel(i18n, user.agency.kind)}）` }
            : {
                key: 'kind',
                label: t('profile.publicKind'),
                children: user.publicKind ? t(`publicKind.${user.publicKind}`) : t('common.none'),
              },
          ...(me.session
            ? [{ key: 'session', label: t('profile.sessionExpires'), children: formatDateTime(lang, me.session.expiresAt) }]
            : []),
        ]}
      />
    </Card>
  );
}
