/**
 * One table over every API route (issue 2): without a session 401, with a wrong role 403, with
 * the allowed role success. A route registered without a row here fails the test, so a new
 * route cannot ship without its authorization being checked.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMetadata } from '../../../../packages/domain/src/catalog/catalog.fixtures.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { demoActors } from '../modules/seed/demo-actors.js';
import { person, publishResource } from '../modules/aggregation/aggregation.fixtures.js';

interface Case {
  /** A user allowed to call the route (null: public route). */
  readonly allowed: string | null;
  /** A signed-in user who must get 403 (null: every signed-in user may). */
  readonly forbidden: string | null;
  /** Builds the request for the allowed call (ids and bodies). */
  readonly request?: (ids: Ids) => Partial<InjectOptions>;
  readonly expectStatus?: number;
}

interface Ids {
  batch: string;
  problem: string;
  resource: string;
  openResource: string;
  draftToEdit: string;
  draftToDiscard: string;
  draftToSubmit: string;
  toApprove: string;
  toReturn: string;
  toDecide: string;
  hrssAgency: string;
  someUser: string;
  apiKey: string;
  notification: string;
  orderToReport: string;
  orderToReview: string;
  shareFormal: string;
  shareProvider: string;
  shareDemand: string;
  shareUpper: string;
  shareWithdraw: string;
  shareRejected: string;
  shareConsultEntries: string;
  shareConsultOutcome: string;
  grant: string;
  openConditional: string;
  openAppFormal: string;
  openAppProvider: string;
  openAppWithdraw: string;
  openDemand: string;
  openGrant: string;
  openReport: string;
}

const newAgency = {
  code: 'route-test',
  name: '滕州市路由测试中心',
  kind: 'institution',
  divisionCode: '370481',
  responsiblePerson: { name: '测试', title: '主任', phone: null },
};

