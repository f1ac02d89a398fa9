import { Type, type Static } from 'typebox';
import { ApiErrorBody, DateTime, Empty, IdParams, Uuid, protectedErrors } from '../common.js';
import { defineRoute } from '../route.js';
import { AgencyLevel, PublicKind, RoleName } from '../enums.js';

export { RoleName };

export const AgencyRef = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  level: AgencyLevel,
  hasSteward: Type.Boolean(),
});

export const Me = Type.Object({
  user: Type.Object({
    id: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(RoleName),
    agency: Type.Union([AgencyRef, Type.Null()]),
    publicKind: Type.Union([PublicKind, Type.Null()]),
  }),
  permissions: Type.Array(Type.String(), { description: 'Permissions held without a context' }),
  via: Type.Enum(['session', 'api_key']),
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Send as x-csrf-token on every write made with the session cookie' }),
  session: Type.Union([Type.Object({ expiresAt: DateTime, idleMinutes: Type.Integer() }), Type.Null()]),
});
export type Me = Static<typeof Me>;

export const login = defineRoute({
  method: 'POST',
  url: '/api/auth/login',
  schema: {
    tags: ['auth'],
    summary: 'Sign in with username and password; sets the session cookie',
    body: Type.Object({
      username: Type.String({ minLength: 1, maxLength: 100 }),
      password: Type.String({ minLength: 1, maxLength: 200 }),
    }),
    response: { 200: Me, 400: ApiErrorBody, 401: ApiErrorBody, 423: ApiErrorBody, 429: ApiErrorBody },
  },
});

export const me = defineRoute({
  method: 'GET',
  url: '/api/auth/me',
  schema: { tags: ['auth'], summary: 'The signed-in user, roles, permissions and CSRF token', response: { 200: Me, 401: ApiErrorBody } },
});

export const logout = defineRoute({
  method: 'POST',
  url: '/api/auth/logout',
  schema: { tags: ['auth'], summary: 'End the session', response: { 204: Empty, ...protectedErrors } },
});

export const changePassword = defineRoute({
  method: 'POST',
  url: '/api/auth/password',
  schema: {
    tags: ['auth'],
    summary: 'Change one’s own password; ends the other sessions',
    body: Type.Object({
      currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
      newPassword: Type.String({ minLength: 1, maxLength: 200 }),
    }),
    response: { 204: Empty, ...protectedErrors },
  },
});

export const ApiKey = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the key' }),
  createdAt: DateTime,
  expiresAt: DateTime,
  revokedAt: Type.Union([DateTime, Type.Null()]),
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
  state: Type.Enum(['active', 'revoked', 'expired']),
});
export type ApiKey = Static<typeof ApiKey>;

export const listApiKeys = defineRoute({
  method: 'GET',
  url: '/api/me/api-keys',
  schema: { tags: ['auth'], summary: 'One’s own API keys', response: { 200: Type.Array(ApiKey), ...protectedErrors } },
});

export const createApiKey = defineRoute({
  method: 'POST',
  url: '/api/me/api-keys',
  schema: {
    tags: ['auth'],
    summary: 'Issue an API key; the secret is shown once and only its hash is stored',
    body: Type.Object({
      name: Type.String({ minLength: 1, maxLength: 100 }),
      expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90 })),
    }),
    response: { 201: Type.Object({ key: ApiKey, secret: Type.String() }), ...protectedErrors },
  },
});

export const revokeApiKey = defineRoute({
  method: 'DELETE',
  url: '/api/me/api-keys/:id',
  schema: {
    tags: ['auth'],
    summary: 'Revoke one of one’s own API keys',
    params: IdParams,
    response: { 204: Empty, ...protectedErrors, 404: ApiErrorBody },
  },
});
