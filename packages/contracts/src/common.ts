import { Type, type Static } from 'typebox';

/** The one shape of every error response. */
export const ApiErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String({ description: 'Stable error code, e.g. FORBIDDEN, STEWARD_REQUIRED' }),
    message: Type.Object({ zh: Type.String(), en: Type.String() }),
    requirement: Type.Optional(Type.String({ description: 'Requirement id of REQUIREMENTS.md, e.g. R8.1' })),
    field: Type.Optional(Type.String({ description: 'The field, row or column concerned' })),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    requestId: Type.String(),
  },
  { description: 'Error' },
);
export type ApiErrorBody = Static<typeof ApiErrorBody>;

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const DateTime = Type.String({ format: 'date-time' });

/** Error responses every protected route can give. */
export const protectedErrors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: ApiErrorBody,
} as const;

export const Empty = Type.Null({ description: 'No content' });