const TABLE: Record<string, Case> = {
  'GET /api/health': { allowed: null, forbidden: null },
  'GET /api/portal/summary': { allowed: null, forbidden: null },
  'GET /api/portal/resources': { allowed: null, forbidden: null, request: () => ({ url: '/api/portal/resources?q=%E5%B0%B1%E4%B8%9A' }) },
  'GET /api/portal/resources/:id': {
    allowed: null,
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/portal/resources/${ids.openResource}` }),
  },
  'GET /api/openapi.json': { allowed: null, forbidden: null },
  'POST /api/auth/login': { allowed: null, forbidden: null, request: () => ({ payload: { username: 'admin', password: 'Gongshu@2026' } }) },
  'GET /api/auth/me': { allowed: 'citizen', forbidden: null },
  'POST /api/auth/logout': { allowed: 'citizen', forbidden: null, expectStatus: 204 },
  'POST /api/auth/password': {
    allowed: 'company',
    forbidden: null,
    request: () => ({ payload: { currentPassword: 'Gongshu@2026', newPassword: 'Another-pass-2026' } }),
    expectStatus: 204,
  },
  'GET /api/me/api-keys': { allowed: 'operator', forbidden: null },
  'POST /api/me/api-keys': { allowed: 'operator', forbidden: null, request: () => ({ payload: { name: 'test' } }), expectStatus: 201 },
  'DELETE /api/me/api-keys/:id': {
    allowed: 'hrss-steward',
    forbidden: null,
    request: (ids) => ({ url: `/api/me/api-keys/${ids.apiKey}` }),
    expectStatus: 204,
  },
  'GET /api/agencies': { allowed: 'hrss-staff', forbidden: 'citizen' },
  'GET /api/agencies/:id': { allowed: 'hrss-staff', forbidden: 'citizen', request: (ids) => ({ url: `/api/agencies/${ids.hrssAgency}` }) },
  'POST /api/agencies': { allowed: 'admin', forbidden: 'reviewer', request: () => ({ payload: newAgency }), expectStatus: 201 },
  'PATCH /api/agencies/:id': {
    allowed: 'admin',
    forbidden: 'hrss-steward',
    request: (ids) => ({ url: `/api/agencies/${ids.hrssAgency}`, payload: { shortName: '人社局' } }),
  },
  'GET /api/sector/agencies': { allowed: 'edu-supervisor', forbidden: 'admin' },
  'GET /api/users': { allowed: 'reviewer', forbidden: 'hrss-steward' },
  'POST /api/users': {
    allowed: 'admin',
    forbidden: 'reviewer',
    request: (ids) => ({
      payload: {
        username: 'route-user',
        displayName: '路由测试',
        agencyId: ids.hrssAgency,
        roles: ['agency_staff'],
        password: 'Route-test-2026',
      },
    }),
    expectStatus: 201,
  },
  'PATCH /api/users/:id': {
    allowed: 'admin',
    forbidden: 'reviewer',
    request: (ids) => ({ url: `/api/users/${ids.someUser}`, payload: { displayName: '改名' } }),
  },
  'GET /api/audit': { allowed: 'police-security', forbidden: 'reviewer' },
  'GET /api/audit/verify': { allowed: 'cac-security', forbidden: 'hrss-steward' },
  'GET /api/audit/export': {
    allowed: 'secrecy-security',
    forbidden: 'reviewer',
    request: () => ({ url: '/api/audit/export?format=csv&action=auth.login' }),
  },
  // Unusual-access alerts: security-alerts.test.ts covers success on a raised alert; here access
  // (an alert that does not exist is 404 once access is granted).
  'GET /api/security-alerts': { allowed: 'police-security', forbidden: 'hrss-steward' },
  'GET /api/security-alerts/:id': {
    allowed: 'admin',
    forbidden: 'reviewer',
    request: () => ({ url: '/api/security-alerts/00000000-0000-4000-8000-000000000000' }),
    expectStatus: 404,
  },
  'POST /api/security-alerts/:id/state': {
    allowed: 'cac-security',
    forbidden: 'hrss-staff',
    request: () => ({
      url: '/api/security-alerts/00000000-0000-4000-8000-000000000000/state',
      payload: { action: 'acknowledge', note: '路由测试' },
    }),
    expectStatus: 404,
  },
  'GET /api/calendar/add-working-days': {
    allowed: null,
    forbidden: null,
    request: () => ({ url: '/api/calendar/add-working-days?from=2026-03-02&days=1' }),
  },
  'GET /api/calendar': { allowed: null, forbidden: null },
  'GET /api/calendar/:year': { allowed: null, forbidden: null, request: () => ({ url: '/api/calendar/2026' }) },
  'PUT /api/calendar/:year': {
    allowed: 'admin',
    forbidden: 'reviewer',
    request: () => ({ url: '/api/calendar/2027', payload: { source: '测试', holidaysOnWeekdays: ['2027-01-01'], makeupWorkdays: [] } }),
  },
  'GET /api/rule-sets': { allowed: null, forbidden: null },
  'POST /api/rule-sets': { allowed: 'admin', forbidden: 'reviewer', request: () => ({ payload: minimalRuleSet }), expectStatus: 201 },
  'GET /api/deadlines/pending': { allowed: 'hrss-steward', forbidden: 'citizen' },
  'GET /api/deadlines/stats': { allowed: 'reviewer', forbidden: 'hrss-steward' },
  'GET /api/notifications': { allowed: 'citizen', forbidden: null },
  'POST /api/notifications/read-all': { allowed: 'citizen', forbidden: null, expectStatus: 204 },
  'POST /api/notifications/:id/read': {
    allowed: 'hrss-steward',
    forbidden: null,
    request: (ids) => ({ url: `/api/notifications/${ids.notification}/read` }),
    expectStatus: 204,
  },
  'GET /api/rectifications': { allowed: 'hrss-staff', forbidden: 'citizen' },
  'GET /api/rectifications/:id': {
    allowed: 'hrss-staff',
    forbidden: 'citizen',
    request: (ids) => ({ url: `/api/rectifications/${ids.orderToReport}` }),
  },
  'POST /api/rectifications': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids) => ({ payload: { agencyId: ids.hrssAgency, title: '路由测试整改', reason: '测试', requirement: 'R11.1' } }),
    expectStatus: 201,
  },
  'POST /api/rectifications/:id/report': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: (ids) => ({ url: `/api/rectifications/${ids.orderToReport}/report`, payload: { report: '已整改' } }),
  },
  'POST /api/rectifications/:id/review': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids) => ({ url: `/api/rectifications/${ids.orderToReview}/review`, payload: { accepted: true, comment: '关闭' } }),
  },
  'GET /api/catalog/template.xlsx': { allowed: 'hrss-steward', forbidden: 'citizen' },
  // Access passes, then the file is refused: a file that is not a spreadsheet saves nothing.
  'POST /api/catalog/import': {
    allowed: 'hrss-steward',
    forbidden: 'citizen',
    request: () => ({ payload: notASpreadsheet() }),
    expectStatus: 400,
  },
  'GET /api/catalog/export': { allowed: 'citizen', forbidden: null, request: () => ({ url: '/api/catalog/export?format=csv' }) },
};

const catalogMeta = buildMetadata({ name: '路由测试资源' });
const openMeta = buildMetadata({
  name: '路由测试开放资源',
  securityLevel: 1,
  dataGrade: 'general',
  share: { type: 'unconditional', conditions: null, legalBasis: null, methods: ['interface'] },
  open: { type: 'unconditional', conditions: null, noneGround: null, legalBasis: null },
});

Object.assign(TABLE, {
  'GET /api/catalog/classifications': { allowed: null, forbidden: null },
  'GET /api/catalog/search': { allowed: 'citizen', forbidden: null, request: () => ({ url: '/api/catalog/search?q=%E8%B7%AF%E7%94%B1' }) },
  'GET /api/catalog/resources/:id': {
    allowed: 'citizen',
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/catalog/resources/${ids.openResource}` }),
  },
  'GET /api/catalog/versions/:id': {
    allowed: 'hrss-staff',
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/catalog/versions/${ids.draftToEdit}` }),
  },
  'GET /api/catalog/resources/:id/diff': {
    allowed: 'reviewer',
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/catalog/resources/${ids.resource}/diff?from=1&to=1` }),
  },
  'GET /api/catalog/mine': { allowed: 'hrss-staff', forbidden: 'citizen' },
  'POST /api/catalog/check': { allowed: 'hrss-staff', forbidden: 'reviewer', request: () => ({ payload: { metadata: catalogMeta } }) },
  'POST /api/catalog/drafts': {
    allowed: 'hrss-staff',
    forbidden: 'reviewer',
    request: () => ({ payload: { metadata: catalogMeta } }),
    expectStatus: 201,
  },
  'PUT /api/catalog/versions/:id': {
    allowed: 'hrss-steward',
    forbidden: 'reviewer',
    request: (ids: Ids) => ({ url: `/api/catalog/versions/${ids.draftToEdit}`, payload: { metadata: catalogMeta } }),
  },
  'POST /api/catalog/resources/:id/changes': {
    allowed: 'hrss-steward',
    forbidden: 'reviewer',
    request: (ids: Ids) => ({
      url: `/api/catalog/resources/${ids.resource}/changes`,
      payload: { changeReason: '职责调整', lawChangeDate: '2026-01-05' },
    }),
    expectStatus: 201,
  },
  'DELETE /api/catalog/versions/:id': {
    allowed: 'hrss-steward',
    forbidden: 'reviewer',
    request: (ids: Ids) => ({ url: `/api/catalog/versions/${ids.draftToDiscard}` }),
    expectStatus: 204,
  },
  // R8.1: staff may draft, only the steward submits.
  'POST /api/catalog/submit': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: (ids: Ids) => ({ payload: { versionIds: [ids.draftToSubmit] } }),
  },
  'GET /api/catalog/reviews': { allowed: 'reviewer', forbidden: 'hrss-steward' },
  'POST /api/catalog/versions/:id/approve': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids: Ids) => ({ url: `/api/catalog/versions/${ids.toApprove}/approve`, payload: {} }),
  },
  'POST /api/catalog/versions/:id/return': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids: Ids) => ({
      url: `/api/catalog/versions/${ids.toReturn}/return`,
      payload: { reasons: [{ reason: '缺少摘要', legalBasis: null }] },
    }),
  },
  'POST /api/catalog/versions/:id/downgrade-decision': {
    allowed: 'admin',
    forbidden: 'reviewer',
    request: (ids: Ids) => ({
      url: `/api/catalog/versions/${ids.toDecide}/downgrade-decision`,
      payload: { approved: true, comment: '同意' },
    }),
  },
} satisfies Record<string, Case>);

