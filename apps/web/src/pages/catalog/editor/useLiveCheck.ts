/**
 * Live validation while editing: the metadata is checked by the server's own rules (POST
 * /api/catalog/check) about half a second after typing pauses. The check knows the metadata rules
 * (R2.2, R10.1, R13.1, R18.1, R18.2) and the overlaps (R9.1); what depends on the version (the
 * justification of overlaps, the cause and date of a change) is added here, as submission asks it.
 */
import type { Overlap, Problem } from '@gongshu/contracts';
import { useMemo } from 'react';
import { useCatalogCheck } from '../../../api/catalog';
import { useDebounced } from '../../../components/useDebounced';
import { useI18n } from '../../../i18n/useT';
import { isBlank, metadataOf, type EditorValues } from './editorForm';

export const CHECK_DELAY_MS = 500;

export interface LiveCheck {
  readonly problems: readonly Problem[];
  readonly overlaps: readonly Overlap[];
  readonly needsJustification: boolean;
  /** True from a change until the answer for it has arrived. */
  readonly checking: boolean;
  readonly error: unknown;
}

export function useLiveCheck(values: EditorValues | undefined, options: { resourceId: string | null; isChange: boolean }): LiveCheck {
  const { t } = useI18n();
  const json = values ? JSON.stringify(metadataOf(values)) : '';
  const settled = useDebounced(json, CHECK_DELAY_MS);
  const metadata = useMemo(() => (settled ? (JSON.parse(settled) as ReturnType<typeof metadataOf>) : null), [settled]);
  const check = useCatalogCheck(metadata, options.resourceId);
  const answer = check.data;

  const justification = values?.justification;
  const changeReason = values?.changeReason;
  const lawChangeDate = values?.lawChangeDate;
  const problems = useMemo(() => {
    const all: Problem[] = [...(answer?.problems ?? [])];
    // R9.1: fields already shared elsewhere are collected again only with a reason.
    if (answer?.needsJustification && isBlank(justification)) {
      all.push({
        code: 'CATALOG_DUPLICATION_UNJUSTIFIED',
        field: 'justification',
        message: { zh: t('catalog.overlap.justificationRequired'), en: t('catalog.overlap.justificationRequired') },
        requirement: 'R9.1',
      });
    }
    // R10.3: a change states its cause and the date of the law or duty change.
    if (options.isChange) {
      for (const [field, value] of [
        ['changeReason', changeReason],
        ['lawChangeDate', lawChangeDate],
      ] as const) {
        if (isBlank(value)) {
          all.push({
            code: 'CATALOG_CHANGE_REASON_REQUIRED',
            field,
            message: { zh: t('catalog.change.required'), en: t('catalog.change.required') },
            requirement: 'R10.3',
          });
        }
      }
    }
    return all;
  }, [answer, justification, changeReason, lawChangeDate, options.isChange, t]);

  return {
    problems,
    overlaps: answer?.overlaps ?? [],
    needsJustification: answer?.needsJustification ?? false,
    checking: json !== settled || check.isFetching || (!answer && !check.isError),
    error: check.isError ? check.error : null,
  };
}
