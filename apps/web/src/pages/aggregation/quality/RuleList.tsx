import { Button, Flex, Form, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';

export interface RuleListProps {
  /** The form list's name (patterns, allowedValues, ranges). */
  readonly name: string;
  readonly heading: string;
  readonly help: string;
  readonly addLabel: string;
  /** The label of the n-th rule, e.g. "格式规则 2" (names its remove button). */
  readonly itemLabel: (n: number) => string;
  readonly disabled: boolean;
  /** The controls of one rule (each labelled for screen readers). */
  readonly renderRow: (name: number, n: number) => ReactNode;
  readonly testId: string;
}

/** A list of rules of one kind, each in a row with its own remove button, and a button to add one. */
export function RuleList({ name, heading, help, addLabel, itemLabel, disabled, renderRow, testId }: RuleListProps) {
  const t = useT();
  return (
    <section className="gs-rule-group" data-testid={testId}>
      <h3 className="gs-subheading">{heading}</h3>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
        {help}
      </Typography.Paragraph>
      <Form.List name={name}>
        {(items, { add, remove }) => (
          <>
            {items.map((item, index) => (
              <Flex key={item.key} gap={8} align="start" wrap role="group" aria-label={itemLabel(index + 1)}>
                {renderRow(item.name, index + 1)}
                <Button
                  onClick={() => remove(item.name)}
                  disabled={disabled}
                  aria-label={t('data.rules.remove', { item: itemLabel(index + 1) })}
                >
                  {t('data.rules.removeShort')}
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add()} disabled={disabled} data-testid={`${testId}-add`}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </section>
  );
}