function notASpreadsheet(): FormData {
  const form = new FormData();
  form.append('file', new Blob(['not a spreadsheet']), 'catalog.xlsx');
  return form;
}

const boundary = 'gongshu-route-test';
const multipart = (name: string, content: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;

Object.assign(TABLE, {
  'POST /api/data/:resourceId/uploads': {
    allowed: 'hrss-steward',
    forbidden: 'reviewer',
    request: (ids: Ids) => ({
      url: `/api/data/${ids.resource}/uploads?mode=replace`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart('data.csv', '公民身份号码,姓名\n11010519491231002X,张三\n'),
    }),
    expectStatus: 202,
  },
  'POST /api/data/:resourceId/records': {
    allowed: 'hrss-steward',
    forbidden: 'reviewer',
    request: (ids: Ids) => ({
      url: `/api/data/${ids.resource}/records`,
      payload: { idempotencyKey: 'route-test-0001', mode: 'append', records: [{ sfzh: '11010519491231002X', xm: '张三' }] },
    }),
  },
  'GET /api/data/loads/:id': { allowed: 'hrss-steward', forbidden: null, request: (ids: Ids) => ({ url: `/api/data/loads/${ids.batch}` }) },
  'GET /api/data/:resourceId/loads': {
    allowed: 'hrss-staff',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/data/${ids.resource}/loads` }),
  },
  'GET /api/data/:resourceId/problems': {
    allowed: 'hrss-staff',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/data/${ids.resource}/problems` }),
  },
  'GET /api/data/:resourceId/problems.xlsx': {
    allowed: 'reviewer',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/data/${ids.resource}/problems.xlsx` }),
  },
  'POST /api/data/:resourceId/problems': {
    allowed: 'citizen',
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/data/${ids.resource}/problems`, payload: { description: '该记录姓名有误' } }),
    expectStatus: 201,
  },
  'POST /api/data/problems/:id/:action': {
    allowed: 'hrss-steward',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/data/problems/${ids.problem}/fix`, payload: { resolution: '已更正' } }),
  },
  'GET /api/data/:resourceId/quality': {
    allowed: 'hrss-staff',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/data/${ids.resource}/quality` }),
  },
  'PUT /api/data/:resourceId/quality': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: (ids: Ids) => ({
      url: `/api/data/${ids.resource}/quality`,
      payload: { ownerUserId: null, policy: 'quarantine', threshold: 0.1, rules: {} },
    }),
  },
} satisfies Record<string, Case>);

// The exit: access passes for any signed-in user, then the grant decides (no such grant here: 403,
// audited by the exit; exit.test.ts covers every reason and the successful deliveries).
Object.assign(TABLE, {
  'GET /api/exit/grants/:grantId/records/:key': {
    allowed: 'civil-staff',
    forbidden: null,
    request: () => ({ url: `/api/exit/grants/${placeholder.hrssAgency}/records/11010519491231002X` }),
    expectStatus: 403,
  },
  'POST /api/exit/grants/:grantId/query': {
    allowed: 'civil-staff',
    forbidden: null,
    request: () => ({ url: `/api/exit/grants/${placeholder.hrssAgency}/query`, payload: {} }),
    expectStatus: 403,
  },
  'GET /api/exit/grants/:grantId/extract': {
    allowed: 'civil-staff',
    forbidden: null,
    request: () => ({ url: `/api/exit/grants/${placeholder.hrssAgency}/extract?format=csv` }),
    expectStatus: 403,
  },
} satisfies Record<string, Case>);

const sharePayload = (resourceId: string) => ({
  resourceId,
  scenario: '路由测试',
  legalDuty: '路由测试职责',
  periodFrom: '2026-04-01',
  periodTo: '2026-12-31',
  commitments: { authenticity: true, compliance: true, security: true, ownDutiesOnly: true, noOnwardProvision: true },
});
const reasons = [{ reason: '路由测试', legalBasis: '《条例》第十六条' }];

// Sharing (R14–R17): finer checks (provider, requester, participant) are the services'; share-routes.test.ts covers them.
Object.assign(TABLE, {
  'GET /api/share/requests': { allowed: 'civil-steward', forbidden: 'citizen', request: () => ({ url: '/api/share/requests?scope=mine' }) },
  'GET /api/share/requests/:id': {
    allowed: 'civil-staff',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/requests/${ids.shareFormal}` }),
  },
  'POST /api/share/requests': {
    allowed: 'civil-steward',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ payload: sharePayload(ids.resource) }),
    expectStatus: 201,
  },
  'POST /api/share/requests/:id/formal-review': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids: Ids) => ({ url: `/api/share/requests/${ids.shareFormal}/formal-review`, payload: { approve: true } }),
  },
  'POST /api/share/requests/:id/provider-review': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: (ids: Ids) => ({ url: `/api/share/requests/${ids.shareProvider}/provider-review`, payload: { approve: true } }),
  },
  'POST /api/share/requests/:id/answer': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: (ids: Ids) => ({ url: `/api/share/requests/${ids.shareDemand}/answer`, payload: { willShare: false, text: '暂无此数据' } }),
  },
  'POST /api/share/requests/:id/upper-result': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids: Ids) => ({
      url: `/api/share/requests/${ids.shareUpper}/upper-result`,
      payload: { result: 'pending', reference: 'R-1' },
    }),
  },
  'POST /api/share/requests/:id/withdraw': {
    allowed: 'civil-steward',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/requests/${ids.shareWithdraw}/withdraw`, payload: {} }),
  },
  'POST /api/share/requests/:id/consultation': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids: Ids) => ({
      url: `/api/share/requests/${ids.shareRejected}/consultation`,
      payload: { reason: '理由不充分', participantAgencyIds: [] },
    }),
  },
  'POST /api/share/requests/:id/consultation/entries': {
    allowed: 'civil-steward',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/requests/${ids.shareConsultEntries}/consultation/entries`, payload: { text: '意见' } }),
  },
  'POST /api/share/requests/:id/consultation/outcome': {
    allowed: 'reviewer',
    forbidden: 'civil-steward',
    request: (ids: Ids) => ({
      url: `/api/share/requests/${ids.shareConsultOutcome}/consultation/outcome`,
      payload: { grant: false, note: '维持原决定' },
    }),
  },
  // Correlation assessment (R31.1); correlation.test.ts covers the workflow.
  'GET /api/share/requests/:id/correlation': {
    allowed: 'police-security',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/requests/${ids.shareFormal}/correlation` }),
  },
  // Access passes, then the (unknown) request is not found.
  'POST /api/share/requests/:id/correlation/assessments': {
    allowed: 'cac-security',
    forbidden: 'reviewer',
    request: () => ({
      url: '/api/share/requests/00000000-0000-4000-8000-0000000000c1/correlation/assessments',
      payload: { conclusion: 'permit', opinion: '风险可控', basis: '《数据安全法》第二十一条' },
    }),
    expectStatus: 404,
  },
  'GET /api/security/correlation-queue': { allowed: 'cac-security', forbidden: 'reviewer' },
  'GET /api/share/agency-keys': { allowed: 'civil-steward', forbidden: 'citizen' },
  'GET /api/share/grants': { allowed: 'civil-steward', forbidden: 'citizen', request: () => ({ url: '/api/share/grants?scope=consumer' }) },
  'GET /api/share/grants/:id': {
    allowed: 'hrss-steward',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/grants/${ids.grant}` }),
  },
  'PUT /api/share/grants/:id/keys': {
    allowed: 'civil-steward',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/grants/${ids.grant}/keys`, payload: { apiKeyIds: [] } }),
  },
  'POST /api/share/grants/:id/state': {
    allowed: 'reviewer',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/grants/${ids.grant}/state`, payload: { action: 'suspend', reason: '路由测试' } }),
  },
  'GET /api/share/grants/:id/deliveries': {
    allowed: 'civil-staff',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/grants/${ids.grant}/deliveries` }),
  },
  'GET /api/share/lineage/:id': {
    allowed: 'hrss-steward',
    forbidden: 'citizen',
    request: (ids: Ids) => ({ url: `/api/share/lineage/${ids.resource}` }),
  },
} satisfies Record<string, Case>);

