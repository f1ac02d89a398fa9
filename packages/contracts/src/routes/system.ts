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

export const portalSummary = defineRoute({
  method: 'GET',
  url: '/api/portal/summary',
  schema: {
    tags: ['portal'],
    summary: 'Counts for the open portal home page (public)',
    response: {
      200: Type.Object({
        cityName: Type.String(),
        agencies: Type.Integer({ description: 'Active agencies on the node' }),
        departments: Type.Integer(),
        towns: Type.Integer(),
        publicUsers: Type.Integer({ description: 'Registered citizens and organizations' }),
        sectors: Type.Array(Type.Object({ sector: Type.String(), agencies: Type.Integer() })),
      }),
    },
  },
});
