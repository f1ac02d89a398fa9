import { COMMITMENTS } from '@gongshu/domain';
import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { Link } from 'react-router';
import type { AgencyKey } from '../../../api/sharing';
import { CommitmentChecks } from '../../../components/CommitmentChecks';
import { useI18n } from '../../../i18n/useT';
import { chinaDate } from '../../shared/labels';
import { periodProblem, type WizardValues } from './wizardForm';

export interface UseStepProps {
  readonly keys: readonly AgencyKey[];
  readonly keysLoading: boolean;
}

/**
 * Step 3, the use (R17.1, R17.2): the scenario, the legal duty it serves, the period (at most three
 * years), the agency's systems (API keys) that will call, and the five commitments, each ticked.
 */
export function UseStep({ keys, keysLoading }: UseStepProps) {
  const { t } = useI18n();
  const text = (name: 'scenario' | 'legalDuty', testId: string) => (
    <Form.Item<WizardValues>
      name={name}
      label={t(`share.wizard.${name}`)}
      extra={t(`share.wizard.${name}Help`)}
      rules={[{ required: true, whitespace: true, message: t('common.required', { field: t(`share.wizard.${name}`) }) }, { max: 2000 }]}
    >
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid={testId} />
    </Form.Item>
  );
  return (
    <>
      {text('scenario', 'wizard-scenario')}
      {text('legalDuty', 'wizard-legal-duty')}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item<WizardValues>
            name="periodFrom"
            label={t('share.wizard.periodFrom')}
            rules={[{ required: true, message: t('common.required', { field: t('share.wizard.periodFrom') }) }]}
          >
            <Input type="date" data-testid="wizard-period-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<WizardValues>
            name="periodTo"
            label={t('share.wizard.periodTo')}
            extra={t('share.wizard.periodHelp')}
            dependencies={['periodFrom']}
            rules={[
              { required: true, message: t('common.required', { field: t('share.wizard.periodTo') }) },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const problem = periodProblem(getFieldValue('periodFrom') as string | undefined, value);
                  if (problem) throw new Error(t(problem === 'order' ? 'share.wizard.periodOrder' : 'share.wizard.periodTooLong'));
                },
              }),
            ]}
          >
            <Input type="date" data-testid="wizard-period-to" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item<WizardValues>
        name="apiKeyIds"
        label={t('share.wizard.systems')}
        extra={
          <span>
            {t(keys.length === 0 && !keysLoading ? 'share.wizard.systemsNone' : 'share.wizard.systemsHelp')}{' '}
            <Link to="/profile" className="gs-text-link">
              {t('share.wizard.systemsProfile')}
            </Link>
          </span>
        }
      >
        <Select
          mode="multiple"
          loading={keysLoading}
          options={keys.map((key) => ({
            value: key.id,
            label: t('share.key.option', { name: key.name, prefix: key.prefix, owner: key.owner, expires: chinaDate(key.expiresAt) }),
          }))}
          placeholder={t('share.wizard.systemsPlaceholder')}
          data-testid="wizard-keys"
        />
      </Form.Item>
      <CommitmentChecks
        commitments={COMMITMENTS}
        legend={t('share.commit.heading')}
        intro={<Typography.Paragraph type="secondary">{t('share.commit.intro')}</Typography.Paragraph>}
        label={(commitment) => t(`share.commit.${commitment}`)}
        requiredMessage={t('share.commit.required')}
        testIdPrefix="wizard"
      />
    </>
  );
}
