/**
 * The open data portal's home page (公共数据开放平台, issue 7 item 1) for anonymous visitors: a
 * search box that leads to /open, the open data's counts, featured datasets (most downloaded and
 * newest), open resources per sector or class as a chart, the ways into demands, the showcase,
 * de-identified data and the developer interfaces, and the node's overview with the staff sign-in.
 */
import { Card, Col, Input, Row, Segmented, Typography } from 'antd';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { usePortalSummary } from '../../../api/portal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageLoading } from '../../../components/PageLoading';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { useI18n } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { EntryPoints } from './EntryPoints';
import { FeaturedList } from './FeaturedList';
import { OpenStats } from './OpenStats';

// ECharts is loaded after the page's text, in its own chunk.
const DistributionChart = lazy(() => import('./DistributionChart').then((module) => ({ default: module.DistributionChart })));

export function OpenHomePage() {
  const { t, pick } = useI18n();
  const summary = usePortalSummary();
  const navigate = useNavigate();
  const searchId = useId();
  const [draft, setDraft] = useState('');
  const [by, setBy] = useState<'sector' | 'class'>('sector');
  const city = summary.data?.cityName ?? '';
  const heading = t('open.portal.home.heading', { city });
  useDocumentTitle(heading);
  const data = summary.data;
  const buckets = useMemo(() => (by === 'sector' ? (data?.bySector ?? []) : (data?.byClass ?? [])), [by, data]);

  const go = (value: string) => {
    const q = value.trim();
    void navigate(q ? `/open?q=${encodeURIComponent(q)}` : '/open');
  };

  return (
    <PublicLayout footer={t('app.footerPortal', { city })}>
      <section className="gs-hero" aria-labelledby="portal-heading">
        <div className="gs-hero-inner">
          <h1 id="portal-heading" data-testid="portal-heading">
            {heading}
          </h1>
          <p>{t('open.portal.home.tagline')}</p>
          <form
            role="search"
            className="gs-hero-search"
            // Input.Search searches on Enter and on its button; the form only gives the landmark.
            onSubmit={(event) => event.preventDefault()}
          >
            <label htmlFor={searchId}>{t('open.portal.search.label')}</label>
            <Input.Search
              id={searchId}
              size="large"
              value={draft}
              maxLength={200}
              placeholder={t('open.portal.search.placeholder')}
              enterButton={t('open.portal.search.button')}
              allowClear
              onChange={(event) => setDraft(event.target.value)}
              onSearch={go}
              data-testid="open-search-input"
            />
          </form>
        </div>
      </section>

      <div className="gs-section gs-stats">
        <h2 className="gs-sr-only">{t('open.portal.stats.heading')}</h2>
        {summary.isError ? (
          <ErrorAlert error={summary.error} title={t('open.portal.loadError')} onRetry={() => void summary.refetch()} />
        ) : (
          <OpenStats summary={data ?? null} />
        )}
      </div>

      <div className="gs-section">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Typography.Title level={2} className="gs-section-title">
              {t('open.portal.featured.mostDownloaded')}
            </Typography.Title>
            {data ? (
              <FeaturedList
                items={data.featured.mostDownloaded}
                emptyText={t('open.portal.featured.noDownloads')}
                testId="featured-downloaded"
              />
            ) : (
              <PageLoading />
            )}
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Title level={2} className="gs-section-title">
              {t('open.portal.featured.newest')}
            </Typography.Title>
            {data ? (
              <FeaturedList items={data.featured.newest} emptyText={t('open.portal.featured.none')} testId="featured-newest" />
            ) : (
              <PageLoading />
            )}
          </Col>
        </Row>

        <Typography.Title level={2} className="gs-section-title">
          {t('open.portal.chart.heading')}
        </Typography.Title>
        <Card
          extra={
            <Segmented<'sector' | 'class'>
              aria-label={t('open.portal.chart.by')}
              value={by}
              onChange={setBy}
              options={[
                { value: 'sector', label: t('open.portal.chart.bySector') },
                { value: 'class', label: t('open.portal.chart.byClass') },
              ]}
            />
          }
        >
          {data ? (
            buckets.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('open.portal.chart.empty')}</Typography.Paragraph>
            ) : (
              <Suspense fallback={<PageLoading />}>
                <DistributionChart
                  categories={buckets.map((b) => pick(b.label))}
                  values={buckets.map((b) => b.count)}
                  summary={buckets
                    .map((b) => t('open.portal.chart.item', { label: pick(b.label), count: b.count }))
                    .join(t('common.listSeparator'))}
                />
              </Suspense>
            )
          ) : (
            <PageLoading />
          )}
        </Card>

        <Typography.Title level={2} className="gs-section-title">
          {t('open.portal.entries.heading')}
        </Typography.Title>
        <EntryPoints />

        <Card style={{ margin: '32px 0 40px', background: '#eaf0fa', borderColor: '#c8d6ee' }}>
          <Row align="middle" gutter={[16, 16]}>
            <Col flex="auto">
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0, color: '#0c3d8a' }}>
                {t('open.portal.staff.heading')}
              </Typography.Title>
              <Typography.Paragraph style={{ margin: '6px 0 0', color: 'rgba(0,0,0,0.75)' }}>
                {t('open.portal.staff.hint')}
              </Typography.Paragraph>
            </Col>
            <Col>
              <LinkButton type="primary" size="large" to="/login">
                {t('open.portal.staff.button')}
              </LinkButton>
            </Col>
          </Row>
        </Card>
      </div>
    </PublicLayout>
  );
}
