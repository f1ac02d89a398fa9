import { COMMITMENTS } from '@gongshu/domain';
import { Descriptions, Typography } from 'antd';
import type { AgencyKey, ShareField } from '../../../api/sharing';
import { useI18n } from '../../../i18n/useT';
import type { WizardValues } from './wizardForm';

export interface ReviewStepProps {
  readonly values: WizardValues;
  /** What is asked for, in words (the resource's name or the data described). */
  readonly what: string;
  readonly providerName: string | null;
  readonly onBehalfOfName: string | null;
  readonly fields: readonly ShareField[];
  readonly keys: readonly AgencyKey[];
}

const block = (text: string | undefined) => <span style={{ whiteSpace: 'pre-wrap' }}>{text?.trim() || '—'}</span>;

/** Step 4: everything the request will say, to check before it is filed. */
export function ReviewStep({ values, what, providerName, onBehalfOfName, fields, keys }: ReviewStepProps) {
  const { t } = useI18n();
  const asked =
    values.kind !== 'resource' ? [] : values.fieldMode === 'all' ? fields : fields.filter((f) => values.fields?.includes(f.code));
  const systems = keys.filter((key) => values.apiKeyIds?.includes(key.id));
  const ticked = COMMITMENTS.filter((c) => values.commitments?.[c] === true).length;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="wizard-review"
      items={[
        { key: 'kind', label: t('share.wizard.kind'), children: t(`share.kind.${values.kind}`) },
        { key: 'what', label: t('share.detail.what'), children: block(what) },
        { key: 'provider', label: t('share.detail.provider'), children: providerName ?? '—' },
        ...(onBehalfOfName ? [{ key: 'behalf', label: t('share.wizard.onBehalfOf'), children: onBehalfOfName }] : []),
        ...(values.kind === 'resource'
          ? [
              {
                key: 'fields',
                label: t('share.detail.fields'),
                children: (
                  <span data-testid="wizard-review-fields">
                    {t('share.wizard.reviewFields', { count: asked.length })}
                    <Typography.Text type="secondary" style={{ display: 'block' }}>
                      {asked.map((field) => field.name).join(t('common.listSeparator'))}
                    </Typography.Text>
                  </span>
                ),
              },
            ]
          : []),
        { key: 'scenario', label: t('share.wizard.scenario'), children: block(values.scenario) },
        { key: 'duty', label: t('share.wizard.legalDuty'), children: block(values.legalDuty) },
        {
          key: 'period',
          label: t('share.detail.period'),
          children: t('share.detail.periodValue', { from: values.periodFrom ?? '', to: values.periodTo ?? '' }),
        },
        {
          key: 'systems',
          label: t('share.wizard.systems'),
          children:
            systems.length > 0
              ? systems.map((key) => t('share.key.short', { name: key.name, prefix: key.prefix })).join(t('common.listSeparator'))
              : t('common.none'),
        },
        {
          key: 'commitments',
          label: t('share.commit.heading'),
          children: t('share.wizard.reviewCommitments', { ticked, total: COMMITMENTS.length }),
        },
      ]}
    />
  );
}
