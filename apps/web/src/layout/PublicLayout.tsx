/**
 * The shell of public pages (portal, sign-in, error pages): a header with the portal's name, the
 * open data portal's sections, language switch and sign-in or registration (or, signed in, 我的
 * for public users and the workspace for staff), <main> and a footer.
 */
import { Button, Layout } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { homePath } from '../auth/homePath';
import { useAuth } from '../auth/useAuth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SkipLink } from '../components/SkipLink';
import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/zh';
import { Brand } from './Brand';

const PORTAL_LINKS: readonly { to: string; label: MessageKey; narrow?: boolean }[] = [
  { to: '/open', label: 'open.portal.nav.open', narrow: true },
  { to: '/open/demands', label: 'open.portal.nav.demands' },
  { to: '/open/showcase', label: 'open.portal.nav.showcase' },
  { to: '/open/derivatives', label: 'open.portal.nav.derivatives' },
  { to: '/open/developers', label: 'open.portal.nav.developers' },
];

export function PublicLayout({ children, footer }: { readonly children: ReactNode; readonly footer?: ReactNode }) {
  const t = useT();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="gs-header">
        <Brand name={t('app.brand')} product={t('app.portalName')} to="/" />
        <nav aria-label={t('nav.portalNav')} className="gs-header-actions">
          {/* The open data portal's sections (issue 7); each page is public. */}
          {PORTAL_LINKS.map((link) => (
            <Link key={link.to} to={link.to} className={`gs-header-link${link.narrow ? '' : ' gs-hide-narrow'}`}>
              {t(link.label)}
            </Link>
          ))}
          <LanguageSwitch onDark />
          {me ? (
            // Public users have their hub on the portal; agency staff go to their workspace.
            me.permissions.includes('open.participate') ? (
              <>
                <Link to="/me" className="gs-header-cta-link" data-testid="portal-me">
                  {t('open.portal.nav.me')}
                </Link>
                <Button
                  type="text"
                  className="gs-header-button gs-hide-narrow"
                  data-testid="sign-out"
                  onClick={() => {
                    void signOut().then(() => navigate('/login', { replace: true }));
                  }}
                >
                  {t('nav.signOut')}
                </Button>
              </>
            ) : (
              <Link to={homePath(me)} className="gs-header-cta-link">
                {t('nav.enter')}
              </Link>
            )
          ) : (
            <>
              <Link to="/open/register" className="gs-header-link" data-testid="portal-register">
                {t('open.portal.nav.register')}
              </Link>
              <Link to="/login" className="gs-header-cta-link" data-testid="portal-sign-in">
                {t('nav.signIn')}
              </Link>
            </>
          )}
        </nav>
      </Layout.Header>
      <Layout.Content id="main-content" tabIndex={-1}>
        {children}
      </Layout.Content>
      <Layout.Footer className="gs-footer gs-footer-public">{footer ?? t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
