import { gradingMinimum } from '@gongshu/domain';
import { Form } from 'antd';
import { MaskSelect } from '../../../components/MaskSelect';
import type { EditorValues, FieldValues } from './editorForm';

/**
 * The steward's declared mask of one field (R29.1): the grading minimum of the row's sensitivity,
 * identifier role, name and type at the entry's security level is the placeholder, and no weaker
 * mask can be chosen. Value and onChange come from the form item around it.
 */
export function FieldMaskSelect({
  row,
  ariaLabel,
  value,
  onChange,
}: {
  readonly row: number;
  readonly ariaLabel: string;
  readonly value?: string | undefined;
  readonly onChange?: (value: string | undefined) => void;
}) {
  const form = Form.useFormInstance<EditorValues>();
  const field = Form.useWatch<FieldValues | undefined>(['fields', row], form);
  const level = Form.useWatch<EditorValues['securityLevel']>('securityLevel', form) ?? 1;
  const minimum = gradingMinimum(
    {
      code: field?.code ?? '',
      name: field?.name ?? '',
      dataType: field?.dataType ?? 'string',
      identifierRole: field?.identifierRole ?? 'none',
      sensitivity: field?.sensitivity ?? 'internal',
    },
    level,
  );
  return <MaskSelect value={value} onChange={onChange} minimum={minimum} ariaLabel={ariaLabel} testId="field-mask" />;
}
