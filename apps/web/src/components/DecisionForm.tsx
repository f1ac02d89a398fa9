import { App, Button, Form, Input, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { ErrorAlert } from './ErrorAlert';
import { ReasonsFields } from './ReasonsFields';

/** One specific reason of a rejection with its legal basis (R16.1, R19.4). */
export interface RejectionReason {
  readonly reason: string;
  readonly legalBasis: string;
}

/**
 * The form's values: the choice, the comment and the reasons, plus what an approval covers
 * (`Approval`: e.g. the provider's fields and period), which the caller's `approveFields` edit.
 */
export type DecisionValues<Approval extends object = object> = Partial<Approval> & {
  decision: 'approve' | 'reject';
  comment?: string;
  reasons?: Partial<RejectionReason>[];
};

/** What the reviewer decided; the approval's values are given only when approving, and only those filled in. */
export type Decision<Approval extends object = object> = Partial<Approval> & {
  readonly approve: boolean;
  readonly comment?: string;
  readonly reasons?: RejectionReason[];
};

export interface DecisionFormProps<Approval extends object> {
  readonly testId: string;
  readonly help: string;
  readonly initialValues?: Partial<DecisionValues<Approval>>;
  /** More fields shown when approving (named after the keys of `Approval`). */
  readonly approveFields?: ReactNode;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onDecide: (decision: Decision<Approval>) => Promise<unknown>;
}

/** The approval's values that were filled in (an empty choice of fields is kept: the server refuses it). */
function filledIn<Approval extends object>(values: DecisionValues<Approval>): Partial<Approval> {
  const own = new Set(['decision', 'comment', 'reasons']);
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => !own.has(key) && Boolean(value))) as Partial<Approval>;
}

/**
 * A review's decision, for share requests and open-data applications alike: approve (with an
 * optional comment, and what the approval covers), or reject with every reason at once, each with
 * its legal basis (R16.1, R19.4), after a confirmation.
 */
export function DecisionForm<Approval extends object = object>({
  testId,
  help,
  initialValues,
  approveFields,
  pending,
  error,
  onDecide,
}: DecisionFormProps<Approval>) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DecisionValues<Approval>>();
  const decision = (Form.useWatch('decision', form) as DecisionValues['decision'] | undefined) ?? 'approve';

  const send = (values: DecisionValues<Approval>) => {
    const comment = values.comment?.trim() || undefined;
    if (values.decision === 'approve') {
      onDecide({ ...filledIn(values), approve: true, ...(comment ? { comment } : {}) })
        .then(() => void message.success(t('share.decide.approved')))
        // A refusal shows above the form, from the mutation's state.
        .catch(() => undefined);
      return;
    }
    const reasons = (values.reasons ?? []).map((entry) => ({
      reason: (entry.reason ?? '').trim(),
      legalBasis: (entry.legalBasis ?? '').trim(),
    }));
    modal.confirm({
      title: t('share.decide.reject'),
      content: t('share.decide.rejectConfirm', { count: reasons.length }),
      okText: t('share.decide.reject'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        onDecide({ approve: false, reasons, ...(comment ? { comment } : {}) } as Decision<Approval>)
          .then(() => void message.success(t('share.decide.rejected')))
          .catch(() => undefined),
    });
  };

  return (
    <Form<DecisionValues<Approval>>
      form={form}
      layout="vertical"
      initialValues={{ decision: 'approve', reasons: [{}], ...initialValues }}
      onFinish={send}
      data-testid={testId}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Form.Item name="decision" label={t('share.decide.label')}>
        <Radio.Group optionType="button" buttonStyle="solid">
          <Radio.Button value="approve" data-testid={`${testId}-choose-approve`}>
            {t('share.decide.approve')}
          </Radio.Button>
          <Radio.Button value="reject" data-testid={`${testId}-choose-reject`}>
            {t('share.decide.reject')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      {decision === 'approve' ? (
        <>
          {approveFields}
          <Form.Item name="comment" label={t('share.decide.comment')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid={`${testId}-comment`} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pending} data-testid={`${testId}-approve`}>
            {t('share.decide.approve')}
          </Button>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('share.decide.rejectHelp')}</Typography.Paragraph>
          <ReasonsFields
            name="reasons"
            reasonLabel={t('share.decide.reason')}
            basisLabel={t('share.decide.legalBasis')}
            basisRequired
            emptyMessage={t('share.decide.reasonsRequired')}
            testId={testId}
            actions={
              <Button danger type="primary" htmlType="submit" loading={pending} data-testid={`${testId}-reject`}>
                {t('share.decide.reject')}
              </Button>
            }
          />
        </>
      )}
    </Form>
  );
}
