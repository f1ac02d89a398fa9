/**
 * The signed-in shell: header (brand, notifications, language, user, sign-out), role-based side
 * navigation, the page in <main>, and a footer. Signed-out visitors are sent to /login and back.
 */
import { Button, Layout, Menu, type MenuProps } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { loginPathFor } from '../auth/homePath';
import { useAuth } from '../auth/useAuth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageLoading } from '../components/PageLoading';
import { SkipLink } from '../components/SkipLink';
import { useT } from '../i18n/useT';
import { Brand } from './Brand';
import { GROUP_PERMISSION, NAV_ITEMS, selectedNavPath, type NavItem } from './navItems';
import { UserMenu } from './UserMenu';

// The bell and its drawer load with the first signed-in page, not with the public portal.
const NotificationBell = lazy(() => import('./NotificationBell').then((module) => ({ default: module.NotificationBell })));
// Likewise the bureau's count of catalog submissions waiting for review.
const ReviewCountBadge = lazy(() => import('./ReviewCountBadge').then((module) => ({ default: module.ReviewCountBadge })));

export function AppLayout() {
  const { me, loading, can, signOut, signedOut } = useAuth();
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  // Below the lg breakpoint the side navigation folds away behind a header button.
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo<MenuProps['items']>(() => {
    const visible = NAV_ITEMS.filter((item) => can(item.permission));
    const result: NonNullable<MenuProps['items']> = [];
    const grouping = can(GROUP_PERMISSION);
    const labelOf = (item: NavItem, text: string) =>
      item.badge === 'catalogReviews' ? (
        <span>
          {text}
          <Suspense fallback={null}>
            <ReviewCountBadge />
          </Suspense>
        </span>
      ) : (
        text
      );
    for (const item of visible) {
      if (!item.group || !grouping) {
        result.push({
          key: item.path,
          label: labelOf(item, t(item.group && !grouping ? (item.labelOutsideGroup ?? item.label) : item.label)),
        });
        continue;
      }
      const entry = { key: item.path, label: labelOf(item, t(item.label)) };
      const groupKey = `group:${item.group}`;
      const group = result.find((existing) => existing?.key === groupKey);
      if (group && 'children' in group && group.children) group.children.push(entry);
      else result.push({ key: groupKey, type: 'group', label: t(item.group), children: [entry] });
    }
    return result;
  }, [can, t]);

  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={signedOut ? '/login' : loginPathFor(location)} replace />;

  const selected = selectedNavPath(location.pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="gs-header">
        <div className="gs-header-start">
          {narrow ? (
            <Button
              type="text"
              className="gs-menu-toggle"
              aria-expanded={!collapsed}
              aria-controls="gs-side-nav"
              onClick={() => setCollapsed((value) => !value)}
            >
              {t('nav.menu')}
            </Button>
          ) : null}
          <Brand name={t('app.brand')} product={t('app.consoleName')} to="/" />
        </div>
        <div className="gs-header-actions">
          <Suspense fallback={null}>
            <NotificationBell />
          </Suspense>
          <LanguageSwitch onDark />
          <UserMenu />
          <Button
            type="text"
            // Narrow screens keep sign-out in the user menu only, to leave room for the bell.
            className="gs-header-button gs-hide-narrow"
            data-testid="sign-out"
            onClick={() => {
              void signOut().then(() => navigate('/login', { replace: true }));
            }}
          >
            {t('nav.signOut')}
          </Button>
        </div>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          width={220}
          breakpoint="lg"
          collapsedWidth={0}
          collapsible
          collapsed={collapsed}
          trigger={null}
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setCollapsed(broken);
          }}
          className="gs-sider"
          theme="light"
        >
          <nav aria-label={t('nav.main')} id="gs-side-nav">
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              onClick={({ key }) => {
                if (narrow) setCollapsed(true);
                void navigate(key);
              }}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Content id="main-content" tabIndex={-1} className="gs-content">
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer className="gs-footer">{t('app.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
