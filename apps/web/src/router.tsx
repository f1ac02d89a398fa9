/**
 * The routes. The portal and sign-in load with the app; signed-in pages load on demand, each
 * behind the permission the server also checks.
 */
import type { Permission } from '@gongshu/domain';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequirePermission } from './auth/RequirePermission';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { RouteErrorPage } from './pages/errors/RouteErrorPage';
import { LoginPage } from './pages/login/LoginPage';
import { OpenHomePage } from './pages/open/portal/OpenHomePage';
import { PageLoading } from './components/PageLoading';

/** React.lazy for a module's named export (the codebase has no default exports). */
function lazyNamed<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const WorkbenchPage = lazyNamed(() => import('./pages/workbench/WorkbenchPage'), 'WorkbenchPage');
const ConsoleOverview = lazyNamed(() => import('./pages/console/ConsoleOverview'), 'ConsoleOverview');
const AgenciesPage = lazyNamed(() => import('./pages/console/AgenciesPage'), 'AgenciesPage');
const UsersPage = lazyNamed(() => import('./pages/console/UsersPage'), 'UsersPage');
const ProvidersPage = lazyNamed(() => import('./pages/console/ProvidersPage'), 'ProvidersPage');
const SectorPage = lazyNamed(() => import('./pages/sector/SectorPage'), 'SectorPage');
const AuditPage = lazyNamed(() => import('./pages/audit/AuditPage'), 'AuditPage');
const AlertsPage = lazyNamed(() => import('./pages/audit/AlertsPage'), 'AlertsPage');
const CorrelationQueuePage = lazyNamed(() => import('./pages/security/CorrelationQueuePage'), 'CorrelationQueuePage');
const ProfilePage = lazyNamed(() => import('./pages/profile/ProfilePage'), 'ProfilePage');
const CalendarPage = lazyNamed(() => import('./pages/calendar/CalendarPage'), 'CalendarPage');
const RulesPage = lazyNamed(() => import('./pages/rules/RulesPage'), 'RulesPage');
const RectificationsPage = lazyNamed(() => import('./pages/rectifications/RectificationsPage'), 'RectificationsPage');
const RectificationDetailPage = lazyNamed(() => import('./pages/rectifications/RectificationDetailPage'), 'RectificationDetailPage');
const CatalogPage = lazyNamed(() => import('./pages/catalog/browse/CatalogPage'), 'CatalogPage');
const ResourcePage = lazyNamed(() => import('./pages/catalog/resource/ResourcePage'), 'ResourcePage');
const MyCatalogPage = lazyNamed(() => import('./pages/catalog/mine/MyCatalogPage'), 'MyCatalogPage');
const NewEntryPage = lazyNamed(() => import('./pages/catalog/editor/NewEntryPage'), 'NewEntryPage');
const VersionPage = lazyNamed(() => import('./pages/catalog/editor/VersionPage'), 'VersionPage');
const ReviewQueuePage = lazyNamed(() => import('./pages/catalog/reviews/ReviewQueuePage'), 'ReviewQueuePage');
const ReviewPage = lazyNamed(() => import('./pages/catalog/reviews/ReviewPage'), 'ReviewPage');
const DataPage = lazyNamed(() => import('./pages/aggregation/DataPage'), 'DataPage');
const UploadPage = lazyNamed(() => import('./pages/aggregation/upload/UploadPage'), 'UploadPage');
const ProblemsPage = lazyNamed(() => import('./pages/aggregation/problems/ProblemsPage'), 'ProblemsPage');
const QualitySettingsPage = lazyNamed(() => import('./pages/aggregation/quality/QualitySettingsPage'), 'QualitySettingsPage');
const LoadPage = lazyNamed(() => import('./pages/aggregation/loads/LoadPage'), 'LoadPage');
const MyRequestsPage = lazyNamed(() => import('./pages/sharing/requests/MyRequestsPage'), 'MyRequestsPage');
const RequestWizardPage = lazyNamed(() => import('./pages/sharing/wizard/RequestWizardPage'), 'RequestWizardPage');
const RequestDetailPage = lazyNamed(() => import('./pages/sharing/detail/RequestDetailPage'), 'RequestDetailPage');
const ProviderQueuePage = lazyNamed(() => import('./pages/sharing/requests/QueuePage'), 'ProviderQueuePage');
const ShareReviewQueuePage = lazyNamed(() => import('./pages/sharing/requests/QueuePage'), 'ReviewQueuePage');
const GrantsPage = lazyNamed(() => import('./pages/sharing/grants/GrantsPage'), 'GrantsPage');
const GrantPage = lazyNamed(() => import('./pages/sharing/grants/GrantPage'), 'GrantPage');
const LineagePage = lazyNamed(() => import('./pages/sharing/lineage/LineagePage'), 'LineagePage');
const OpenSearchPage = lazyNamed(() => import('./pages/open/portal/OpenSearchPage'), 'OpenSearchPage');
const OpenResourcePage = lazyNamed(() => import('./pages/open/portal/OpenResourcePage'), 'OpenResourcePage');
const OpenDevelopersPage = lazyNamed(() => import('./pages/open/portal/OpenDevelopersPage'), 'OpenDevelopersPage');
const MyHubPage = lazyNamed(() => import('./pages/open/portal/MyHubPage'), 'MyHubPage');
const PublicDerivativesPage = lazyNamed(() => import('./pages/open/derivatives/PublicDerivativesPage'), 'PublicDerivativesPage');
const PublicDerivativePage = lazyNamed(() => import('./pages/open/derivatives/PublicDerivativePage'), 'PublicDerivativePage');
const DerivativesAdminPage = lazyNamed(() => import('./pages/open/derivatives/DerivativesAdminPage'), 'DerivativesAdminPage');
const DerivativeEditorPage = lazyNamed(() => import('./pages/open/derivatives/DerivativeEditorPage'), 'DerivativeEditorPage');
const RegisterPage = lazyNamed(() => import('./pages/open/participation/RegisterPage'), 'RegisterPage');
const ShowcasePage = lazyNamed(() => import('./pages/open/participation/ShowcasePage'), 'ShowcasePage');
const ObjectionsPage = lazyNamed(() => import('./pages/open/participation/ObjectionsPage'), 'ObjectionsPage');
const MyObjectionsPage = lazyNamed(() => import('./pages/open/participation/MyObjectionsPage'), 'MyObjectionsPage');
const MyShowcasePage = lazyNamed(() => import('./pages/open/participation/MyShowcasePage'), 'MyShowcasePage');
const ObjectionQueuePage = lazyNamed(() => import('./pages/open/participation/ObjectionQueuePage'), 'ObjectionQueuePage');
const ShowcaseModerationPage = lazyNamed(() => import('./pages/open/participation/ShowcaseModerationPage'), 'ShowcaseModerationPage');
const ApplyPage = lazyNamed(() => import('./pages/open/applications/ApplyPage'), 'ApplyPage');
const DemandsPage = lazyNamed(() => import('./pages/open/applications/DemandsPage'), 'DemandsPage');
const DemandFormPage = lazyNamed(() => import('./pages/open/applications/DemandFormPage'), 'DemandFormPage');
const MyApplicationsPage = lazyNamed(() => import('./pages/open/applications/MyApplicationsPage'), 'MyApplicationsPage');
const MyApplicationPage = lazyNamed(() => import('./pages/open/applications/MyApplicationPage'), 'MyApplicationPage');
const MyGrantsPage = lazyNamed(() => import('./pages/open/applications/MyGrantsPage'), 'MyGrantsPage');
const OpenAdminQueuePage = lazyNamed(() => import('./pages/open/applications/AdminQueuePage'), 'AdminQueuePage');
const OpenAdminApplicationPage = lazyNamed(() => import('./pages/open/applications/AdminApplicationPage'), 'AdminApplicationPage');

