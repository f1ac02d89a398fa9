import { Col, Input, Row, Select } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { CheckedItem } from './CheckedItem';
import type { ProblemIndex } from './problems';

/** 其他: usage conditions (R17.2, R20.1), licence of open data, related resources. */
export function OtherSection({ problems }: { readonly problems: ProblemIndex }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <CheckedItem
          name="usageConditions"
          label={t('catalog.meta.usageConditions')}
          extra={t('catalog.editor.usageHelp')}
          problems={problems}
          problemKey="usageConditions"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </CheckedItem>
      </Col>
      <Col xs={24} md={12}>
        <CheckedItem name="licence" label={t('catalog.meta.licence')} problems={problems} problemKey="licence">
          <Input maxLength={200} autoComplete="off" placeholder={t('catalog.editor.licencePlaceholder')} />
        </CheckedItem>
      </Col>
      <Col xs={24} md={12}>
        <CheckedItem
          name="relatedResourceCodes"
          label={t('catalog.meta.related')}
          extra={t('catalog.editor.relatedHelp')}
          problems={problems}
          problemKey="relatedResourceCodes"
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
        </CheckedItem>
      </Col>
    </Row>
  );
}
