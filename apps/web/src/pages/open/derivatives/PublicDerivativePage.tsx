/**
 * One published derivative (/open/derivatives/:id, R18.4): what it is and where it comes from, the
 * dictionary with what was done to each field, the stored k-anonymity result (k, smallest class)
 * or the right holder's consent, the downloads (served by the open exit) and the citation line.
 */
import { ScrollRegion } from '../../../components/ScrollRegion';
import { ApiError } from '@gongshu/contracts';
import { Button, Card, Col, Descriptions, Result, Row, Space, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { usePublicDerivative, type DerivativeField } from '../../../api/derivatives';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { formatDateTime } from '../../shared/labels';
import { termLabel } from '../../catalog/shared/vocabulary';
import { CitationCard } from '../portal/CitationCard';
import { describeTreatment } from './treatments';

export function PublicDerivativePage() {
  const { t, lang, pick } = useI18n();
  const { id = '' } = useParams();
  const derivative = usePublicDerivative(id);
  const crumbs = [
    { label: t('nav.home'), to: '/' },
    { label: t('open.derivatives.public.heading'), to: '/open/derivatives' },
  ];
  const d = derivative.data;
  let body;
  if (derivative.isError) {
    const missing = derivative.error instanceof ApiError && (derivative.error.status === 404 || derivative.error.status === 400);
    body = missing ? (
      <Result
        status="404"
        title={t('open.derivatives.public.empty')}
        extra={<LinkButton to="/open/derivatives">{t('open.derivatives.public.heading')}</LinkButton>}
      />
    ) : (
      <ErrorAlert error={derivative.error} onRetry={() => void derivative.refetch()} />
    );
  } else if (!d) {
    body = <PageLoading />;
  } else {
    const columns = [
      {
        title: t('open.derivatives.public.col.field'),
        render: (_: unknown, f: DerivativeField) => f.name,
      },
      {
        title: t('open.derivatives.public.col.code'),
        render: (_: unknown, f: DerivativeField) => (f.action === 'drop' ? '—' : <Typography.Text code>{f.code}</Typography.Text>),
      },
      { title: t('open.derivatives.editor.type'), render: (_: unknown, f: DerivativeField) => termLabel(pick, 'dataType', f.dataType) },
      {
        title: t('open.derivatives.public.col.action'),
        render: (_: unknown, f: DerivativeField) =>
          f.action === 'drop' ? (
            <Typography.Text type="secondary">{t('open.derivatives.public.dropped')}</Typography.Text>
          ) : (
            describeTreatment(t, f.treatment)
          ),
      },
      {
        title: t('open.derivatives.public.col.qi'),
        render: (_: unknown, f: DerivativeField) => (f.quasiIdentifier ? t('open.derivatives.public.yes') : ''),
      },
    ];
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="gs-card-title">{t('open.derivatives.public.dictionary')}</h2>}>
              <ScrollRegion label={t('open.derivatives.public.dictionary')}>
                <Table<DerivativeField>
                  rowKey="code"
                  size="small"
                  columns={columns}
                  dataSource={d.fields}
                  pagination={false}
                  data-testid="derivative-dictionary"
                />
              </ScrollRegion>
            </Card>
            <CitationCard citation={d.citation} />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<h2 className="gs-card-title">{t('open.derivatives.public.downloads')}</h2>}>
              <Typography.Paragraph type="secondary">{t('open.derivatives.public.downloadsHint')}</Typography.Paragraph>
              <Space wrap>
                {d.downloads.map((x) => (
                  <Button key={x.format} href={x.url} download data-testid={`derivative-download-${x.format}`}>
                    {t('open.derivatives.public.download', { format: x.label })}
                  </Button>
                ))}
              </Space>
            </Card>
            <Card title={<h2 className="gs-card-title">{t('open.derivatives.public.check')}</h2>} data-testid="derivative-basis">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('open.derivatives.col.basis')}>{t(`open.derivatives.basis.${d.basis}`)}</Descriptions.Item>
                {d.check ? (
                  <Descriptions.Item label={t('open.derivatives.check.heading')}>
                    {t('open.derivatives.public.checkLine', {
                      k: d.check.k,
                      smallest: d.check.smallestClass,
                      classes: d.check.classes,
                      rows: d.check.rows,
                      at: formatDateTime(lang, d.check.checkedAt),
                    })}
                  </Descriptions.Item>
                ) : null}
                {d.consent ? (
                  <Descriptions.Item label={t('open.derivatives.consent.heading')}>
                    {t('open.derivatives.public.consentLine', {
                      holder: d.consent.holder,
                      document: d.consent.document,
                      date: d.consent.date,
                    })}
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={t('open.derivatives.public.source')}>
                  {t('open.derivatives.public.sourceLine', {
                    provider: d.provider.name,
                    resource: d.resource.name,
                    version: d.resource.version,
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={t('open.derivatives.col.rows')}>{d.rows}</Descriptions.Item>
                <Descriptions.Item label={t('open.derivatives.public.publishedAt')}>
                  {formatDateTime(lang, d.publishedAt)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Space>
        </Col>
      </Row>
    );
  }
  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader title={d?.name ?? t('open.derivatives.public.heading')} crumbs={crumbs} description={d?.description ?? undefined} />
        {body}
      </div>
    </PublicLayout>
  );
}