/** A page of the public portal (it renders its own PublicLayout), loaded on demand. */
function publicPage(path: string, Page: ComponentType, permission?: Permission): RouteObject {
  const page = (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
  return { path, element: permission ? <RequirePermission permission={permission}>{page}</RequirePermission> : page };
}

function guarded(path: string, permission: Permission, Page: ComponentType): RouteObject {
  return {
    path,
    element: (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ),
  };
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <OpenHomePage /> },
      { path: '/login', element: <LoginPage /> },
      // The open data portal (issue 7): search, resource pages, developers; the public user's hub.
      publicPage('/open', OpenSearchPage),
      publicPage('/open/resources/:id', OpenResourcePage),
      publicPage('/open/developers', OpenDevelopersPage),
      publicPage('/me', MyHubPage, 'open.participate'),
      // De-identified derivatives of data not opened (R18.4): the published list and one derivative.
      publicPage('/open/derivatives', PublicDerivativesPage),
      publicPage('/open/derivatives/:id', PublicDerivativePage),
      // Participation (issue 7 items 3, 7, 8): registration, the showcase, my objections and works.
      publicPage('/open/register', RegisterPage),
      publicPage('/open/showcase', ShowcasePage),
      publicPage('/open/objections', ObjectionsPage),
      publicPage('/me/objections', MyObjectionsPage, 'profile.read'),
      publicPage('/me/showcase', MyShowcasePage, 'open.participate'),
      // Applications for conditional data, demands, grants and usage reports (R19.2–R20.1).
      publicPage('/open/apply/:resourceId', ApplyPage),
      publicPage('/open/demands', DemandsPage),
      publicPage('/open/demands/new', DemandFormPage),
      publicPage('/me/applications', MyApplicationsPage, 'open.participate'),
      publicPage('/me/applications/:id', MyApplicationPage, 'open.participate'),
      publicPage('/me/grants', MyGrantsPage, 'open.participate'),
      {
        element: <AppLayout />,
        children: [
          guarded('/workbench', 'workbench.view', WorkbenchPage),
          guarded('/console', 'console.view', ConsoleOverview),
          guarded('/console/agencies', 'agency.list', AgenciesPage),
          guarded('/console/users', 'user.read', UsersPage),
          // Third-party service providers (R30.1): the bureau all, a steward its agency's, security supervisors read.
          guarded('/console/providers', 'provider.read', ProvidersPage),
          guarded('/console/calendar', 'console.view', CalendarPage),
          guarded('/console/rules', 'console.view', RulesPage),
          guarded('/rectifications', 'rectification.read', RectificationsPage),
          guarded('/rectifications/:id', 'rectification.read', RectificationDetailPage),
          // The catalog (R10.1–R10.3). Notifications link providers to /catalog/versions/:id and the
          // bureau to /catalog/reviews/:id; the server decides who may see an unpublished version.
          guarded('/catalog', 'catalog.read', CatalogPage),
          guarded('/catalog/resources/:id', 'catalog.read', ResourcePage),
          guarded('/catalog/mine', 'catalog.edit', MyCatalogPage),
          guarded('/catalog/new', 'catalog.edit', NewEntryPage),
          guarded('/catalog/versions/:id', 'catalog.read', VersionPage),
          guarded('/catalog/reviews', 'catalog.review', ReviewQueuePage),
          guarded('/catalog/reviews/:id', 'catalog.review', ReviewPage),
          // Aggregated data (R11.1, R12.1, R12.2): the provider agency's people and the bureau; the
          // server decides per resource. Notifications link to /data/loads/:id and /data/:id/problems.
          guarded('/data/loads/:id', 'catalog.read', LoadPage),
          guarded('/data/:resourceId', 'catalog.read', DataPage),
          guarded('/data/:resourceId/upload', 'catalog.edit', UploadPage),
          guarded('/data/:resourceId/problems', 'catalog.read', ProblemsPage),
          guarded('/data/:resourceId/quality', 'catalog.read', QualitySettingsPage),
          // Sharing between agencies (R14–R17): requests, the provider's and the bureau's queues, grants
          // and lineage; the server decides per request and grant. Notifications link to
          // /sharing/requests/:id and /sharing/grants/:id.
          guarded('/sharing/requests', 'share.read', MyRequestsPage),
          guarded('/sharing/requests/new', 'share.request', RequestWizardPage),
          guarded('/sharing/requests/:id', 'share.read', RequestDetailPage),
          guarded('/sharing/provider', 'share.provide', ProviderQueuePage),
          guarded('/sharing/reviews', 'share.review', ShareReviewQueuePage),
          guarded('/sharing/grants', 'share.read', GrantsPage),
          guarded('/sharing/grants/:id', 'share.read', GrantPage),
          guarded('/sharing/lineage/:resourceId', 'share.read', LineagePage),
          // De-identified opening (R18.4): the provider's steward edits, checks and publishes; agency staff
          // and the bureau read (the server decides per derivative). Notifications link to /open-admin/derivatives/:id.
          guarded('/open-admin/derivatives', 'open.read', DerivativesAdminPage),
          guarded('/open-admin/derivatives/:id', 'open.read', DerivativeEditorPage),
          // Open data participation (R20.2, R22.1): the provider's objections to answer (the bureau
          // reads every agency's) and the bureau's showcase moderation.
          guarded('/open-admin/objections', 'open.read', ObjectionQueuePage),
          guarded('/open-admin/showcase', 'open.review', ShowcaseModerationPage),
          // Open-data applications and demands: the bureau's and the provider's queues, open grants (R19.2–R20.1).
          guarded('/open-admin/applications', 'open.read', OpenAdminQueuePage),
          guarded('/open-admin/applications/:id', 'open.read', OpenAdminApplicationPage),
          guarded('/sector', 'sector.oversee', SectorPage),
          guarded('/audit', 'audit.read', AuditPage),
          // Unusual-access alerts (issue 8 item 4); notifications link here.
          guarded('/audit/alerts', 'audit.read', AlertsPage),
          // Share requests awaiting a correlation security assessment (R31.1).
          guarded('/security/correlation', 'security.assess', CorrelationQueuePage),
          guarded('/profile', 'profile.read', ProfilePage),
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
