import { Checkbox, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { ShareField } from '../../../api/sharing';
import { EmptyText } from '../../../components/EmptyText';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { useI18n } from '../../../i18n/useT';
import { SENSITIVITY_COLOR } from '../../catalog/shared/FieldTable';
import { termLabel } from '../../catalog/shared/vocabulary';
import { MaskText } from './MaskText';

export interface FieldChoice {
  /** The chosen field codes. */
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
}

export interface ShareFieldTableProps {
  readonly fields: readonly ShareField[];
  /** A checkbox per field (the request wizard, the provider's approval). */
  readonly choice?: FieldChoice;
  /** Marks which fields were approved (a decided request). */
  readonly approved?: readonly string[] | null;
  readonly testId?: string;
}

/**
 * The fields of a request or grant: name, code, sensitivity, and how the exit masks each one
 * (R29.1), optionally with a checkbox per field or the approved ones marked.
 */
export function ShareFieldTable({ fields, choice, approved, testId = 'share-fields' }: ShareFieldTableProps) {
  const { t, pick } = useI18n();
  const toggle = (code: string, on: boolean) => {
    if (!choice) return;
    const next = new Set(choice.selected);
    if (on) next.add(code);
    else next.delete(code);
    // Kept in the fields' own order.
    choice.onChange(fields.map((field) => field.code).filter((c) => next.has(c)));
  };
  return (
    <ScrollRegion label={t(choice ? 'share.fields.regionChoose' : 'share.fields.region')}>
      <Table<ShareField>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={[...fields]}
        style={{ minWidth: 640 }}
        data-testid={testId}
        locale={{ emptyText: <EmptyText>{t('share.fields.empty')}</EmptyText> }}
        onRow={(field) => ({ 'data-testid': 'share-field', 'data-code': field.code }) as HTMLAttributes<HTMLElement>}
        columns={[
          ...(choice
            ? [
                {
                  key: 'choose',
                  title: <span className="gs-sr-only">{t('share.fields.chooseColumn')}</span>,
                  width: 48,
                  render: (_: unknown, field: ShareField) => (
                    <Checkbox
                      checked={choice.selected.includes(field.code)}
                      onChange={(event) => toggle(field.code, event.target.checked)}
                      aria-label={t('share.fields.choose', { name: field.name })}
                      data-testid="share-field-choose"
                    />
                  ),
                },
              ]
            : []),
          { key: 'name', title: t('catalog.fields.name'), dataIndex: 'name', width: 180 },
          { key: 'code', title: t('catalog.fields.code'), width: 130, render: (_, field) => <code className="gs-mono">{field.code}</code> },
          {
            key: 'sensitivity',
            title: t('catalog.fields.sensitivity'),
            width: 100,
            render: (_, field) => (
              <Tag color={SENSITIVITY_COLOR[field.sensitivity]}>{termLabel(pick, 'sensitivity', field.sensitivity)}</Tag>
            ),
          },
          {
            key: 'mask',
            title: t('share.fields.mask'),
            render: (_, field) => (
              <Space size={4} wrap>
                <MaskText mask={field.mask} rule={field.effectiveMask} />
                {field.overridden ? <Tag color="purple">{t('security.masking.overridden')}</Tag> : null}
              </Space>
            ),
          },
          ...(approved
            ? [
                {
                  key: 'approved',
                  title: t('share.fields.approved'),
                  width: 90,
                  render: (_: unknown, field: ShareField) =>
                    approved.includes(field.code) ? (
                      <Tag color="success">{t('share.fields.approvedYes')}</Tag>
                    ) : (
                      <Typography.Text type="secondary">{t('share.fields.approvedNo')}</Typography.Text>
                    ),
                },
              ]
            : []),
        ]}
      />
    </ScrollRegion>
  );
}
