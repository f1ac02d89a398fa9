/**
 * The open-data portal's home page (公共数据开放平台) for anonymous visitors: a hero with the
 * sector search, the platform's counts from /api/portal/summary, agencies per sector as a chart,
 * what the platform does, and the way in for government staff.
 */
import { Card, Col, Input, Row, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { usePortalSummary } from '../../api/portal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoading } from '../../components/PageLoading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useT } from '../../i18n/useT';
import { PublicLayout } from '../../layout/PublicLayout';
import { PortalServices } from './PortalServices';
import { PortalStats } from './PortalStats';
import { sectorCounts } from './sectorCounts';
import { SectorList } from './SectorList';

// ECharts is loaded after the page's text, in its own chunk.
const SectorChart = lazy(() => import('./SectorChart').then((module) => ({ default: module.SectorChart })));

export function PortalHome() {
  const t = useT();
  const summary = usePortalSummary();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const city = summary.data?.cityName ?? '';
  const heading = t('portal.heading', { city });
  useDocumentTitle(heading);
  const counts = useMemo(() => sectorCounts(summary.data?.sectors ?? []), [summary.data]);

  return (
    <PublicLayout footer={t('app.footerPortal', { city })}>
      <section className="gs-hero" aria-labelledby="portal-heading">
        <div className="gs-hero-inner">
          <h1 id="portal-heading" data-testid="portal-heading">
            {heading}
          </h1>
          <p>{t('portal.tagline')}</p>
          <form
            role="search"
            className="gs-hero-search"
            onSubmit={(event) => {
              event.preventDefault();
              setQuery(draft);
              document.getElementById('portal-sectors')?.scrollIntoView({ behavior: 'smooth' });
            }}
          >
            <label htmlFor="portal-search">{t('portal.search.label')}</label>
            <Input.Search
              id="portal-search"
              size="large"
              value={draft}
              placeholder={t('portal.search.placeholder')}
              enterButton={t('portal.search.button')}
              allowClear
              onChange={(event) => {
                setDraft(event.target.value);
                if (event.target.value === '') setQuery('');
              }}
              onSearch={(value) => {
                setQuery(value);
                document.getElementById('portal-sectors')?.scrollIntoView({ behavior: 'smooth' });
              }}
            />
          </form>
        </div>
      </section>

      <div className="gs-section gs-stats">
        <h2 className="gs-sr-only">{t('portal.stats.heading')}</h2>
        {summary.isError ? (
          <ErrorAlert error={summary.error} title={t('portal.loadError')} onRetry={() => void summary.refetch()} />
        ) : (
          <PortalStats counts={summary.data ?? null} />
        )}
      </div>

      <div className="gs-section">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Typography.Title level={2} className="gs-section-title">
              {t('portal.sectors.heading')}
            </Typography.Title>
            <Card>
              {summary.data ? (
                <Suspense fallback={<PageLoading />}>
                  <SectorChart counts={counts} />
                </Suspense>
              ) : (
                <PageLoading />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Typography.Title level={2} className="gs-section-title" id="portal-sectors">
              {t('portal.sectors.listHeading')}
            </Typography.Title>
            {summary.data ? <SectorList counts={counts} query={query} /> : null}
          </Col>
        </Row>

        <Typography.Title level={2} className="gs-section-title">
          {t('portal.services.heading')}
        </Typography.Title>
        <PortalServices />

        <Card style={{ margin: '32px 0 40px', background: '#eaf0fa', borderColor: '#c8d6ee' }}>
          <Row align="middle" gutter={[16, 16]}>
            <Col flex="auto">
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0, color: '#0c3d8a' }}>
                {t('portal.signIn.heading')}
              </Typography.Title>
              <Typography.Paragraph style={{ margin: '6px 0 0', color: 'rgba(0,0,0,0.75)' }}>
                {t('portal.signIn.hint')}
              </Typography.Paragraph>
            </Col>
            <Col>
              <LinkButton type="primary" size="large" to="/login">
                {t('portal.signIn.button')}
              </LinkButton>
            </Col>
          </Row>
        </Card>
      </div>
    </PublicLayout>
  );
}
