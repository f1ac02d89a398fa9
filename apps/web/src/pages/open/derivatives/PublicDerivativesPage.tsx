/**
 * 去标识化开放数据 (/open/derivatives): the published de-identified derivatives of data that is not
 * opened (R18.4), anonymous, each with its source, size, k and basis.
 */
import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { usePublicDerivatives } from '../../../api/derivatives';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { formatDateTime } from '../../shared/labels';

export function PublicDerivativesPage() {
  const { t, lang } = useI18n();
  const list = usePublicDerivatives();
  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={t('open.derivatives.public.heading')}
          crumbs={[{ label: t('nav.home'), to: '/' }]}
          description={t('open.derivatives.public.intro')}
        />
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isPending ? <PageLoading /> : null}
        {list.data && list.data.length === 0 ? <Empty description={t('open.derivatives.public.empty')} /> : null}
        <Row gutter={[16, 16]} data-testid="public-derivatives">
          {(list.data ?? []).map((d) => (
            <Col xs={24} md={12} key={d.id}>
              <Card
                title={
                  <h2 className="gs-card-title">
                    <Link to={`/open/derivatives/${d.id}`}>{d.name}</Link>
                  </h2>
                }
                style={{ height: '100%' }}
              >
                {d.description ? <Typography.Paragraph ellipsis={{ rows: 3 }}>{d.description}</Typography.Paragraph> : null}
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t('open.derivatives.public.sourceLine', {
                    provider: d.provider.name,
                    resource: d.resource.name,
                    version: d.resource.version,
                  })}
                </Typography.Paragraph>
                <Space wrap>
                  <Tag color={d.basis === 'k_anonymity' ? 'success' : 'processing'}>{t(`open.derivatives.basis.${d.basis}`)}</Tag>
                  {d.basis === 'k_anonymity' ? <Tag>{t('open.derivatives.public.kTag', { k: d.k })}</Tag> : null}
                  <Tag>{t('open.derivatives.public.rows', { n: d.rows })}</Tag>
                  <Tag>{t('open.derivatives.public.fields', { n: d.fieldCount })}</Tag>
                  <Typography.Text type="secondary">
                    {t('open.derivatives.public.publishedAt')} {formatDateTime(lang, d.publishedAt)}
                  </Typography.Text>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      </div>
    </PublicLayout>
  );
}
