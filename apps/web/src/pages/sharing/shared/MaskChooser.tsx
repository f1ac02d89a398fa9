import { Form } from 'antd';
import type { ShareField } from '../../../api/sharing';
import { ShareFieldTable } from './ShareFieldTable';

export interface MaskChooserProps {
  readonly fields: readonly ShareField[];
  /** The form's name of the chosen field codes: only those are shown. */
  readonly fieldsName: string;
  /** Set by Form.Item: field code → chosen mask (a MaskSelect value). */
  readonly value?: Record<string, string | undefined>;
  readonly onChange?: (value: Record<string, string | undefined>) => void;
}

/**
 * The provider's masks per granted field (R29.1), as a form control: each field's default is the
 * placeholder, and only the same or a stronger mask can be chosen.
 */
export function MaskChooser({ fields, fieldsName, value = {}, onChange }: MaskChooserProps) {
  const form = Form.useFormInstance();
  const chosen = Form.useWatch<string[] | undefined>(fieldsName, form);
  const shown = chosen ? fields.filter((field) => chosen.includes(field.code)) : fields;
  return <ShareFieldTable fields={shown} maskChoice={{ value, onChange: (next) => onChange?.(next) }} testId="provider-review-masks" />;
}
