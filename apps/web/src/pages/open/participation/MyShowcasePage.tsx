/**
 * 我的成果 (/me/showcase, R22.1): my submissions in every state with the bureau's reason when not
 * shown, withdrawing one, and the form to submit a new one (?new=1 opens it).
 */
import { Alert, Button, Card, Col, Empty, Popconfirm, Row } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMyShowcase, useWithdrawShowcase } from '../../../api/openParticipation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { ShowcaseCard } from './ShowcaseCard';
import { ShowcaseForm } from './ShowcaseForm';

export function MyShowcasePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const mine = useMyShowcase();
  const withdraw = useWithdrawShowcase();
  const [submitted, setSubmitted] = useState(false);
  const formOpen = params.get('new') === '1';
  const setFormOpen = (open: boolean) => setParams(open ? { new: '1' } : {}, { replace: true });

  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={t('open.participation.mine.showcaseTitle')}
          crumbs={[
            { label: t('nav.home'), to: '/' },
            { label: t('open.participation.mine.hub'), to: '/me' },
          ]}
          description={t('open.participation.mine.showcaseIntro')}
          extra={
            formOpen ? null : (
              <Button type="primary" onClick={() => setFormOpen(true)} data-testid="showcase-new">
                {t('open.participation.showcase.submitOwn')}
              </Button>
            )
          }
        />
        {submitted ? (
          <Alert type="success" showIcon role="status" title={t('open.participation.showcase.submitted')} style={{ marginBottom: 16 }} />
        ) : null}
        {formOpen ? (
          <Card title={<h2 className="gs-card-title">{t('open.participation.showcase.submitTitle')}</h2>} style={{ marginBottom: 16 }}>
            <ShowcaseForm
              onDone={() => {
                setSubmitted(true);
                setFormOpen(false);
              }}
              onCancel={() => setFormOpen(false)}
            />
          </Card>
        ) : null}
        {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
        {mine.isPending ? <PageLoading /> : null}
        {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
        {mine.data && mine.data.length === 0 ? (
          <Card>
            <Empty description={t('open.participation.mine.showcaseEmpty')} />
          </Card>
        ) : null}
        <Row gutter={[16, 16]} data-testid="my-showcase">
          {mine.data?.map((item) => (
            <Col key={item.id} xs={24} md={12}>
              <ShowcaseCard
                item={item}
                headingLevel={2}
                showState
                actions={
                  item.canWithdraw ? (
                    <Popconfirm
                      title={t('open.participation.mine.withdrawConfirm')}
                      okText={t('open.participation.mine.withdraw')}
                      cancelText={t('open.participation.cancel')}
                      onConfirm={() => withdraw.mutate(item.id)}
                    >
                      <Button size="small" danger loading={withdraw.isPending && withdraw.variables === item.id}>
                        {t('open.participation.mine.withdraw')}
                      </Button>
                    </Popconfirm>
                  ) : null
                }
              />
            </Col>
          ))}
        </Row>
      </div>
    </PublicLayout>
  );
}
