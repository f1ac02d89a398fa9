import { ROLE_LABELS } from '@gongshu/domain';
import { App, Avatar, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { useI18n } from '../i18n/useT';

/** The signed-in user in the header: name, main role, and a menu with profile and sign-out. */
export function UserMenu() {
  const { me, signOut } = useAuth();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!me) return null;
  const { user } = me;
  const role = user.roles[0];

  const doSignOut = async () => {
    await signOut();
    void message.success(t('nav.signedOut'));
    await navigate('/login', { replace: true });
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'profile', label: t('nav.profile') },
          { type: 'divider' },
          { key: 'signout', label: t('nav.signOut'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') void navigate('/profile');
          if (key === 'signout') void doSignOut();
        },
      }}
    >
      <Button type="text" className="gs-user-button" aria-label={t('nav.userMenu', { name: user.displayName })} data-testid="user-menu">
        <Avatar size="small" style={{ backgroundColor: '#f5c542', color: '#082c66' }} aria-hidden="true">
          {user.displayName.slice(0, 1)}
        </Avatar>
        <span className="gs-user-name">{user.displayName}</span>
        {role ? <span className="gs-user-role">{pick(ROLE_LABELS[role])}</span> : null}
      </Button>
    </Dropdown>
  );
}