// The open channel of the exit (issue 7 item 2): public downloads and preview, the query API for
// any signed-in user or key; the open resource here is conditional without a grant of the caller
// (403, audited), so success is covered by open-data.test.ts (downloads, grants, limits, preview).
Object.assign(TABLE, {
  'GET /api/open/resources/:id/download': {
    allowed: null,
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/open/resources/${ids.openResource}/download?format=csv` }),
    expectStatus: 403,
  },
  'GET /api/open/resources/:id/records': {
    allowed: 'citizen',
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/open/resources/${ids.openResource}/records` }),
    expectStatus: 403,
  },
  'GET /api/open/resources/:id/preview': {
    allowed: null,
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/open/resources/${ids.openResource}/preview` }),
    expectStatus: 404,
  },
  'GET /api/open/derivatives/:id/download': {
    allowed: null,
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/open/derivatives/${ids.openResource}/download?format=csv` }),
    expectStatus: 404,
  },
} satisfies Record<string, Case>);

// The CKAN-compatible API (issue 7 item 10): public, every action by GET and by POST; unknown
// actions are a bad request and write actions refused, as CKAN does. ckan.test.ts covers each.
const CKAN_ACTIONS: Record<string, (ids: Ids) => Record<string, string>> = {
  package_search: () => ({ q: '路由' }),
  package_show: (ids) => ({ id: ids.openResource }),
  package_list: () => ({}),
  current_package_list_with_resources: () => ({}),
  organization_list: () => ({}),
  organization_show: () => ({ id: 'hrss' }),
  group_list: () => ({}),
  group_show: () => ({ id: '101' }),
  tag_list: () => ({}),
  resource_show: (ids) => ({ id: `${ids.openResource}-csv` }),
  status_show: () => ({}),
  help_show: () => ({ name: 'package_show' }),
  datastore_search: (ids) => ({ resource_id: `${ids.openResource}-csv` }),
};
for (const [action, params] of Object.entries(CKAN_ACTIONS)) {
  TABLE[`GET /api/3/action/${action}`] = {
    allowed: null,
    forbidden: null,
    request: (ids) => ({ url: `/api/3/action/${action}?${new URLSearchParams(params(ids)).toString()}` }),
  };
  TABLE[`POST /api/3/action/${action}`] = { allowed: null, forbidden: null, request: (ids) => ({ payload: params(ids) }) };
}
// datastore_search goes through the open exit: the open resource here is conditional, refused to a visitor.
for (const method of ['GET', 'POST'])
  TABLE[`${method} /api/3/action/datastore_search`] = {
    ...TABLE[`${method} /api/3/action/datastore_search`],
    allowed: null,
    forbidden: null,
    expectStatus: 403,
  };
Object.assign(TABLE, {
  'GET /api/3/action/:action': {
    allowed: null,
    forbidden: null,
    request: () => ({ url: '/api/3/action/no_such_action' }),
    expectStatus: 400,
  },
  'POST /api/3/action/:action': {
    allowed: null,
    forbidden: null,
    request: () => ({ url: '/api/3/action/package_create', payload: { name: 'x' } }),
    expectStatus: 403,
  },
} satisfies Record<string, Case>);

/** Requests in every state a sharing route acts on, made through the services as the demo users. */
async function prepareSharing(resource: string) {
  const as = demoActors(h.db);
  const civil = await as('civil-steward');
  const reviewer = await as('reviewer');
  const hrss = await as('hrss-steward');
  const requests = h.services.shareRequests;
  const filed = async () => (await requests.file(civil, sharePayload(resource))).id;
  const formal = async () => {
    const id = await filed();
    await requests.formalReview(reviewer, id, true);
    return id;
  };
  const rejected = async () => {
    const id = await filed();
    await requests.formalReview(reviewer, id, false, undefined, reasons);
    return id;
  };
  const consulting = async () => {
    const id = await rejected();
    await requests.openConsultation(reviewer, id, '理由不充分', []);
    return id;
  };
  const hrssAgency = await h.db.selectFrom('agencies').select('id').where('code', '=', 'hrss').executeTakeFirstOrThrow();
  const demand = await requests.file(civil, {
    ...sharePayload(resource),
    resourceId: undefined,
    providerAgencyId: hrssAgency.id,
    dataDescription: '需求',
  });
  await requests.formalReview(reviewer, demand.id, true);
  const upper = await requests.file(civil, {
    ...sharePayload(resource),
    resourceId: undefined,
    upperLevel: 'national',
    dataDescription: '国家数据',
  });
  await requests.formalReview(reviewer, upper.id, true);
  const granted = await formal();
  const grant = await requests.providerReview(hrss, granted, { approve: true });
  return {
    shareFormal: await filed(),
    shareProvider: await formal(),
    shareDemand: demand.id,
    shareUpper: upper.id,
    shareWithdraw: await filed(),
    shareRejected: await rejected(),
    shareConsultEntries: await consulting(),
    shareConsultOutcome: await consulting(),
    grant: grant.grantId ?? '',
  };
}

