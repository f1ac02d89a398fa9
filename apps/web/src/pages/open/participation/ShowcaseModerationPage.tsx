/**
 * 成果审核 (/open-admin/showcase, R22.1): the bureau's moderation queue. Pending works (oldest
 * first) are approved into the public gallery or rejected with a reason the submitter reads; a
 * shown work can be taken down with a reason.
 */
import { Button, Card, Col, Empty, Form, Input, Modal, Row, Segmented } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useModerateShowcase, useShowcaseQueue, type ShowcaseItem, type ShowcaseState } from '../../../api/openParticipation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { showFieldErrors } from './fieldErrors';
import { SHOWCASE_STATE_LABEL } from './labels';
import { ShowcaseCard } from './ShowcaseCard';

const STATES: readonly ShowcaseState[] = ['pending', 'approved', 'rejected', 'withdrawn'];

export function ShowcaseModerationPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = STATES.find((s) => s === stateParam) ?? 'pending';
  const queue = useShowcaseQueue(state);
  const moderate = useModerateShowcase();
  const [rejecting, setRejecting] = useState<ShowcaseItem | null>(null);

  return (
    <>
      <PageHeader title={t('open.participation.moderation.title')} description={t('open.participation.moderation.intro')} />
      <Card>
        <Segmented<ShowcaseState>
          aria-label={t('open.participation.moderation.show')}
          value={state}
          onChange={(value) => setParams(value === 'pending' ? {} : { state: value }, { replace: true })}
          options={STATES.map((s) => ({ value: s, label: t(SHOWCASE_STATE_LABEL[s]) }))}
          style={{ marginBottom: 16 }}
        />
        {moderate.isError ? <ErrorAlert error={moderate.error} /> : null}
        {queue.isPending ? <PageLoading /> : null}
        {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
        {queue.data && queue.data.length === 0 ? <Empty description={t('open.participation.moderation.empty')} /> : null}
        <Row gutter={[16, 16]} data-testid="showcase-queue">
          {queue.data?.map((item) => (
            <Col key={item.id} xs={24} lg={12}>
              <ShowcaseCard
                item={item}
                headingLevel={2}
                showState
                actions={
                  item.state === 'pending' ? (
                    <>
                      <Button
                        type="primary"
                        size="small"
                        loading={moderate.isPending && moderate.variables.id === item.id}
                        onClick={() => moderate.mutate({ id: item.id, approve: true })}
                        data-testid="showcase-approve"
                      >
                        {t('open.participation.moderation.approve')}
                      </Button>
                      <Button size="small" danger onClick={() => setRejecting(item)} data-testid="showcase-reject">
                        {t('open.participation.moderation.reject')}
                      </Button>
                    </>
                  ) : item.state === 'approved' ? (
                    <Button size="small" danger onClick={() => setRejecting(item)}>
                      {t('open.participation.moderation.takeDown')}
                    </Button>
                  ) : null
                }
              />
            </Col>
          ))}
        </Row>
      </Card>
      {rejecting ? <RejectModal item={rejecting} onClose={() => setRejecting(null)} /> : null}
    </>
  );
}

function RejectModal({ item, onClose }: { readonly item: ShowcaseItem; readonly onClose: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const moderate = useModerateShowcase();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t(item.state === 'approved' ? 'open.participation.moderation.takeDownTitle' : 'open.participation.moderation.rejectTitle', {
        title: item.title,
      })}
      okText={t(item.state === 'approved' ? 'open.participation.moderation.takeDown' : 'open.participation.moderation.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('open.participation.cancel')}
      confirmLoading={moderate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setError(null);
          moderate.mutate(
            { id: item.id, approve: false, reason: values.reason.trim() },
            {
              onSuccess: onClose,
              onError: (caught) => {
                if (!showFieldErrors(form, caught, lang, ['reason'])) setError(caught);
              },
            },
          );
        }}
      >
        <Form.Item
          label={t('open.participation.moderation.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('open.participation.moderation.reasonRequired') }]}
          extra={t('open.participation.moderation.reasonHelp')}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
