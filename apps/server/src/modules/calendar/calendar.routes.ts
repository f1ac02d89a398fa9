import { routes } from '@gongshu/contracts';
import type { App } from '../../http/types.js';
import type { CalendarService } from './calendar.service.js';
import type { RulesService } from '../rules/rules.service.js';

export function registerCalendarRoutes(app: App, calendar: CalendarService, rules: RulesService): void {
  const { addWorkingDaysRoute, listCalendarYears, getCalendarYear, putCalendarYear, listRuleSets, loadRuleSet } = routes;

  app.get(addWorkingDaysRoute.url, { schema: addWorkingDaysRoute.schema, config: { access: 'public' } }, async (request) =>
    calendar.addWorkingDays(request.query.from, request.query.days, request.query.provisional ?? false),
  );
  app.get(listCalendarYears.url, { schema: listCalendarYears.schema, config: { access: 'public' } }, async () => calendar.listYears());
  app.get(getCalendarYear.url, { schema: getCalendarYear.schema, config: { access: 'public' } }, async (request) =>
    calendar.year(request.params.year),
  );
  app.put(putCalendarYear.url, { schema: putCalendarYear.schema, config: { access: 'calendar.manage' } }, async (request) =>
    calendar.setYear(request.ctx, request.params.year, request.body),
  );

  app.get(listRuleSets.url, { schema: listRuleSets.schema, config: { access: 'public' } }, async () => rules.list());
  app.post(loadRuleSet.url, { schema: loadRuleSet.schema, config: { access: 'rules.manage' } }, async (request, reply) =>
    reply.status(201).send(await rules.load(request.ctx, request.body)),
  );
}
