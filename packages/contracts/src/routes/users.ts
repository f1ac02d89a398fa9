import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, IdParams, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { PublicKind, RoleName } from '../enums.js';

export const User = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  agencyId: Type.Union([Uuid, Type.Null()]),
  agencyName: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleName),
  publicKind: Type.Union([PublicKind, Type.Null()]),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  lastLoginAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
});
export type User = Static<typeof User>;

export const listUsers = defineRoute({
  method: 'GET',
  url: '/api/users',
  schema: {
    tags: ['users'],
    summary: 'Accounts, filtered by agency, role or name',
    querystring: Type.Object({
      agencyId: Type.Optional(Uuid),
      role: Type.Optional(RoleName),
      q: Type.Optional(Type.String({ maxLength: 100 })),
    }),
    response: { 200: Type.Array(User), ...protectedErrors },
  },
});

export const createUser = defineRoute({
  method: 'POST',
  url: '/api/users',
  schema: {
    tags: ['users'],
    summary: 'Create an agency account with roles (bureau administrators)',
    body: Type.Object({
      username: Type.String({ pattern: '^[A-Za-z0-9._-]{3,50}$' }),
      displayName: Type.String({ minLength: 1, maxLength: 50 }),
      agencyId: Uuid,
      roles: Type.Array(RoleName, { minItems: 1, uniqueItems: true }),
      password: Type.String({ minLength: 1, maxLength: 200 }),
    }),
    response: { 201: User, ...protectedErrors, 409: ApiErrorBody },
  },
});

export const updateUser = defineRoute({
  method: 'PATCH',
  url: '/api/users/:id',
  schema: {
    tags: ['users'],
    summary: 'Change roles (e.g. name a data steward, R8.1), name, agency, or disable and unlock',
    params: IdParams,
    body: Type.Object({
      displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
      agencyId: Type.Optional(Uuid),
      roles: Type.Optional(Type.Array(RoleName, { uniqueItems: true })),
      disabled: Type.Optional(Type.Boolean()),
      unlock: Type.Optional(Type.Boolean()),
      password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    }),
    response: { 200: User, ...protectedErrors, 404: ApiErrorBody },
  },
});
