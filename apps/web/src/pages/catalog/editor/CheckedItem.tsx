import { Form, type FormItemProps } from 'antd';
import { cloneElement, isValidElement, type ReactElement } from 'react';
import { useI18n } from '../../../i18n/useT';
import type { ProblemIndex } from './problems';

export interface CheckedItemProps extends Omit<FormItemProps, 'validateStatus' | 'help' | 'children'> {
  /** The live check's problems, by key. */
  readonly problems: ProblemIndex;
  /** The key of this input's problems, e.g. "share.legalBasis" or "fields.2.length". */
  readonly problemKey: string;
  readonly children: ReactElement;
}

/**
 * A form item whose errors are the live check's (the server's rules, one source of truth): shown
 * under the input with the requirement id, announced through aria-describedby and aria-invalid.
 */
export function CheckedItem({ problems, problemKey, children, ...props }: CheckedItemProps) {
  const { t, pick } = useI18n();
  const found = problems.get(problemKey) ?? [];
  const help =
    found.length > 0 ? (
      <span data-testid="field-problem" data-key={problemKey}>
        {found
          .map(
            (problem) => pick(problem.message) + (problem.requirement ? `（${t('common.requirement', { id: problem.requirement })}）` : ''),
          )
          .join(t('common.listSeparator'))}
      </span>
    ) : undefined;
  const child =
    found.length > 0 && isValidElement(children)
      ? cloneElement(children as ReactElement<{ 'aria-invalid'?: boolean }>, { 'aria-invalid': true })
      : children;
  return (
    <Form.Item {...props} validateStatus={found.length > 0 ? 'error' : undefined} help={help}>
      {child}
    </Form.Item>
  );
}
