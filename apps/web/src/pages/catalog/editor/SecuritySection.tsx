import { DATA_GRADES, UPDATE_FREQUENCIES } from '@gongshu/domain';
import { Alert, Col, Row, Select, Switch } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { securityLevelOptions, termOptions } from '../shared/vocabulary';
import { CheckedItem } from './CheckedItem';
import type { EditorValues } from './editorForm';
import type { ProblemIndex } from './problems';

/**
 * 安全与更新: state secrets (R2.2: such data never enters the platform), security level and data
 * grade (R29.1), and the update frequency the node holds the provider to (R11.1).
 */
export function SecuritySection({ problems, values }: { readonly problems: ProblemIndex; readonly values: EditorValues | undefined }) {
  const { t, pick } = useI18n();
  const secret = values?.involvesStateSecret ?? false;
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <CheckedItem
          name="involvesStateSecret"
          label={t('catalog.meta.stateSecret')}
          valuePropName="checked"
          extra={t('catalog.editor.stateSecretHelp')}
          problems={problems}
          problemKey="involvesStateSecret"
        >
          <Switch checkedChildren={t('catalog.yes')} unCheckedChildren={t('catalog.no')} data-testid="editor-state-secret" />
        </CheckedItem>
        {secret ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('catalog.editor.stateSecretRefused')}
            data-testid="state-secret-alert"
          />
        ) : null}
      </Col>
      <Col xs={24} md={8}>
        <CheckedItem
          name="securityLevel"
          label={t('catalog.meta.securityLevel')}
          extra={t('catalog.editor.levelHelp')}
          required
          problems={problems}
          problemKey="securityLevel"
        >
          <Select options={securityLevelOptions(pick)} data-testid="editor-level" />
        </CheckedItem>
      </Col>
      <Col xs={24} md={8}>
        <CheckedItem name="dataGrade" label={t('catalog.meta.dataGrade')} required problems={problems} problemKey="dataGrade">
          <Select options={termOptions(pick, DATA_GRADES)} />
        </CheckedItem>
      </Col>
      <Col xs={24} md={8}>
        <CheckedItem
          name="updateFrequency"
          label={t('catalog.meta.updateFrequency')}
          extra={t('catalog.editor.frequencyHelp')}
          required
          problems={problems}
          problemKey="updateFrequency"
        >
          <Select options={termOptions(pick, UPDATE_FREQUENCIES)} data-testid="editor-frequency" />
        </CheckedItem>
      </Col>
    </Row>
  );
}
