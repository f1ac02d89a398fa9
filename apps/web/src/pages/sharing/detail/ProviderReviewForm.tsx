import { Form, Input } from 'antd';
import { useProviderReview, type ShareRequestDetail } from '../../../api/sharing';
import { DecisionForm, type DecisionValues } from '../../../components/DecisionForm';
import { MaskChooser, chosenMasks } from '../../../components/MaskChooser';
import { useT } from '../../../i18n/useT';
import { FieldChooser } from '../shared/FieldChooser';

/**
 * The provider's review of a conditional request (R14.2, 2 working days): approve the fields it
 * will grant (of those asked) and the end of the period, or reject with reasons (R16.1).
 */
/** What the provider's approval covers: the fields it grants and the end of the period. */
interface ProviderApproval {
  fields: string[];
  periodTo: string;
  /** Field code → a stronger mask than the default (R29.1). */
  masks: Record<string, string | undefined>;
}

export function ProviderReviewForm({ request }: { readonly request: ShareRequestDetail }) {
  const t = useT();
  const review = useProviderReview();
  return (
    <DecisionForm<ProviderApproval>
      testId="provider-review"
      help={t('share.provider.help')}
      initialValues={{ fields: request.fields.map((field) => field.code), periodTo: request.periodTo, masks: {} }}
      pending={review.isPending}
      error={review.error}
      approveFields={
        <>
          <Form.Item<DecisionValues<ProviderApproval>>
            name="fields"
            label={t('share.provider.fields')}
            rules={[
              {
                validator: async (_, value: string[] | undefined) => {
                  if (!value || value.length === 0) throw new Error(t('share.wizard.fieldsRequired'));
                },
              },
            ]}
          >
            <FieldChooser fields={request.fields} testId="provider-fields" />
          </Form.Item>
          <Form.Item<DecisionValues<ProviderApproval>>
            name="masks"
            label={t('security.masking.reviewLabel')}
            extra={t('security.masking.reviewHelp')}
          >
            <MaskChooser fields={request.fields} fieldsName="fields" />
          </Form.Item>
          <Form.Item<DecisionValues<ProviderApproval>>
            name="periodTo"
            label={t('share.provider.periodTo')}
            extra={t('share.provider.periodToHelp', { from: request.periodFrom, to: request.periodTo })}
            rules={[
              { required: true, message: t('common.required', { field: t('share.provider.periodTo') }) },
              {
                validator: async (_, value: string | undefined) => {
                  if (value && (value > request.periodTo || value < request.periodFrom)) throw new Error(t('share.provider.periodToRange'));
                },
              },
            ]}
          >
            <Input type="date" min={request.periodFrom} max={request.periodTo} data-testid="provider-review-period" />
          </Form.Item>
        </>
      }
      onDecide={(decision) =>
        review.mutateAsync({
          id: request.id,
          body: {
            approve: decision.approve,
            ...(decision.comment ? { comment: decision.comment } : {}),
            ...(decision.approve && decision.fields ? { fields: decision.fields } : {}),
            ...(decision.approve && decision.periodTo ? { periodTo: decision.periodTo } : {}),
            ...(decision.approve && decision.masks ? { masks: chosenMasks(decision.masks, decision.fields) } : {}),
            ...(decision.reasons ? { reasons: decision.reasons } : {}),
          },
        })
      }
    />
  );
}
