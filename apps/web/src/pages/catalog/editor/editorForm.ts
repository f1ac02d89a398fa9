/**
 * The editor's form values and the metadata they stand for (R10.1). The form keeps every input,
 * even those hidden by the share or open type; the metadata sent drops what the chosen types do
 * not use, trims text and keeps lists within the API's limits, so a half-filled form can always be
 * checked and saved as a draft.
 */
import type { CatalogVersion, ResourceMetadata } from '@gongshu/contracts';
import type { ResourceMetadata as DomainMetadata } from '@gongshu/domain';
import { maskKey, maskOfKey } from '../../../components/MaskSelect';

type FieldSpec = ResourceMetadata['fields'][number];

export interface FieldValues {
  code?: string;
  name?: string;
  dataType?: FieldSpec['dataType'];
  length?: number | null;
  description?: string | null;
  identifierRole?: FieldSpec['identifierRole'];
  sensitivity?: FieldSpec['sensitivity'];
  required?: boolean;
  /** The steward's declared mask (R29.1) as a MaskSelect value; empty = the grading default. */
  mask?: string | undefined;
}

export interface EditorValues {
  classificationCode?: string;
  name?: string;
  nameEn?: string | null;
  summary?: string;
  keywords?: string[];
  sourceSystem?: string;
  formatCategory?: ResourceMetadata['formatCategory'];
  formatType?: string;
  fields?: FieldValues[];
  share?: {
    type?: ResourceMetadata['share']['type'];
    conditions?: string | null;
    legalBasis?: string | null;
    methods?: ResourceMetadata['share']['methods'];
  };
  open?: {
    type?: ResourceMetadata['open']['type'];
    conditions?: string | null;
    noneGround?: ResourceMetadata['open']['noneGround'];
    legalBasis?: string | null;
  };
  securityLevel?: number;
  dataGrade?: ResourceMetadata['dataGrade'];
  usageConditions?: string | null;
  updateFrequency?: ResourceMetadata['updateFrequency'];
  relatedResourceCodes?: string[];
  licence?: string | null;
  involvesStateSecret?: boolean;
  /** Why fields already shared elsewhere are collected again (R9.1). */
  justification?: string | null;
  /** Change requests (R10.3). */
  changeReason?: string | null;
  lawChangeDate?: string | null;
}

export const MAX_FIELDS = 500;

export function emptyField(): FieldValues {
  return {
    code: '',
    name: '',
    dataType: 'string',
    length: null,
    description: '',
    identifierRole: 'none',
    sensitivity: 'internal',
    required: false,
  };
}

/** A new entry: the most open attributes (R18.2: everything not sensitive is unconditional) and one empty field. */
export function newEntryValues(): EditorValues {
  return {
    classificationCode: undefined,
    name: '',
    nameEn: '',
    summary: '',
    keywords: [],
    sourceSystem: '',
    formatCategory: 'database',
    formatType: '',
    fields: [emptyField()],
    share: { type: 'unconditional', conditions: '', legalBasis: '', methods: ['interface'] },
    open: { type: 'unconditional', conditions: '', noneGround: null, legalBasis: '' },
    securityLevel: 1,
    dataGrade: 'general',
    usageConditions: '',
    updateFrequency: 'monthly',
    relatedResourceCodes: [],
    licence: '',
    involvesStateSecret: false,
    justification: '',
  };
}

export function versionValues(version: CatalogVersion): EditorValues {
  const m = version.metadata;
  return {
    ...m,
    classificationCode: m.classificationCode || undefined,
    keywords: [...m.keywords],
    fields: m.fields.map((field) => ({ ...field, mask: field.mask ? maskKey(field.mask) : undefined })),
    share: { ...m.share, methods: [...m.share.methods] },
    open: { ...m.open },
    relatedResourceCodes: [...m.relatedResourceCodes],
    justification: version.justification ?? '',
    changeReason: version.changeReason ?? '',
    lawChangeDate: version.lawChangeDate ?? '',
  };
}

/** The declared mask of a field, when the steward chose one (R29.1). */
function declaredMask(key: string | undefined): { mask?: FieldSpec['mask'] } {
  const mask = maskOfKey(key);
  return mask ? { mask } : {};
}

const text = (value: string | null | undefined, max: number): string => (value ?? '').trim().slice(0, max);
const optional = (value: string | null | undefined, max: number): string | null => text(value, max) || null;
const list = (values: readonly string[] | undefined, count: number, max: number): string[] =>
  (values ?? [])
    .map((value) => value.trim().slice(0, max))
    .filter(Boolean)
    .slice(0, count);

/** The metadata of the form as the API takes it. */
export function metadataOf(values: EditorValues): ResourceMetadata {
  const shareType = values.share?.type ?? 'unconditional';
  const openType = values.open?.type ?? 'unconditional';
  return {
    classificationCode: text(values.classificationCode, 12),
    name: text(values.name, 200),
    nameEn: optional(values.nameEn, 300),
    summary: text(values.summary, 2000),
    keywords: list(values.keywords, 40, 60),
    sourceSystem: text(values.sourceSystem, 200),
    formatCategory: values.formatCategory ?? 'database',
    formatType: text(values.formatType, 60),
    fields: (values.fields ?? []).slice(0, MAX_FIELDS).map((field) => ({
      code: text(field.code, 63),
      name: text(field.name, 100),
      dataType: field.dataType ?? 'string',
      length: typeof field.length === 'number' && Number.isFinite(field.length) ? Math.round(field.length) : null,
      description: optional(field.description, 500),
      identifierRole: field.identifierRole ?? 'none',
      sensitivity: field.sensitivity ?? 'internal',
      required: field.required ?? false,
      ...declaredMask(field.mask),
    })),
    share: {
      type: shareType,
      // R13.1: conditions for conditional sharing; a legal basis for conditional and none.
      conditions: shareType === 'conditional' ? optional(values.share?.conditions, 2000) : null,
      legalBasis: shareType === 'unconditional' ? null : optional(values.share?.legalBasis, 1000),
      methods: shareType === 'none' ? [] : [...(values.share?.methods ?? [])].slice(0, 3),
    },
    open: {
      type: openType,
      // R19.2: conditions of conditional opening; R18.1: a ground and its legal basis for none.
      conditions: openType === 'conditional' ? optional(values.open?.conditions, 2000) : null,
      noneGround: openType === 'none' ? (values.open?.noneGround ?? null) : null,
      legalBasis: openType === 'unconditional' ? null : optional(values.open?.legalBasis, 1000),
    },
    securityLevel: values.securityLevel ?? 1,
    dataGrade: values.dataGrade ?? 'general',
    usageConditions: optional(values.usageConditions, 2000),
    updateFrequency: values.updateFrequency ?? 'monthly',
    relatedResourceCodes: list(values.relatedResourceCodes, 50, 30),
    licence: optional(values.licence, 200),
    involvesStateSecret: values.involvesStateSecret ?? false,
  };
}

/**
 * The contract's metadata as the domain's pure functions take it (diff, downgrades). The schemas
 * are the same vocabularies (checked in contracts/enums.ts); only the security level is a plain
 * integer in the contract.
 */
export function asDomainMetadata(metadata: ResourceMetadata): DomainMetadata {
  return metadata as DomainMetadata;
}

export const isBlank = (value: string | null | undefined): boolean => !value || value.trim() === '';
