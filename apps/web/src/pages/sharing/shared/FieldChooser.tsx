import type { ShareField } from '../../../api/sharing';
import { ShareFieldTable } from './ShareFieldTable';

export interface FieldChooserProps {
  readonly fields: readonly ShareField[];
  readonly testId: string;
  /** Set by Form.Item: the chosen field codes. */
  readonly value?: string[];
  readonly onChange?: (value: string[]) => void;
}

/** The field table with a checkbox per field, as a form control (its value: the chosen codes). */
export function FieldChooser({ fields, testId, value = [], onChange }: FieldChooserProps) {
  return <ShareFieldTable fields={fields} choice={{ selected: value, onChange: (next) => onChange?.(next) }} testId={testId} />;
}
