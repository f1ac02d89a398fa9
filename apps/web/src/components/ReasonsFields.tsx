import { Button, Card, Flex, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';

export interface ReasonsFieldsProps {
  /** The form list's name (its items are { reason, legalBasis }). */
  readonly name: string;
  readonly reasonLabel: string;
  readonly basisLabel: string;
  /** Rejections of share requests need the legal basis of every reason (R16.1); catalog returns do not. */
  readonly basisRequired: boolean;
  readonly emptyMessage: string;
  readonly testId: string;
  /** Buttons after "add a reason" (the form's submit). */
  readonly actions?: ReactNode;
}

const MAX_REASONS = 20;

/**
 * Every specific reason at once, each with its legal basis (R16.1): a list of reason cards that
 * grows and shrinks, for returns and rejections.
 */
export function ReasonsFields({ name, reasonLabel, basisLabel, basisRequired, emptyMessage, testId, actions }: ReasonsFieldsProps) {
  const t = useT();
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, reasons: unknown[] | undefined) => {
            if (!reasons || reasons.length === 0) throw new Error(emptyMessage);
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <>
          {rows.map((row, index) => (
            <Card
              key={row.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={<h3 className="gs-card-title">{t('catalog.review.reasonN', { n: index + 1 })}</h3>}
              extra={
                rows.length > 1 ? (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => remove(row.name)}
                    aria-label={t('catalog.review.removeReasonN', { n: index + 1 })}
                  >
                    {t('catalog.fields.remove')}
                  </Button>
                ) : null
              }
              data-testid={`${testId}-reason`}
            >
              <Form.Item
                name={[row.name, 'reason']}
                label={reasonLabel}
                rules={[
                  { required: true, whitespace: true, message: t('common.required', { field: reasonLabel }) },
                  { min: 2, max: 1000 },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount data-testid={`${testId}-reason-text`} />
              </Form.Item>
              <Form.Item
                name={[row.name, 'legalBasis']}
                label={basisLabel}
                rules={[
                  ...(basisRequired ? [{ required: true, whitespace: true, message: t('common.required', { field: basisLabel }) }] : []),
                  { max: 500 },
                ]}
                style={{ marginBottom: 0 }}
              >
                <Input
                  maxLength={500}
                  autoComplete="off"
                  placeholder={t('catalog.review.legalBasisPlaceholder')}
                  data-testid={`${testId}-reason-basis`}
                />
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Flex gap={8} wrap>
            <Button onClick={() => add({})} disabled={rows.length >= MAX_REASONS} data-testid={`${testId}-add`}>
              {t('catalog.review.addReason')}
            </Button>
            {actions}
          </Flex>
        </>
      )}
    </Form.List>
  );
}
