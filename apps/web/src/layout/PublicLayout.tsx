/**
 * The shell of public pages (portal, sign-in, error pages): a header with the portal's name,
 * language switch and sign-in (or a way into the workspace when signed in), <main> and a footer.
 */
import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { homePath } from '../auth/homePath';
import { useAuth } from '../auth/useAuth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SkipLink } from '../components/SkipLink';
import { useT } from '../i18n/useT';
import { Brand } from './Brand';

export function PublicLayout({ children, footer }: { readonly children: ReactNode; readonly footer?: ReactNode }) {
  const t = useT();
  const { me } = useAuth();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="gs-header">
        <Brand name={t('app.brand')} product={t('app.portalName')} to="/" />
        <nav aria-label={t('nav.portalNav')} className="gs-header-actions">
          <Link to="/" className="gs-header-link gs-hide-narrow">
            {t('nav.home')}
          </Link>
          <LanguageSwitch onDark />
          {me ? (
            <Link to={homePath(me)} className="gs-header-cta-link">
              {t('nav.enter')}
            </Link>
          ) : (
            <Link to="/login" className="gs-header-cta-link" data-testid="portal-sign-in">
              {t('nav.signIn')}
            </Link>
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
