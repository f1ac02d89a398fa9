import { Type } from 'typebox';
import { ApiErrorBody } from '../common.js';
import { defineRoute } from '../route.js';

export const health = defineRoute({
  method: 'GET',
  url: '/api/health',
  schema: {
    tags: ['system'],
    summary: 'Liveness and the database in use',
    response: {
      200: Type.Object({
        status: Type.Literal('ok'),
        database: Type.Enum(['pglite', 'postgres']),
      }),
      503: ApiErrorBody,
    },
  },
});
