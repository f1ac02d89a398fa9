/**
 * Participation on the open data portal (issue 7 items 3, 7, 8): registration of citizens and
 * organizations, objections and suggestions on open resources answered by the provider on the
 * deadline engine (R20.2), and the reuse showcase moderated by the bureau (R22.1).
 */
import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { Me } from './auth.js';
import { PendingItem } from './deadlines.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const notFound = { 404: ApiErrorBody };
const conflict = { 409: ApiErrorBody };
const Page = Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: '1-based page of 20' }));

export const PublicUserKind = Type.Enum(['citizen', 'organization'], {
  description: 'citizen (real name and citizen ID number, GB 11643) or organization (name and unified social credit code, GB 32100)',
});

export const openRegister = defineRoute({
  method: 'POST',
  url: '/api/open/register',
  schema: {
    tags: ['open participation'],
    summary:
      'Register a citizen or an organization on the open data portal; the new account (role public_user) is signed in at once (session cookie, as /api/auth/login)',
    description:
      'Every problem is reported at once: the error names the first field, details.problems lists each {code, message, field}. A taken username or identity number is a 409 naming the field. Rate limited per address.',
    body: Type.Object({
      kind: PublicUserKind,
      username: Type.String({ maxLength: 100 }),
      password: Type.String({ maxLength: 200 }),
      name: Type.String({ maxLength: 200, description: 'Real name of the citizen, or the organization’s registered name' }),
      identityNumber: Type.String({
        maxLength: 30,
        description: 'Citizen ID number (citizen) or unified social credit code (organization)',
      }),
      contactName: Type.Optional(Type.String({ maxLength: 100, description: 'Contact person (required for an organization)' })),
      phone: Type.String({ maxLength: 30 }),
      email: Type.Optional(Type.String({ maxLength: 200 })),
    }),
    response: { 201: Me, 400: ApiErrorBody, 409: ApiErrorBody, 429: ApiErrorBody },
  },
});

export const ObjectionKind = Type.Enum(['error', 'omission', 'infringement', 'suggestion']);
export const ObjectionAction = Type.Enum(['corrected', 'will_correct', 'no_change', 'removed'], {
  description: 'What the provider did: corrected, will correct, no change needed, removed the data',
});

const ResourceRef = Type.Object({ id: Uuid, name: Type.String(), code: Nullable(Type.String()) });

/** What anyone may read of an objection: no personal data, at most a masked name (R20.2). */
export const PublicObjection = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'YY + year + sequence' }),
  resource: ResourceRef,
  provider: Type.Object({ id: Uuid, name: Type.String() }),
  kind: ObjectionKind,
  field: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  description: Type.String(),
  raisedBy: Type.String({ description: 'Masked name (张*) or the organization’s name' }),
  state: Type.Enum(['open', 'answered']),
  createdAt: DateTime,
  dueOn: Nullable(Type.String({ description: 'The provider answers by this day (China time)' })),
  overdue: Type.Boolean({ description: 'Unanswered past its due time, or answered late' }),
  answer: Nullable(Type.Object({ text: Type.String(), action: ObjectionAction, at: DateTime })),
});
export type PublicObjection = Static<typeof PublicObjection>;

/** The provider's and the raiser's view: the public one plus the step on the clock. */
export const Objection = Type.Object({
  ...PublicObjection.properties,
  deadline: Nullable(PendingItem),
  canAnswer: Type.Boolean(),
});
export type Objection = Static<typeof Objection>;

export const listOpenObjections = defineRoute({
  method: 'GET',
  url: '/api/open/objections',
  schema: {
    tags: ['open participation'],
    summary: 'Objections and suggestions with their public answers (R20.2): one resource’s, or all, newest first (anonymous)',
    querystring: Type.Object({
      resourceId: Type.Optional(Uuid),
      state: Type.Optional(Type.Enum(['open', 'answered'])),
      kind: Type.Optional(ObjectionKind),
      page: Page,
    }),
    response: { 200: Type.Object({ items: Type.Array(PublicObjection), total: Type.Integer() }), 400: ApiErrorBody },
  },
});

export const raiseOpenObjection = defineRoute({
  method: 'POST',
  url: '/api/open/objections',
  schema: {
    tags: ['open participation'],
    summary:
      'Raise an objection (error, omission, infringement) or a suggestion on an open resource, optionally naming a field; the provider answers within 10 working days (open.objection.answer)',
    body: Type.Object({
      resourceId: Uuid,
      kind: ObjectionKind,
      fieldCode: Type.Optional(Type.String({ maxLength: 100 })),
      description: Type.String({ maxLength: 2000 }),
    }),
    response: { 201: Objection, ...protectedErrors, ...notFound },
  },
});

export const listMyOpenObjections = defineRoute({
  method: 'GET',
  url: '/api/open/objections/mine',
  schema: {
    tags: ['open participation'],
    summary: 'The objections I raised, newest first, with their answers and due dates',
    response: { 200: Type.Array(Objection), ...protectedErrors },
  },
});

