/**
 * The server reports every problem of a form at once (details.problems, each with its field);
 * this puts each message under its form field, and says whether any was placed.
 */
import { ApiError } from '@gongshu/contracts';
import type { FormInstance } from 'antd';
import type { Lang } from '../../../i18n/context';

interface Problem {
  readonly field: string | null;
  readonly message: { readonly zh: string; readonly en: string };
}

export function showFieldErrors(form: FormInstance, error: unknown, lang: Lang, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const listed = (error.body.details?.problems as Problem[] | undefined) ?? [];
  const problems: Problem[] = listed.length > 0 ? listed : [{ field: error.body.field ?? null, message: error.body.message }];
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const field = problem.field?.replace(/^body\./, '') ?? '';
    if (!fields.includes(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), problem.message[lang]]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
