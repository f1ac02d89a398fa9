import { Type, type Static } from 'typebox';
import { DateTime, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { IsoDate } from './calendar.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const TimeLimit = Type.Object({
  workingDays: Type.Union([Type.Integer(), Type.Null()]),
  defaultWorkingDays: Type.Optional(Type.Integer()),
  article: Type.Union([Type.String(), Type.Null()]),
  requirement: Type.String(),
  responsible: Type.Enum(['bureau', 'provider', 'consumer', 'agency']),
  label: Bilingual,
});

export const RuleSetDocument = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,60}$' }),
  title: Type.String({ minLength: 1 }),
  source: Type.String({ minLength: 1 }),
  validFrom: IsoDate,
  validTo: IsoDate,
  limits: Type.Record(Type.String(), TimeLimit),
  categories: Type.Optional(
    Type.Record(Type.String(), Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() }))),
  ),
});

export const RuleSetSummary = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Type.String(),
  source: Type.String(),
  validFrom: IsoDate,
  validTo: IsoDate,
  inForce: Type.Boolean({ description: 'In force today (China date)' }),
  loadedAt: DateTime,
  document: RuleSetDocument,
});
export type RuleSetSummary = Static<typeof RuleSetSummary>;

export const listRuleSets = defineRoute({
  method: 'GET',
  url: '/api/rule-sets',
  schema: {
    tags: ['rules'],
    summary: 'Rule sets: time limits and categories with their validity (R37.1)',
    response: { 200: Type.Array(RuleSetSummary) },
  },
});

export const loadRuleSet = defineRoute({
  method: 'POST',
  url: '/api/rule-sets',
  schema: {
    tags: ['rules'],
    summary: 'Load a revised regulation as a new rule set (bureau administrators; audited)',
    body: RuleSetDocument,
    response: { 201: RuleSetSummary, ...protectedErrors, 409: protectedErrors[400] },
  },
});