// Open-data applications, demands, open grants and usage reports (issue 7 items 4-6):
// open-applications.test.ts covers the workflow; here each route's access.
const openPayload = (resourceId: string) => ({
  resourceId,
  purpose: '路由测试研究',
  measures: '加密存储',
  periodFrom: '2026-03-10',
  periodTo: '2027-03-09',
  commitments: { lawfulUse: true, protection: true, usageReports: true, citation: true },
});
Object.assign(TABLE, {
  'GET /api/open/applications': { allowed: 'citizen', forbidden: null, request: () => ({ url: '/api/open/applications?scope=mine' }) },
  'GET /api/open/applications/:id': {
    allowed: 'citizen',
    forbidden: null,
    request: (ids: Ids) => ({ url: `/api/open/applications/${ids.openAppWithdraw}` }),
  },
  'POST /api/open/applications': {
    allowed: 'citizen01',
    forbidden: 'hrss-staff',
    request: (ids: Ids) => ({ payload: openPayload(ids.openConditional) }),
    expectStatus: 201,
  },
  'POST /api/open/demands': {
    allowed: 'citizen02',
    forbidden: 'reviewer',
    request: () => ({ payload: { title: '公交实时数据', description: '各线路实时到站', purpose: '出行服务' } }),
    expectStatus: 201,
  },
  'GET /api/open/demands': { allowed: null, forbidden: null },
  'POST /api/open/applications/:id/formal-review': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids: Ids) => ({ url: `/api/open/applications/${ids.openAppFormal}/formal-review`, payload: { approve: true } }),
  },
  'POST /api/open/applications/:id/provider-review': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: (ids: Ids) => ({ url: `/api/open/applications/${ids.openAppProvider}/provider-review`, payload: { approve: true } }),
  },
  'POST /api/open/applications/:id/answer': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: (ids: Ids) => ({ url: `/api/open/applications/${ids.openDemand}/answer`, payload: { willOpen: false, text: '暂无此数据' } }),
  },
  'POST /api/open/applications/:id/withdraw': {
    allowed: 'citizen',
    forbidden: 'reviewer',
    request: (ids: Ids) => ({ url: `/api/open/applications/${ids.openAppWithdraw}/withdraw`, payload: {} }),
  },
  'GET /api/open/apply/:id': { allowed: null, forbidden: null, request: (ids: Ids) => ({ url: `/api/open/apply/${ids.openConditional}` }) },
  'GET /api/open/providers': { allowed: null, forbidden: null },
  'GET /api/open/grants': { allowed: 'citizen05', forbidden: null, request: () => ({ url: '/api/open/grants?scope=mine' }) },
  'POST /api/open/grants/:id/state': {
    allowed: 'reviewer',
    forbidden: 'hrss-steward',
    request: (ids: Ids) => ({ url: `/api/open/grants/${ids.openGrant}/state`, payload: { action: 'suspend', reason: '路由测试' } }),
  },
  'POST /api/open/grants/:id/reports/:reportId': {
    allowed: 'citizen05',
    forbidden: 'reviewer',
    request: (ids: Ids) => ({
      url: `/api/open/grants/${ids.openGrant}/reports/${ids.openReport}`,
      payload: { built: '出行小程序', outcome: '上线试运行', links: [], protection: '加密存储' },
    }),
  },
} satisfies Record<string, Case>);

/** Applications in every state an open-application route acts on, through the services as the demo users. */
async function prepareOpenApplications(hrssAgency: string) {
  const { resourceId: resource } = await publishResource(h, 'hrss', {
    open: { type: 'conditional', conditions: '路由测试条件', noneGround: null, legalBasis: null },
  });
  const as = demoActors(h.db);
  const reviewer = await as('reviewer');
  const applications = h.services.openApplications;
  const filed = async (who: string) => (await applications.apply(await as(who), openPayload(resource))).id;
  const formal = async (who: string) => {
    const id = await filed(who);
    await applications.formalReview(reviewer, id, { approve: true });
    return id;
  };
  const demand = await applications.demand(await as('citizen06'), {
    title: '路由测试需求',
    description: '路由测试',
    purpose: '研究',
    providerAgencyId: hrssAgency,
  });
  await applications.formalReview(reviewer, demand.id, { approve: true });
  const granted = await applications.providerReview(await as('hrss-steward'), await formal('citizen05'), { approve: true });
  const [grant] = await h.services.openGrants.list(await as('citizen05'), 'mine');
  return {
    openConditional: resource,
    openAppFormal: await filed('citizen03'),
    openAppProvider: await formal('citizen04'),
    openAppWithdraw: await filed('citizen'),
    openDemand: demand.id,
    openGrant: granted.grantId ?? '',
    openReport: grant?.reports[0]?.id ?? '',
  };
}

const minimalRuleSet = {
  code: 'route-test',
  title: '测试规则集',
  source: '测试',
  validFrom: '2031-01-01',
  validTo: '2031-12-31',
  limits: {
    'share.unconditional.formal_review': {
      workingDays: 1,
      article: '第十四条',
      requirement: 'R14.1',
      responsible: 'bureau',
      label: { zh: '形式审核', en: 'Formal review' },
    },
  },
};

