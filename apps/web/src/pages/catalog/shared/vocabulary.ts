/**
 * Labels and select options of the catalog's closed vocabularies, from the domain's zh/en terms
 * (R10.1, R13.1, R18.1), in the reader's language.
 */
import {
  DATA_GRADES,
  DATA_TYPES,
  FORMAT_CATEGORIES,
  IDENTIFIER_ROLES,
  OPEN_NONE_GROUNDS,
  OPEN_TYPES,
  SECURITY_LEVEL_LABELS,
  SECURITY_LEVELS,
  SENSITIVITIES,
  SHARE_METHODS,
  SHARE_TYPES,
  UPDATE_FREQUENCIES,
  type SecurityLevel,
  type Term,
} from '@gongshu/domain';

type Pick = (label: { readonly zh: string; readonly en: string }) => string;

/** The vocabularies by the metadata path they fill. */
export const VOCABULARIES = {
  formatCategory: FORMAT_CATEGORIES,
  dataType: DATA_TYPES,
  identifierRole: IDENTIFIER_ROLES,
  sensitivity: SENSITIVITIES,
  shareType: SHARE_TYPES,
  openType: OPEN_TYPES,
  shareMethod: SHARE_METHODS,
  openNoneGround: OPEN_NONE_GROUNDS,
  updateFrequency: UPDATE_FREQUENCIES,
  dataGrade: DATA_GRADES,
} as const;

export type Vocabulary = keyof typeof VOCABULARIES;

/** The label of a code; an unknown code shows as itself. */
export function termLabel(pick: Pick, vocabulary: Vocabulary, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  const term = (VOCABULARIES[vocabulary] as readonly Term[]).find((entry) => entry.code === code);
  return term ? pick(term) : code;
}

export function termOptions<C extends string>(pick: Pick, list: readonly Term<C>[]): { value: C; label: string }[] {
  return list.map((term) => ({ value: term.code, label: pick(term) }));
}

export function securityLevelLabel(pick: Pick, level: number): string {
  return level in SECURITY_LEVEL_LABELS ? pick(SECURITY_LEVEL_LABELS[level as SecurityLevel]) : String(level);
}

export function securityLevelOptions(pick: Pick): { value: SecurityLevel; label: string }[] {
  return SECURITY_LEVELS.map((level) => ({ value: level, label: pick(SECURITY_LEVEL_LABELS[level]) }));
}
