import { FORMAT_CATEGORIES } from '@gongshu/domain';
import { Col, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useClassifications } from '../../../api/catalog';
import { useI18n } from '../../../i18n/useT';
import { classificationGroups } from '../shared/classifications';
import { termOptions } from '../shared/vocabulary';
import { CheckedItem } from './CheckedItem';
import type { ProblemIndex } from './problems';

/** 基本信息: classification (a 目 or 细目), names, summary, keywords, source system and format (R10.1). */
export function BasicSection({ problems }: { readonly problems: ProblemIndex }) {
  const { t, pick } = useI18n();
  const classifications = useClassifications();
  const groups = useMemo(() => classificationGroups(classifications.data ?? []), [classifications.data]);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <CheckedItem
          name="classificationCode"
          label={t('catalog.meta.classification')}
          extra={t('catalog.editor.classificationHelp')}
          required
          problems={problems}
          problemKey="classificationCode"
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={classifications.isPending}
            options={groups.map((group) => ({ label: group.label, title: group.title, options: group.options }))}
            placeholder={t('catalog.editor.classificationPlaceholder')}
            data-testid="editor-classification"
          />
        </CheckedItem>
      </Col>
      <Col xs={24} md={12}>
        <CheckedItem name="name" label={t('catalog.meta.name')} required problems={problems} problemKey="name">
          <Input maxLength={100} showCount autoComplete="off" data-testid="editor-name" />
        </CheckedItem>
      </Col>
      <Col xs={24} md={12}>
        <CheckedItem name="nameEn" label={t('catalog.meta.nameEn')} problems={problems} problemKey="nameEn">
          <Input maxLength={300} autoComplete="off" lang="en" />
        </CheckedItem>
      </Col>
      <Col xs={24} md={12}>
        <CheckedItem name="sourceSystem" label={t('catalog.meta.sourceSystem')} required problems={problems} problemKey="sourceSystem">
          <Input maxLength={200} autoComplete="off" placeholder={t('catalog.editor.sourceSystemPlaceholder')} data-testid="editor-source" />
        </CheckedItem>
      </Col>
      <Col xs={24}>
        <CheckedItem name="summary" label={t('catalog.meta.summary')} required problems={problems} problemKey="summary">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="editor-summary" />
        </CheckedItem>
      </Col>
      <Col xs={24}>
        <CheckedItem
          name="keywords"
          label={t('catalog.meta.keywords')}
          extra={t('catalog.editor.keywordsHelp')}
          problems={problems}
          problemKey="keywords"
        >
          <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} open={false} suffixIcon={null} data-testid="editor-keywords" />
        </CheckedItem>
      </Col>
      <Col xs={24} md={12}>
        <CheckedItem
          name="formatCategory"
          label={t('catalog.meta.formatCategory')}
          required
          problems={problems}
          problemKey="formatCategory"
        >
          <Select options={termOptions(pick, FORMAT_CATEGORIES)} />
        </CheckedItem>
      </Col>
      <Col xs={24} md={12}>
        <CheckedItem
          name="formatType"
          label={t('catalog.meta.formatType')}
          extra={t('catalog.editor.formatTypeHelp')}
          required
          problems={problems}
          problemKey="formatType"
        >
          <Input maxLength={60} autoComplete="off" data-testid="editor-format-type" />
        </CheckedItem>
      </Col>
    </Row>
  );
}
