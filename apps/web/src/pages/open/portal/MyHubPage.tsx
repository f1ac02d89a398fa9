/**
 * 我的 (/me): a signed-in public user's hub on the portal — the account, the ways to their
 * applications and grants with usage reports (R19.2, R20.1), objections (R20.2) and showcase
 * items (R22.1), and their API keys for the query API (R19.1).
 */
import { Button, Card, Col, List, Row } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../../auth/useAuth';
import { PageHeader } from '../../../components/PageHeader';
import type { MessageKey } from '../../../i18n/zh';
import { useT } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { AccountCard } from '../../profile/AccountCard';
import { ApiKeysCard } from '../../profile/ApiKeysCard';
import { ChangePasswordCard } from '../../profile/ChangePasswordCard';

const LINKS: readonly { to: string; title: MessageKey; desc: MessageKey }[] = [
  { to: '/me/applications', title: 'open.portal.me.applications', desc: 'open.portal.me.applicationsDesc' },
  { to: '/me/grants', title: 'open.portal.me.grants', desc: 'open.portal.me.grantsDesc' },
  { to: '/me/objections', title: 'open.portal.me.objections', desc: 'open.portal.me.objectionsDesc' },
  { to: '/me/showcase', title: 'open.portal.me.showcase', desc: 'open.portal.me.showcaseDesc' },
  { to: '/open/demands/new', title: 'open.portal.me.demand', desc: 'open.portal.me.demandDesc' },
];

export function MyHubPage() {
  const t = useT();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const { hash } = useLocation();
  // /me#api-keys (from a resource page or the developers page) scrolls to the keys.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);
  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={t('open.portal.me.heading')}
          crumbs={[{ label: t('nav.home'), to: '/' }]}
          description={me ? t('open.portal.me.welcome', { name: me.user.displayName }) : undefined}
          extra={
            <Button data-testid="me-sign-out" onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}>
              {t('nav.signOut')}
            </Button>
          }
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title={<h2 className="gs-card-title">{t('open.portal.me.links')}</h2>} data-testid="me-links">
              <List
                dataSource={[...LINKS]}
                renderItem={(item) => (
                  <List.Item key={item.to}>
                    <List.Item.Meta title={<Link to={item.to}>{t(item.title)}</Link>} description={t(item.desc)} />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <AccountCard />
          </Col>
          <Col span={24} id="api-keys">
            <ApiKeysCard />
          </Col>
          <Col xs={24} xl={12}>
            <ChangePasswordCard />
          </Col>
        </Row>
      </div>
    </PublicLayout>
  );
}
