/**
 * 应用成果 built on one open resource (R22.1), embedded by the portal's resource page: the approved
 * works that use it, and a way for a public user to submit theirs (linked to this resource).
 */
import { Alert, Button, Card, Col, Empty, Row, Typography } from 'antd';
import { useState } from 'react';
import { useShowcaseGallery } from '../../../api/openParticipation';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { useI18n } from '../../../i18n/useT';
import { ShowcaseCard } from './ShowcaseCard';
import { ShowcaseForm } from './ShowcaseForm';

export function ResourceShowcase({ resourceId }: { readonly resourceId: string }) {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const gallery = useShowcaseGallery({ resourceId });
  const [open, setOpen] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const headingId = `showcase-${resourceId}`;
  const items = gallery.data?.items ?? [];

  return (
    <Card
      title={
        <Typography.Title level={2} id={headingId} style={{ fontSize: 18, margin: 0 }}>
          {t('open.participation.showcase.resourceTitle')}
        </Typography.Title>
      }
      extra={
        can('open.participate') && !open ? (
          <Button onClick={() => setOpen(true)} data-testid="showcase-share">
            {t('open.participation.showcase.share')}
          </Button>
        ) : !me ? (
          <LinkButton to="/open/showcase">{t('open.participation.showcase.seeAll')}</LinkButton>
        ) : null
      }
      aria-labelledby={headingId}
      data-testid="resource-showcase"
    >
      {submitted ? (
        <Alert type="success" showIcon role="status" title={t('open.participation.showcase.submitted')} style={{ marginBottom: 12 }} />
      ) : null}
      {open ? (
        <div style={{ marginBottom: 16, padding: 16, background: 'rgba(0, 0, 0, 0.02)', borderRadius: 8 }}>
          <ShowcaseForm
            initialResourceIds={[resourceId]}
            onDone={() => {
              setOpen(false);
              setSubmitted(true);
            }}
            onCancel={() => setOpen(false)}
          />
        </div>
      ) : null}
      {gallery.isError ? <ErrorAlert error={gallery.error} onRetry={() => void gallery.refetch()} /> : null}
      {gallery.data && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('open.participation.showcase.resourceEmpty')} />
      ) : null}
      <Row gutter={[12, 12]}>
        {items.map((item) => (
          <Col key={item.id} xs={24} md={12}>
            <ShowcaseCard item={item} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
