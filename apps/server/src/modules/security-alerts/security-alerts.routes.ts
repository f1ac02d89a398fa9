import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { SecurityAlertsService } from './security-alerts.service.js';

/** Unusual-access alerts (R29.1): for whoever may read the audit trail (security supervisors, bureau administrators). */
export function registerSecurityAlertRoutes(app: App, alerts: SecurityAlertsService): void {
  const { listSecurityAlerts, getSecurityAlert, changeSecurityAlertState } = routes;

  app.get(listSecurityAlerts.url, { schema: listSecurityAlerts.schema, config: { access: 'audit.read' } }, async (request) => {
    const { limit, offset, ...filter } = request.query;
    return alerts.list(filter, limit ?? 50, offset ?? 0);
  });

  app.get(getSecurityAlert.url, { schema: getSecurityAlert.schema, config: { access: 'audit.read' } }, async (request) =>
    alerts.get(request.ctx, request.params.id),
  );

  app.post(changeSecurityAlertState.url, { schema: changeSecurityAlertState.schema, config: { access: 'audit.read' } }, async (request) =>
    alerts.changeState(request.ctx, request.params.id, request.body.action, request.body.note),
  );
}
