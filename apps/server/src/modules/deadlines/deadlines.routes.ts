import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import { userOf } from '../../http/types.js';
import type { DeadlinesService } from './deadlines.service.js';

export function registerDeadlineRoutes(app: App, deadlines: DeadlinesService): void {
  const { listPending, deadlineStats } = routes;
  app.get(listPending.url, { schema: listPending.schema, config: { access: 'deadline.pending' } }, async (request) =>
    deadlines.pending(userOf(request), request.query.agencyId),
  );
  app.get(deadlineStats.url, { schema: deadlineStats.schema, config: { access: 'deadline.stats' } }, async (request) =>
    deadlines.stats(request.query.from, request.query.to),
  );
}
