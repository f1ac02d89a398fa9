import type { MaskKind } from '@gongshu/domain';
import { Form, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useT } from '../i18n/useT';
import { EmptyText } from './EmptyText';
import { MaskSelect, maskOfKey } from './MaskSelect';
import { ScrollRegion } from './ScrollRegion';

/** A field a provider may grant: share request and open application fields alike. */
export interface MaskableFieldRef {
  readonly code: string;
  readonly name: string;
  /** The mask the exit applies unless a stronger one is chosen; without it the field gets no choice. */
  readonly defaultMask?: MaskKind | undefined;
}

export interface MaskChooserProps {
  readonly fields: readonly MaskableFieldRef[];
  /** The form's name of the chosen field codes: only those are shown. */
  readonly fieldsName: string;
  /** Set by Form.Item: field code → chosen mask (a MaskSelect value). */
  readonly value?: Record<string, string | undefined>;
  readonly onChange?: (value: Record<string, string | undefined>) => void;
  readonly testId?: string;
}

/**
 * The provider's masks per granted field at approval (R29.1), as a form control of a share
 * request's or an open application's review: each field's default is the placeholder, and only
 * the same or a stronger mask can be chosen (the server refuses a weaker one, MASK_TOO_WEAK).
 */
export function MaskChooser({ fields, fieldsName, value = {}, onChange, testId = 'provider-review-masks' }: MaskChooserProps) {
  const t = useT();
  const form = Form.useFormInstance();
  const chosen = Form.useWatch<string[] | undefined>(fieldsName, form);
  const shown = (chosen ? fields.filter((field) => chosen.includes(field.code)) : fields).filter((field) => field.defaultMask);
  return (
    <ScrollRegion label={t('security.masking.reviewLabel')}>
      <Table<MaskableFieldRef>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={[...shown]}
        style={{ minWidth: 560 }}
        data-testid={testId}
        locale={{ emptyText: <EmptyText>{t('share.fields.empty')}</EmptyText> }}
        onRow={(field) => ({ 'data-testid': 'mask-field', 'data-code': field.code }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('catalog.fields.name'), dataIndex: 'name', width: 180 },
          { key: 'code', title: t('catalog.fields.code'), width: 130, render: (_, field) => <code className="gs-mono">{field.code}</code> },
          {
            key: 'mask',
            title: t('security.masking.column'),
            render: (_, field) =>
              field.defaultMask ? (
                <MaskSelect
                  value={value[field.code]}
                  onChange={(mask) => onChange?.({ ...value, [field.code]: mask })}
                  minimum={field.defaultMask}
                  ariaLabel={t('security.masking.cellLabel', { name: field.name })}
                  testId="field-mask"
                />
              ) : null,
          },
        ]}
      />
    </ScrollRegion>
  );
}

/** The chosen masks of the granted fields, as the API takes them (FieldMasks). */
export function chosenMasks(masks: Record<string, string | undefined>, fields: readonly string[] | undefined): Record<string, MaskKind> {
  const out: Record<string, MaskKind> = {};
  for (const [code, key] of Object.entries(masks)) {
    const mask = maskOfKey(key);
    if (mask && (!fields || fields.includes(code))) out[code] = mask;
  }
  return out;
}
