/**
 * @gongshu/contracts: the HTTP API as TypeBox schemas (one contract per route) and the typed
 * client. The server registers exactly these contracts; the OpenAPI document is generated from them.
 */
export * from './common.js';
export * from './route.js';
export * from './client.js';
export * from './distributions.js';
export * from './masks.js';
export * as routes from './routes/index.js';
export { Me, ApiKey, RoleName, AgencyRef } from './routes/auth.js';
export { Agency, AgencyDetail, AgencyInput, AgencyKind, Sector, SecurityDuty, ResponsiblePerson } from './routes/agencies.js';
export { User } from './routes/users.js';
export {
  ServiceProvider,
  ServiceProviderDetail,
  ServiceProviderInput,
  ProviderAccount,
  ProviderStatus,
} from './routes/service-providers.js';
export { AuditEntry, AuditVerification, AUDIT_EXPORT_CAP } from './routes/audit.js';
export { AccessAlert, AccessAlertDay } from './routes/security-alerts.js';
export { CalendarYear, WorkingDaysAnswer, IsoDate } from './routes/calendar.js';
export { RuleSetSummary, RuleSetDocument } from './routes/rules.js';
export { PendingItem, OnTimeRow } from './routes/deadlines.js';
export { Notification } from './routes/notifications.js';
export { Rectification } from './routes/rectifications.js';
export {
  ResourceMetadata,
  FieldSpec,
  CatalogVersion,
  CatalogResource,
  SearchHit,
  SearchResult,
  SearchQuery,
  MyEntry,
  Problem,
  Overlap,
  Change,
} from './routes/catalog.js';
export { LoadBatch, DataProblem, QualityView } from './routes/data.js';
export { ShareRequest, ShareRequestDetail, ShareField, Consultation, AgencyKey, Grant, Delivery, Lineage } from './routes/sharing.js';
export { CorrelationAssessment, CorrelationQueueItem, CorrelationRisk, CorrelationStatus } from './routes/correlation.js';
export { Provenance, ExitRecord } from './routes/exit.js';
export {
  OpenApplication,
  OpenApplicationDetail,
  OpenApplicationState,
  OpenApplyState,
  OpenGrant,
  OpenPublicDemand,
  OpenUsageReport,
} from './routes/open-applications.js';
export {
  DerivativeCheck,
  DerivativeConsent,
  DerivativeDetail,
  DerivativeField,
  DerivativeSample,
  DerivativeSource,
  DerivativeSummary,
  FieldTreatment,
  PublicDerivative,
  PublicDerivativeSummary,
  derivativeDownloadPath,
  derivativePortalPath,
} from './routes/derivatives.js';
export {
  PortalField,
  PortalResource,
  PortalResourceCard,
  PortalSearchHit,
  PortalSearchQuery,
  PortalSearchResult,
  PortalSummary,
  PortalUsage,
} from './routes/portal.js';
export {
  CkanErrorBody,
  CkanGroup,
  CkanGroupDetail,
  CkanOrganization,
  CkanOrganizationDetail,
  CkanPackage,
  CkanResource,
  CkanSearchResult,
  CkanStatus,
  CkanTag,
  CkanDatastoreResult,
  type CkanActionName,
} from './routes/ckan.js';
export { OpenColumn, type OpenPreview, type OpenRecordsResult } from './routes/open-data.js';
