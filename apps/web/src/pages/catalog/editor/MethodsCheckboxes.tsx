import { SHARE_METHODS, type ShareMethod } from '@gongshu/domain';
import { Checkbox } from 'antd';
import type { AriaAttributes } from 'react';
import { useI18n } from '../../../i18n/useT';
import { termOptions } from '../shared/vocabulary';

export interface MethodsCheckboxesProps extends AriaAttributes {
  readonly id?: string;
  readonly value?: ShareMethod[];
  readonly onChange?: (value: ShareMethod[]) => void;
}

/**
 * The share methods as a labelled group of checkboxes. Form.Item hands its control aria-required,
 * which a group may not carry (each checkbox is optional on its own); the rest goes to the group.
 */
export function MethodsCheckboxes({ id, value, onChange, 'aria-required': _required, ...aria }: MethodsCheckboxesProps) {
  const { t, pick } = useI18n();
  return (
    <div role="group" id={id} aria-label={t('catalog.share.methods')} {...aria}>
      <Checkbox.Group<ShareMethod> options={termOptions(pick, SHARE_METHODS)} value={value} onChange={(next) => onChange?.(next)} />
    </div>
  );
}
