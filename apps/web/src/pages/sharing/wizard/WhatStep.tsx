import type { Agency, CatalogResource } from '@gongshu/contracts';
import { Form, Input, Radio, Select } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { ResourcePicker } from './ResourcePicker';
import { ResourceSummary } from './ResourceSummary';
import type { RequestKind, WizardValues } from './wizardForm';

export interface WhatStepProps {
  readonly kind: RequestKind;
  readonly resource: CatalogResource | undefined;
  readonly agencies: readonly Agency[];
  /** The bureau files for towns (R15.2). */
  readonly bureau: boolean;
  readonly ownAgencyId: string | null;
}

const KINDS: readonly RequestKind[] = ['resource', 'demand', 'upper'];
const LEVELS = ['national', 'provincial', 'zaozhuang'] as const;

/**
 * Step 1, what is asked for: a published resource with its share type, a demand for data not yet
 * shared with a description and the agency that holds it (R14.3), or national, provincial or
 * Zaozhuang data (R15.1); the bureau names the town it files for (R15.2).
 */
export function WhatStep({ kind, resource, agencies, bureau, ownAgencyId }: WhatStepProps) {
  const { t } = useI18n();
  const required = (field: string) => ({ required: true, message: t('common.requiredSelect', { field }) });
  const providers = agencies
    .filter((agency) => agency.active && agency.id !== ownAgencyId && agency.kind !== 'bureau')
    .map((agency) => ({ value: agency.id, label: agency.name }));
  const towns = agencies
    .filter((agency) => agency.active && agency.level === 'town')
    .map((agency) => ({ value: agency.id, label: agency.name }));
  const description = (
    <Form.Item<WizardValues>
      name="dataDescription"
      label={t('share.wizard.dataDescription')}
      extra={t('share.wizard.dataDescriptionHelp')}
      rules={[
        { required: true, whitespace: true, message: t('common.required', { field: t('share.wizard.dataDescription') }) },
        { max: 2000 },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="wizard-data-description" />
    </Form.Item>
  );

  return (
    <>
      <Form.Item<WizardValues> name="kind" label={t('share.wizard.kind')} rules={[required(t('share.wizard.kind'))]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={KINDS.map((value) => ({ value, label: t(`share.kind.${value}`) }))}
          data-testid="wizard-kind"
        />
      </Form.Item>
      {kind === 'resource' ? (
        <>
          <Form.Item<WizardValues>
            name="resourceId"
            label={t('share.wizard.resource')}
            extra={t('share.wizard.resourceHelp')}
            rules={[
              required(t('share.wizard.resource')),
              {
                validator: async () => {
                  if (resource?.current?.metadata.share.type === 'none') throw new Error(t('share.wizard.notShared'));
                },
              },
            ]}
          >
            <ResourcePicker />
          </Form.Item>
          {resource ? <ResourceSummary resource={resource} /> : null}
        </>
      ) : null}
      {kind === 'demand' ? (
        <>
          {description}
          <Form.Item<WizardValues>
            name="providerAgencyId"
            label={t('share.wizard.providerAgency')}
            extra={t('share.wizard.providerAgencyHelp')}
            rules={[required(t('share.wizard.providerAgency'))]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={providers} data-testid="wizard-provider" />
          </Form.Item>
        </>
      ) : null}
      {kind === 'upper' ? (
        <>
          <Form.Item<WizardValues> name="upperLevel" label={t('share.wizard.upperLevel')} rules={[required(t('share.wizard.upperLevel'))]}>
            <Radio.Group options={LEVELS.map((value) => ({ value, label: t(`share.upper.${value}`) }))} data-testid="wizard-upper" />
          </Form.Item>
          {description}
        </>
      ) : null}
      {bureau ? (
        <Form.Item<WizardValues> name="onBehalfOf" label={t('share.wizard.onBehalfOf')} extra={t('share.wizard.onBehalfOfHelp')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={towns}
            placeholder={t('share.wizard.onBehalfOfNone')}
            data-testid="wizard-on-behalf"
          />
        </Form.Item>
      ) : null}
    </>
  );
}