export const listOpenObjectionQueue = defineRoute({
  method: 'GET',
  url: '/api/open/objections/queue',
  schema: {
    tags: ['open participation'],
    summary: 'Objections to my agency’s resources (the bureau: every agency), open first, with working days left',
    querystring: Type.Object({ state: Type.Optional(Type.Enum(['open', 'answered'])) }),
    response: { 200: Type.Array(Objection), ...protectedErrors },
  },
});

export const answerOpenObjection = defineRoute({
  method: 'POST',
  url: '/api/open/objections/:id/answer',
  schema: {
    tags: ['open participation'],
    summary: 'The provider’s steward answers (R20.2): the answer text and what was done; the answer is public',
    params: IdParams,
    body: Type.Object({ answer: Type.String({ maxLength: 4000 }), action: ObjectionAction }),
    response: { 200: Objection, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const ShowcaseKind = Type.Enum(['application', 'research', 'article', 'scenario']);
export const ShowcaseState = Type.Enum(['pending', 'approved', 'rejected', 'withdrawn']);

export const ShowcaseItem = Type.Object({
  id: Uuid,
  kind: ShowcaseKind,
  title: Type.String(),
  summary: Type.String(),
  url: Nullable(Type.String()),
  author: Type.String(),
  resources: Type.Array(ResourceRef, { description: 'The open resources it uses (those still open)' }),
  state: ShowcaseState,
  createdAt: DateTime,
  moderatedAt: Nullable(DateTime),
  /** The bureau's reason when rejecting; shown to the submitter and the bureau only. */
  moderationNote: Nullable(Type.String()),
  canWithdraw: Type.Boolean(),
});
export type ShowcaseItem = Static<typeof ShowcaseItem>;

export const listShowcase = defineRoute({
  method: 'GET',
  url: '/api/open/showcase',
  schema: {
    tags: ['open participation'],
    summary: 'The reuse showcase (R22.1): approved works, newest first, by kind and by resource (anonymous)',
    querystring: Type.Object({
      kind: Type.Optional(ShowcaseKind),
      resourceId: Type.Optional(Uuid),
      q: Type.Optional(Type.String({ maxLength: 100 })),
      page: Page,
    }),
    response: {
      200: Type.Object({
        items: Type.Array(ShowcaseItem),
        total: Type.Integer(),
        kinds: Type.Array(Type.Object({ kind: ShowcaseKind, count: Type.Integer() })),
      }),
      400: ApiErrorBody,
    },
  },
});

export const listShowcaseResourceOptions = defineRoute({
  method: 'GET',
  url: '/api/open/showcase/resource-options',
  schema: {
    tags: ['open participation'],
    summary: 'Open resources by name or code, to link a showcase work to (anonymous; at most 20)',
    querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ids: Type.Optional(Type.String({ maxLength: 2000 })) }),
    response: { 200: Type.Array(Type.Object({ ...ResourceRef.properties, provider: Type.String() })), 400: ApiErrorBody },
  },
});

export const submitShowcaseItem = defineRoute({
  method: 'POST',
  url: '/api/open/showcase',
  schema: {
    tags: ['open participation'],
    summary:
      'Submit an application, research, article or scenario built on open data, linked to the open resources it uses; the bureau moderates',
    body: Type.Object({
      kind: ShowcaseKind,
      title: Type.String({ maxLength: 200 }),
      summary: Type.String({ maxLength: 4000 }),
      url: Type.Optional(Type.String({ maxLength: 500 })),
      author: Type.String({ maxLength: 200 }),
      resourceIds: Type.Array(Uuid, { maxItems: 20 }),
    }),
    response: { 201: ShowcaseItem, ...protectedErrors },
  },
});

export const listMyShowcase = defineRoute({
  method: 'GET',
  url: '/api/open/showcase/mine',
  schema: {
    tags: ['open participation'],
    summary: 'My showcase submissions in every state, with the bureau’s reason when rejected',
    response: { 200: Type.Array(ShowcaseItem), ...protectedErrors },
  },
});

export const listShowcaseQueue = defineRoute({
  method: 'GET',
  url: '/api/open/showcase/queue',
  schema: {
    tags: ['open participation'],
    summary: 'The bureau’s moderation queue (default: pending, oldest first)',
    querystring: Type.Object({ state: Type.Optional(ShowcaseState) }),
    response: { 200: Type.Array(ShowcaseItem), ...protectedErrors },
  },
});

export const moderateShowcaseItem = defineRoute({
  method: 'POST',
  url: '/api/open/showcase/:id/moderate',
  schema: {
    tags: ['open participation'],
    summary:
      'The bureau approves a submission (shown in the gallery) or rejects it with a reason; an approved work may be taken down with a reason',
    params: IdParams,
    body: Type.Object({ approve: Type.Boolean(), reason: Type.Optional(Type.String({ maxLength: 2000 })) }),
    response: { 200: ShowcaseItem, ...protectedErrors, ...notFound, ...conflict },
  },
});

export const withdrawShowcaseItem = defineRoute({
  method: 'POST',
  url: '/api/open/showcase/:id/withdraw',
  schema: {
    tags: ['open participation'],
    summary: 'The submitter withdraws a pending or shown work',
    params: IdParams,
    response: { 200: ShowcaseItem, ...protectedErrors, ...notFound, ...conflict },
  },
});
