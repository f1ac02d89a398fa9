import { Alert, Form, Radio, Typography } from 'antd';
import type { ShareField } from '../../../api/sharing';
import { useI18n } from '../../../i18n/useT';
import { FieldChooser } from '../shared/FieldChooser';
import { ShareFieldTable } from '../shared/ShareFieldTable';
import type { RequestKind, WizardValues } from './wizardForm';

export interface FieldsStepProps {
  readonly kind: RequestKind;
  /** The resource's fields with their masks; empty until a resource is chosen. */
  readonly fields: readonly ShareField[];
  readonly mode: WizardValues['fieldMode'];
  readonly chosen: readonly string[];
}

/**
 * Step 2, the fields: all of the entry or chosen ones, each with its sensitivity and how the exit
 * will mask it (R29.1); only what the duty needs should be asked for (R17.2).
 */
export function FieldsStep({ kind, fields, mode, chosen }: FieldsStepProps) {
  const { t } = useI18n();
  if (kind !== 'resource')
    return <Alert type="info" showIcon title={t('share.wizard.fieldsNotApplicable')} data-testid="wizard-fields-na" />;
  if (fields.length === 0) return <Alert type="info" showIcon title={t('share.wizard.fieldsChooseResource')} />;
  const asked = mode === 'all' ? fields : fields.filter((field) => chosen.includes(field.code));
  const masked = asked.filter((field) => field.mask !== 'none').length;
  return (
    <>
      <Form.Item<WizardValues> name="fieldMode" label={t('share.wizard.fieldMode')}>
        <Radio.Group
          options={[
            { value: 'all', label: t('share.wizard.fieldsAll', { count: fields.length }) },
            { value: 'chosen', label: t('share.wizard.fieldsChosen') },
          ]}
          data-testid="wizard-field-mode"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" aria-live="polite" data-testid="wizard-fields-summary">
        {t('share.wizard.fieldsSummary', { count: asked.length, masked })}
      </Typography.Paragraph>
      {mode === 'chosen' ? (
        <Form.Item<WizardValues>
          name="fields"
          rules={[
            {
              validator: async (_, value: string[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('share.wizard.fieldsRequired'));
              },
            },
          ]}
        >
          <FieldChooser fields={fields} testId="wizard-fields" />
        </Form.Item>
      ) : (
        <ShareFieldTable fields={fields} testId="wizard-fields" />
      )}
    </>
  );
}