let h: Harness;
let ids: Ids;
const placeholder: Ids = {
  batch: '00000000-0000-4000-8000-000000000021',
  problem: '00000000-0000-4000-8000-000000000022',
  resource: '00000000-0000-4000-8000-000000000011',
  openResource: '00000000-0000-4000-8000-000000000012',
  draftToEdit: '00000000-0000-4000-8000-000000000013',
  draftToDiscard: '00000000-0000-4000-8000-000000000014',
  draftToSubmit: '00000000-0000-4000-8000-000000000015',
  toApprove: '00000000-0000-4000-8000-000000000016',
  toReturn: '00000000-0000-4000-8000-000000000017',
  toDecide: '00000000-0000-4000-8000-000000000018',
  hrssAgency: '00000000-0000-4000-8000-000000000001',
  someUser: '00000000-0000-4000-8000-000000000002',
  apiKey: '00000000-0000-4000-8000-000000000003',
  notification: '00000000-0000-4000-8000-000000000004',
  orderToReport: '00000000-0000-4000-8000-000000000005',
  orderToReview: '00000000-0000-4000-8000-000000000006',
  shareFormal: '00000000-0000-4000-8000-000000000031',
  shareProvider: '00000000-0000-4000-8000-000000000032',
  shareDemand: '00000000-0000-4000-8000-000000000033',
  shareUpper: '00000000-0000-4000-8000-000000000034',
  shareWithdraw: '00000000-0000-4000-8000-000000000035',
  shareRejected: '00000000-0000-4000-8000-000000000036',
  shareConsultEntries: '00000000-0000-4000-8000-000000000037',
  shareConsultOutcome: '00000000-0000-4000-8000-000000000038',
  grant: '00000000-0000-4000-8000-000000000039',
  openConditional: '00000000-0000-4000-8000-000000000070',
  openAppFormal: '00000000-0000-4000-8000-000000000071',
  openAppProvider: '00000000-0000-4000-8000-000000000072',
  openAppWithdraw: '00000000-0000-4000-8000-000000000073',
  openDemand: '00000000-0000-4000-8000-000000000074',
  openGrant: '00000000-0000-4000-8000-000000000075',
  openReport: '00000000-0000-4000-8000-000000000076',
};

beforeAll(async () => {
  h = await createHarness();
  const agency = await h.db.selectFrom('agencies').select('id').where('code', '=', 'hrss').executeTakeFirstOrThrow();
  const user = await h.db.selectFrom('users').select('id').where('username', '=', 'hrss-staff').executeTakeFirstOrThrow();
  const steward = await h.signIn('hrss-steward');
  const key = await h.app.inject({ method: 'POST', url: '/api/me/api-keys', headers: steward.headers, payload: { name: 'to revoke' } });
  const reviewer = await h.signIn('reviewer');
  const order = async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/rectifications',
      headers: reviewer.headers,
      payload: { agencyId: agency.id, title: '准备数据', reason: '测试', requirement: 'R11.1' },
    });
    return res.json<{ id: string }>().id;
  };
  const orderToReport = await order();
  const orderToReview = await order();
  await h.app.inject({
    method: 'POST',
    url: `/api/rectifications/${orderToReview}/report`,
    headers: steward.headers,
    payload: { report: '已整改' },
  });
  const notification = await h.app.inject({ method: 'GET', url: '/api/notifications', headers: steward.headers });
  const catalog = await prepareCatalog(steward.headers, reviewer.headers);
  const pushed = await h.app.inject({
    method: 'POST',
    url: `/api/data/${catalog.resource}/records`,
    headers: steward.headers,
    payload: { idempotencyKey: 'route-test-setup', mode: 'replace', records: [{ sfzh: '11010519491231002X', xm: '张三' }] },
  });
  const citizen = await h.signIn('citizen');
  const reported = await h.app.inject({
    method: 'POST',
    url: `/api/data/${catalog.resource}/problems`,
    headers: citizen.headers,
    payload: { description: '准备数据' },
  });
  ids = {
    batch: pushed.json<{ batch: { id: string } }>().batch.id,
    problem: reported.json<{ id: string }>().id,
    ...catalog,
    hrssAgency: agency.id,
    someUser: user.id,
    apiKey: key.json<{ key: { id: string } }>().key.id,
    notification: notification.json<{ items: { id: string }[] }>().items[0]?.id ?? '',
    orderToReport,
    orderToReview,
    ...(await prepareSharing(catalog.resource)),
    ...(await prepareOpenApplications(agency.id)),
  };
});
afterAll(async () => h.close());

async function prepareCatalog(steward: Record<string, string>, reviewer: Record<string, string>) {
  const newDraft = async (metadata: unknown) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/catalog/drafts',
      headers: steward,
      payload: { metadata, justification: '测试数据，字段相同' },
    });
    return res.json<{ id: string; resourceId: string }>();
  };
  const submit = (id: string) =>
    h.app.inject({ method: 'POST', url: '/api/catalog/submit', headers: steward, payload: { versionIds: [id] } });
  const approve = (id: string) =>
    h.app.inject({ method: 'POST', url: `/api/catalog/versions/${id}/approve`, headers: reviewer, payload: {} });
  const submitted = async (metadata: unknown) => {
    const v = await newDraft(metadata);
    await submit(v.id);
    return v;
  };
  const publishedEntry = async (metadata: unknown) => {
    const v = await submitted(metadata);
    await approve(v.id);
    return v;
  };
  const a = await publishedEntry(catalogMeta);
  const b = await publishedEntry(openMeta);
  const lowered = await h.app.inject({
    method: 'POST',
    url: `/api/catalog/resources/${b.resourceId}/changes`,
    headers: steward,
    payload: { changeReason: '降级', lawChangeDate: '2026-01-05' },
  });
  const change = lowered.json<{ id: string }>();
  await h.app.inject({
    method: 'PUT',
    url: `/api/catalog/versions/${change.id}`,
    headers: steward,
    payload: {
      metadata: { ...openMeta, open: { type: 'conditional', conditions: '实名申请', noneGround: null, legalBasis: null } },
      justification: '测试数据，字段相同',
      changeReason: '降级',
      lawChangeDate: '2026-01-05',
    },
  });
  await submit(change.id);
  await approve(change.id);
  return {
    resource: a.resourceId,
    openResource: b.resourceId,
    draftToEdit: (await newDraft(catalogMeta)).id,
    draftToDiscard: (await newDraft(catalogMeta)).id,
    draftToSubmit: (await newDraft(catalogMeta)).id,
    toApprove: (await submitted(catalogMeta)).id,
    toReturn: (await submitted(catalogMeta)).id,
    toDecide: change.id,
  };
}

