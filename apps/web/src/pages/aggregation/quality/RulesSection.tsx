import type { ResourceMetadata } from '@gongshu/contracts';
import { Form, Input, Select, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { isRangeField, isValidPattern } from './qualityForm';
import { RuleList } from './RuleList';

type FieldSpec = ResourceMetadata['fields'][number];

export interface RulesSectionProps {
  readonly fields: readonly FieldSpec[];
  readonly disabled: boolean;
  /** Reference rules (kept, not edited here). */
  readonly referenceCount: number;
}

/**
 * 校验规则 (R12.1): beyond the checks every load runs (type, length, required, identifiers R11.2),
 * fields that must not be empty or repeat, patterns, allowed values, ranges, and the date column
 * that tells how fresh the data is (R11.1).
 */
export function RulesSection({ fields, disabled, referenceCount }: RulesSectionProps) {
  const t = useT();
  const optionsOf = (list: readonly FieldSpec[]) =>
    list.map((field) => ({ value: field.code, label: t('data.fieldLabel', { name: field.name, code: field.code }) }));
  const all = optionsOf(fields);
  const rangeable = optionsOf(fields.filter(isRangeField));
  const dated = optionsOf(fields.filter((field) => field.dataType === 'date' || field.dataType === 'datetime'));
  const required = (field: string) => ({ required: true, message: t('common.requiredSelect', { field }) });
  const column = t('data.rules.column');

  return (
    <>
      <Typography.Paragraph type="secondary">{t('data.rules.builtIn')}</Typography.Paragraph>
      <section className="gs-rule-group">
        <Form.Item name="notNull" label={t('data.rules.notNull')} extra={t('data.rules.notNullHelp')}>
          <Select mode="multiple" options={all} allowClear placeholder={t('data.rules.chooseFields')} data-testid="rules-not-null" />
        </Form.Item>
        <Form.Item name="unique" label={t('data.rules.unique')} extra={t('data.rules.uniqueHelp')} style={{ marginBottom: 0 }}>
          <Select mode="multiple" options={all} allowClear placeholder={t('data.rules.chooseFields')} data-testid="rules-unique" />
        </Form.Item>
      </section>
      <RuleList
        name="patterns"
        heading={t('data.rules.patterns')}
        help={t('data.rules.patternsHelp')}
        addLabel={t('data.rules.addPattern')}
        itemLabel={(n) => t('data.rules.patternN', { n })}
        disabled={disabled}
        testId="rules-patterns"
        renderRow={(name, n) => (
          <>
            <Form.Item name={[name, 'column']} rules={[required(column)]} style={{ width: 220, marginBottom: 8 }}>
              <Select
                options={all}
                aria-label={t('data.rules.itemColumn', { item: t('data.rules.patternN', { n }) })}
                placeholder={column}
              />
            </Form.Item>
            <Form.Item
              name={[name, 'pattern']}
              style={{ width: 240, marginBottom: 8 }}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('data.rules.pattern') }) },
                { max: 200 },
                {
                  validator: async (_, value: string | undefined) => {
                    if (value && !isValidPattern(value)) throw new Error(t('data.rules.badPattern'));
                  },
                },
              ]}
            >
              <Input
                className="gs-mono"
                placeholder={t('data.rules.patternPlaceholder')}
                aria-label={t('data.rules.itemPattern', { item: t('data.rules.patternN', { n }) })}
              />
            </Form.Item>
            <Form.Item name={[name, 'description']} style={{ flex: '1 1 200px', marginBottom: 8 }} rules={[{ max: 200 }]}>
              <Input
                placeholder={t('data.rules.descriptionPlaceholder')}
                aria-label={t('data.rules.itemDescription', { item: t('data.rules.patternN', { n }) })}
              />
            </Form.Item>
          </>
        )}
      />
      <RuleList
        name="allowedValues"
        heading={t('data.rules.allowed')}
        help={t('data.rules.allowedHelp')}
        addLabel={t('data.rules.addAllowed')}
        itemLabel={(n) => t('data.rules.allowedN', { n })}
        disabled={disabled}
        testId="rules-allowed"
        renderRow={(name, n) => (
          <>
            <Form.Item name={[name, 'column']} rules={[required(column)]} style={{ width: 220, marginBottom: 8 }}>
              <Select
                options={all}
                aria-label={t('data.rules.itemColumn', { item: t('data.rules.allowedN', { n }) })}
                placeholder={column}
              />
            </Form.Item>
            <Form.Item
              name={[name, 'values']}
              style={{ flex: '1 1 320px', marginBottom: 8 }}
              rules={[{ required: true, type: 'array', min: 1, message: t('data.rules.valuesRequired') }]}
            >
              <Select
                mode="tags"
                open={false}
                tokenSeparators={[',', '，', '、']}
                placeholder={t('data.rules.valuesPlaceholder')}
                aria-label={t('data.rules.itemValues', { item: t('data.rules.allowedN', { n }) })}
              />
            </Form.Item>
          </>
        )}
      />
      <RuleList
        name="ranges"
        heading={t('data.rules.ranges')}
        help={t('data.rules.rangesHelp')}
        addLabel={t('data.rules.addRange')}
        itemLabel={(n) => t('data.rules.rangeN', { n })}
        disabled={disabled || rangeable.length === 0}
        testId="rules-ranges"
        renderRow={(name, n) => (
          <>
            <Form.Item name={[name, 'column']} rules={[required(column)]} style={{ width: 220, marginBottom: 8 }}>
              <Select
                options={rangeable}
                aria-label={t('data.rules.itemColumn', { item: t('data.rules.rangeN', { n }) })}
                placeholder={column}
              />
            </Form.Item>
            <Form.Item name={[name, 'min']} style={{ width: 160, marginBottom: 8 }}>
              <Input placeholder={t('data.rules.min')} aria-label={t('data.rules.itemMin', { item: t('data.rules.rangeN', { n }) })} />
            </Form.Item>
            <Form.Item
              name={[name, 'max']}
              style={{ width: 160, marginBottom: 8 }}
              dependencies={[['ranges', name, 'min']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    const min = getFieldValue(['ranges', name, 'min']) as string | undefined;
                    if (!value?.trim() && !min?.trim()) throw new Error(t('data.rules.boundRequired'));
                  },
                }),
              ]}
            >
              <Input placeholder={t('data.rules.max')} aria-label={t('data.rules.itemMax', { item: t('data.rules.rangeN', { n }) })} />
            </Form.Item>
          </>
        )}
      />
      <section className="gs-rule-group">
        <Form.Item
          name="freshnessColumn"
          label={t('data.rules.freshness')}
          extra={dated.length > 0 ? t('data.rules.freshnessHelp') : t('data.rules.freshnessNone')}
          style={{ marginBottom: 0 }}
        >
          <Select
            options={dated}
            allowClear
            disabled={disabled || dated.length === 0}
            placeholder={t('data.rules.freshnessPlaceholder')}
            style={{ maxWidth: 360 }}
            data-testid="rules-freshness"
          />
        </Form.Item>
        {referenceCount > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('data.rules.referencesKept', { count: referenceCount })}
          </Typography.Paragraph>
        ) : null}
      </section>
    </>
  );
}
