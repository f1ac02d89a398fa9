import { App, Button, Form, Input, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { OpenApplicationDetail } from '../../../api/openApplications';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ReasonsFields } from '../../../components/ReasonsFields';
import { useT } from '../../../i18n/useT';

type RejectionReason = NonNullable<OpenApplicationDetail['rejection']>['reasons'][number];

export interface DecisionValues {
  decision: 'approve' | 'reject';
  comment?: string;
  reasons?: Partial<RejectionReason>[];
  /** The provider's approval: the fields and the end of the period it grants. */
  fields?: string[];
  periodTo?: string;
  /** The bureau's choice of provider for a demand outside the catalog. */
  providerAgencyId?: string;
  /** The provider's report cycle for the grant (R20.1). */
  reportEveryMonths?: number;
}

export interface Decision {
  readonly approve: boolean;
  readonly comment?: string;
  readonly reasons?: RejectionReason[];
  readonly fields?: string[];
  readonly periodTo?: string;
  readonly providerAgencyId?: string;
  readonly reportEveryMonths?: number;
}

export interface DecisionFormProps {
  readonly testId: string;
  readonly help: string;
  readonly initialValues?: Partial<DecisionValues>;
  /** More fields shown when approving (the provider's fields and period). */
  readonly approveFields?: ReactNode;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onDecide: (decision: Decision) => Promise<unknown>;
}

/**
 * A review's decision on an open-data application (the sharing review form, with the choices of the
 * open route): approve (with an optional comment, and what the approval covers), or reject with
 * every reason at once, each with its legal basis (R19.4), after a confirmation.
 */
export function OpenDecisionForm({ testId, help, initialValues, approveFields, pending, error, onDecide }: DecisionFormProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form) ?? 'approve';

  const send = (values: DecisionValues) => {
    const comment = values.comment?.trim() || undefined;
    if (values.decision === 'approve') {
      onDecide({
        approve: true,
        ...(comment ? { comment } : {}),
        ...(values.fields ? { fields: values.fields } : {}),
        ...(values.periodTo ? { periodTo: values.periodTo } : {}),
        ...(values.providerAgencyId ? { providerAgencyId: values.providerAgencyId } : {}),
        ...(values.reportEveryMonths ? { reportEveryMonths: values.reportEveryMonths } : {}),
      })
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
        onDecide({ approve: false, reasons, ...(comment ? { comment } : {}) })
          .then(() => void message.success(t('share.decide.rejected')))
          .catch(() => undefined),
    });
  };

  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      initialValues={{ decision: 'approve', reasons: [{}], ...initialValues }}
      onFinish={send}
      data-testid={testId}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Form.Item<DecisionValues> name="decision" label={t('share.decide.label')}>
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
          <Form.Item<DecisionValues> name="comment" label={t('share.decide.comment')} rules={[{ max: 2000 }]}>
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