// Participation on the open portal (issue 7 items 3, 7, 8): open-participation.test.ts covers the
// behaviour; here each route's access. The objection and showcase items are made after the catalog.
const participation = { objection: '', showcaseToModerate: '', showcaseToWithdraw: '' };
beforeAll(async () => {
  const citizen = await demoActors(h.db)('citizen');
  const open = h.services.openParticipation;
  const work = {
    kind: 'article' as const,
    title: '路由测试成果',
    summary: '路由测试的成果摘要内容',
    author: '测试',
    resourceIds: [ids.openResource],
  };
  participation.objection = (
    await open.objections.raise(citizen, { resourceId: ids.openResource, kind: 'error', description: '路由测试异议内容' })
  ).id;
  participation.showcaseToModerate = (await open.showcase.submit(citizen, work)).id;
  participation.showcaseToWithdraw = (await open.showcase.submit(citizen, work)).id;
});
Object.assign(TABLE, {
  'POST /api/open/register': {
    allowed: null,
    forbidden: null,
    request: () => ({
      payload: {
        kind: 'citizen',
        username: 'route-citizen',
        password: 'Route-test-2026',
        name: '路由测试',
        identityNumber: '370481198808080112',
        phone: '13900000000',
      },
    }),
    expectStatus: 201,
  },
  'GET /api/open/objections': { allowed: null, forbidden: null },
  'POST /api/open/objections': {
    allowed: 'citizen',
    forbidden: null,
    request: (ids: Ids) => ({ payload: { resourceId: ids.openResource, kind: 'suggestion', description: '路由测试建议内容' } }),
    expectStatus: 201,
  },
  'GET /api/open/objections/mine': { allowed: 'citizen', forbidden: null },
  'GET /api/open/objections/queue': { allowed: 'hrss-staff', forbidden: 'citizen' },
  'POST /api/open/objections/:id/answer': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: () => ({
      url: `/api/open/objections/${participation.objection}/answer`,
      payload: { answer: '路由测试答复内容', action: 'no_change' },
    }),
  },
  'GET /api/open/showcase': { allowed: null, forbidden: null },
  'GET /api/open/showcase/resource-options': { allowed: null, forbidden: null },
  'POST /api/open/showcase': {
    allowed: 'citizen',
    forbidden: 'hrss-steward',
    request: (ids: Ids) => ({
      payload: {
        kind: 'application',
        title: '路由测试',
        summary: '路由测试的成果摘要内容',
        author: '测试',
        resourceIds: [ids.openResource],
      },
    }),
    expectStatus: 201,
  },
  'GET /api/open/showcase/mine': { allowed: 'citizen', forbidden: 'hrss-staff' },
  'GET /api/open/showcase/queue': { allowed: 'reviewer', forbidden: 'citizen' },
  'POST /api/open/showcase/:id/moderate': {
    allowed: 'reviewer',
    forbidden: 'citizen',
    request: () => ({ url: `/api/open/showcase/${participation.showcaseToModerate}/moderate`, payload: { approve: true } }),
  },
  'POST /api/open/showcase/:id/withdraw': {
    allowed: 'citizen',
    forbidden: 'hrss-staff',
    request: () => ({ url: `/api/open/showcase/${participation.showcaseToWithdraw}/withdraw` }),
  },
} satisfies Record<string, Case>);

// De-identified derivatives (issue 7 item 9, R18.4): derivatives.test.ts covers the behaviour; here
// each route's access, on derivatives of a demo hospital resource made through the service.
const derivative = { source: '', draft: '', consented: '', toWithdraw: '', published: '' };
beforeAll(async () => {
  const steward = await demoActors(h.db)('hospital-steward');
  if (steward.actor.kind !== 'user') throw new Error('no hospital steward');
  const source = await publishResource(h, 'hospital');
  const records = [1, 2, 3].map((i) => ({ sfzh: person(i), xm: `张${i}`, csrq: '1980-01-15' }));
  await h.services.loads.push(steward, steward.actor, source.resourceId, { idempotencyKey: 'route-derivatives', mode: 'replace', records });
  await h.services.loads.idle();
  const service = h.services.derivatives;
  const make = (name: string) =>
    service.create(steward, { resourceId: source.resourceId, name, treatments: { csrq: { kind: 'keep' } }, quasiIdentifiers: ['csrq'] });
  const consent = { holder: '路由测试权利人', document: '路由测试同意书', date: '2026-03-01' };
  const published = async (name: string) => {
    const d = await make(name);
    await service.recordConsent(steward, d.id, consent);
    return (await service.publish(steward, d.id)).id;
  };
  derivative.source = source.resourceId;
  derivative.draft = (await make('路由测试草稿')).id;
  derivative.consented = (await make('路由测试待发布')).id;
  await service.recordConsent(steward, derivative.consented, consent);
  derivative.toWithdraw = await published('路由测试待撤回');
  derivative.published = await published('路由测试已发布');
});
const derivativePlan = { name: '路由测试', treatments: {}, quasiIdentifiers: ['x'] };
Object.assign(TABLE, {
  'GET /api/open/derivatives': { allowed: null, forbidden: null },
  'GET /api/open/derivatives/:id': {
    allowed: null,
    forbidden: null,
    request: () => ({ url: `/api/open/derivatives/${derivative.published}` }),
  },
  'GET /api/open/derivatives/admin': { allowed: 'hospital-staff', forbidden: 'citizen' },
  'GET /api/open/derivatives/admin/sources': { allowed: 'hospital-steward', forbidden: 'citizen' },
  // Access passes, then the plan is refused (the quasi-identifier is no field): nothing is saved.
  'POST /api/open/derivatives/admin': {
    allowed: 'hospital-steward',
    forbidden: 'hospital-staff',
    request: () => ({ payload: { resourceId: derivative.source, ...derivativePlan } }),
    expectStatus: 400,
  },
  'GET /api/open/derivatives/admin/:id': {
    allowed: 'reviewer',
    forbidden: 'citizen',
    request: () => ({ url: `/api/open/derivatives/admin/${derivative.draft}` }),
  },
  'GET /api/open/derivatives/admin/:id/sample': {
    allowed: 'hospital-staff',
    forbidden: 'citizen',
    request: () => ({ url: `/api/open/derivatives/admin/${derivative.published}/sample` }),
  },
  'PUT /api/open/derivatives/admin/:id': {
    allowed: 'hospital-steward',
    forbidden: 'hospital-staff',
    request: () => ({ url: `/api/open/derivatives/admin/${derivative.draft}`, payload: derivativePlan }),
    expectStatus: 400,
  },
  'POST /api/open/derivatives/admin/:id/check': {
    allowed: 'hospital-steward',
    forbidden: 'hospital-staff',
    request: () => ({ url: `/api/open/derivatives/admin/${derivative.draft}/check` }),
  },
  'POST /api/open/derivatives/admin/:id/consent': {
    allowed: 'hospital-steward',
    forbidden: 'hospital-staff',
    request: () => ({
      url: `/api/open/derivatives/admin/${derivative.draft}/consent`,
      payload: { holder: '路由测试权利人', document: '路由测试同意书', date: '2026-03-01' },
    }),
  },
  'POST /api/open/derivatives/admin/:id/publish': {
    allowed: 'hospital-steward',
    forbidden: 'hospital-staff',
    request: () => ({ url: `/api/open/derivatives/admin/${derivative.consented}/publish` }),
  },
  'POST /api/open/derivatives/admin/:id/withdraw': {
    allowed: 'reviewer',
    forbidden: 'citizen',
    request: () => ({ url: `/api/open/derivatives/admin/${derivative.toWithdraw}/withdraw`, payload: { reason: '路由测试' } }),
  },
} satisfies Record<string, Case>);

