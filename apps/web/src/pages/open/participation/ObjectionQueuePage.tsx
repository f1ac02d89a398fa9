/**
 * 异议答复 (/open-admin/objections, R20.2): objections to my agency's open resources (the bureau
 * sees every agency's), the unanswered first with the working days left; the steward answers with
 * the text and what was done. Answers are public, so the form says so.
 */
import { Button, Card, Empty, Flex, Form, Input, Modal, Radio, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  OBJECTION_ACTIONS,
  useAnswerObjection,
  useObjectionQueue,
  type Objection,
  type ObjectionAction,
} from '../../../api/openParticipation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { TimeLeft } from '../../deadlines/TimeLeft';
import { showFieldErrors } from './fieldErrors';
import { OBJECTION_ACTION_LABEL } from './labels';
import { ObjectionCard } from './ObjectionCard';

type Show = 'open' | 'answered' | 'all';

export function ObjectionQueuePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const showParam = params.get('show');
  const show: Show = showParam === 'answered' || showParam === 'all' ? showParam : 'open';
  const queue = useObjectionQueue(show);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const rows = queue.data ?? [];
  const overdue = rows.filter((o) => o.state === 'open' && o.overdue).length;

  return (
    <>
      <PageHeader title={t('open.participation.queue.title')} description={t('open.participation.queue.intro')} />
      <Card>
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="objection-queue-summary">
            {show === 'open' && queue.data ? t('open.participation.queue.summary', { total: rows.length, overdue }) : null}
          </Typography.Paragraph>
          <Segmented<Show>
            aria-label={t('open.participation.queue.show')}
            value={show}
            onChange={(value) => setParams(value === 'open' ? {} : { show: value }, { replace: true })}
            options={[
              { value: 'open', label: t('open.participation.objection.state.open') },
              { value: 'answered', label: t('open.participation.objection.state.answered') },
              { value: 'all', label: t('open.participation.all') },
            ]}
          />
        </Flex>
        {queue.isPending ? <PageLoading /> : null}
        {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
        {queue.data && rows.length === 0 ? <Empty description={t('open.participation.queue.empty')} /> : null}
        <div data-testid="objection-queue">
          {rows.map((objection) => (
            <ObjectionCard
              key={objection.id}
              objection={objection}
              showResource
              headingLevel={2}
              extra={
                <>
                  {objection.deadline ? <TimeLeft item={objection.deadline} /> : null}
                  {objection.canAnswer ? (
                    <Button size="small" type="primary" onClick={() => setAnswering(objection)} data-testid="objection-answer-open">
                      {t('open.participation.queue.answer')}
                    </Button>
                  ) : null}
                </>
              }
            />
          ))}
        </div>
      </Card>
      {answering ? <AnswerModal objection={answering} onClose={() => setAnswering(null)} /> : null}
    </>
  );
}

function AnswerModal({ objection, onClose }: { readonly objection: Objection; readonly onClose: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ answer: string; action: ObjectionAction }>();
  const answer = useAnswerObjection();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('open.participation.queue.answerTitle', { number: objection.number })}
      okText={t('open.participation.queue.answerSubmit')}
      cancelText={t('open.participation.cancel')}
      confirmLoading={answer.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {objection.description}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ action: 'corrected' }}
        onFinish={(values) => {
          setError(null);
          answer.mutate(
            { id: objection.id, answer: values.answer.trim(), action: values.action },
            {
              onSuccess: onClose,
              onError: (caught) => {
                if (!showFieldErrors(form, caught, lang, ['answer', 'action'])) setError(caught);
              },
            },
          );
        }}
      >
        <Form.Item label={t('open.participation.queue.action')} name="action" rules={[{ required: true }]}>
          <Radio.Group options={OBJECTION_ACTIONS.map((action) => ({ value: action, label: t(OBJECTION_ACTION_LABEL[action]) }))} />
        </Form.Item>
        <Form.Item
          label={t('open.participation.queue.answerText')}
          name="answer"
          rules={[{ required: true, whitespace: true, message: t('open.participation.form.required') }]}
          extra={t('open.participation.queue.publicNote')}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="objection-answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