// Third-party service providers (issue 8 item 6, R30.1): service-providers.test.ts covers the
// behaviour; here each route's access, on providers of the demo human resources bureau.
const provider = { id: '', toEnd: '', withAccount: '', toLink: '', linked: '' };
const providerInput = (agencyId: string, agreementNumber: string) => ({
  agencyId,
  name: '滕州市路由测试运维有限公司',
  creditCode: '91370481MA0000001R',
  agreementNumber,
  serviceScope: '路由测试运维',
  agreementSignedOn: '2020-01-01',
  noRetention: true,
  noUse: true,
  noOnwardTransfer: true,
  validFrom: '2020-01-01',
  validTo: '2099-12-31',
});
beforeAll(async () => {
  const admin = await demoActors(h.db)('admin');
  const hrss = await h.db.selectFrom('agencies').select('id').where('code', '=', 'hrss').executeTakeFirstOrThrow();
  const service = h.services.serviceProviders;
  const make = async (n: string) => (await service.create(admin, providerInput(hrss.id, n))).provider.id;
  const account = async (username: string) =>
    (
      await h.services.users.create(admin, {
        username,
        displayName: username,
        agencyId: hrss.id,
        roles: ['agency_staff'],
        password: 'Route-test-2026',
      })
    ).id;
  provider.id = await make('ROUTE-1');
  provider.toEnd = await make('ROUTE-2');
  provider.withAccount = await make('ROUTE-3');
  provider.toLink = await account('route-vendor-1');
  provider.linked = await account('route-vendor-2');
  await service.link(admin, provider.withAccount, provider.linked);
});
Object.assign(TABLE, {
  'GET /api/service-providers': { allowed: 'police-security', forbidden: 'hrss-staff' },
  'GET /api/service-providers/:id': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: () => ({ url: `/api/service-providers/${provider.id}` }),
  },
  'POST /api/service-providers': {
    allowed: 'hrss-steward',
    forbidden: 'police-security',
    request: (ids: Ids) => ({ payload: providerInput(ids.hrssAgency, 'ROUTE-NEW') }),
    expectStatus: 201,
  },
  'PATCH /api/service-providers/:id': {
    allowed: 'admin',
    forbidden: 'reviewer',
    request: () => ({ url: `/api/service-providers/${provider.id}`, payload: { serviceScope: '路由测试运维（更新）' } }),
  },
  'POST /api/service-providers/:id/end': {
    allowed: 'admin',
    forbidden: 'hrss-staff',
    request: () => ({ url: `/api/service-providers/${provider.toEnd}/end`, payload: { kind: 'ended', reason: '路由测试' } }),
  },
  'GET /api/service-providers/:id/account-options': {
    allowed: 'hrss-steward',
    forbidden: 'police-security',
    request: () => ({ url: `/api/service-providers/${provider.id}/account-options` }),
  },
  'POST /api/service-providers/:id/accounts': {
    allowed: 'admin',
    forbidden: 'hrss-staff',
    request: () => ({ url: `/api/service-providers/${provider.id}/accounts`, payload: { userId: provider.toLink } }),
  },
  'DELETE /api/service-providers/:id/accounts/:userId': {
    allowed: 'hrss-steward',
    forbidden: 'hrss-staff',
    request: () => ({ url: `/api/service-providers/${provider.withAccount}/accounts/${provider.linked}` }),
  },
} satisfies Record<string, Case>);

function fill(url: string): string {
  return url.replace(':id', placeholder.hrssAgency);
}

describe('authorization over every API route', () => {
  it('every registered API route has a row in the table, and every row a route', () => {
    const registered = h.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(TABLE).sort());
  });

  for (const [key, c] of Object.entries(TABLE)) {
    const [method, url] = key.split(' ') as [InjectOptions['method'], string];

    if (c.allowed !== null) {
      it(`${key}: no session → 401`, async () => {
        const res = await h.app.inject({ method, url: fill(url), ...(c.request?.(placeholder) ?? {}) });
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('AUTH_REQUIRED');
      });
    }
    if (c.forbidden !== null) {
      it(`${key}: ${c.forbidden} → 403`, async () => {
        const s = await h.signIn(c.forbidden ?? '');
        const req = c.request?.(ids) ?? {};
        const res = await h.app.inject({
          method,
          url: fill(url),
          ...req,
          headers: { ...(req.headers as Record<string, string> | undefined), ...s.headers },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      });
    }
    it(`${key}: ${c.allowed ?? 'anonymous'} → ${c.expectStatus ?? 200}`, async () => {
      const headers = c.allowed ? (await h.signIn(c.allowed)).headers : {};
      const req = c.request?.(ids) ?? {};
      const res = await h.app.inject({
        method,
        url: fill(url),
        ...req,
        headers: { ...(req.headers as Record<string, string> | undefined), ...headers },
      });
      expect(res.statusCode, res.body).toBe(c.expectStatus ?? 200);
    });
  }
});
