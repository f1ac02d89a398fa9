/**
 * The side navigation: one entry per page, shown only to users holding the page's permission
 * (the server refuses the data anyway; hiding avoids dead ends).
 */
import type { Permission } from '@gongshu/domain';
import type { MessageKey } from '../i18n/zh';

export interface NavItem {
  readonly path: string;
  readonly label: MessageKey;
  readonly permission: Permission;
  /** Shown under the console's group heading, for users who can open the console. */
  readonly group?: MessageKey;
  /** The label for users without the console (the entry then stands on its own). */
  readonly labelOutsideGroup?: MessageKey;
  /** Other path prefixes of the entry's pages (the editor belongs to my catalog). */
  readonly matches?: readonly string[];
  /** A count shown beside the label. */
  readonly badge?: 'catalogReviews';
}

/** Who sees the console's group heading. */
export const GROUP_PERMISSION: Permission = 'console.view';

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/workbench', label: 'nav.workbench', permission: 'workbench.view' },
  // The published catalog is for everyone signed in; agencies keep their own entries (R10.1).
  // A resource's data pages (/data/…) open from its catalog entry.
  { path: '/catalog', label: 'nav.catalog', permission: 'catalog.read', matches: ['/data'] },
  { path: '/catalog/mine', label: 'nav.catalogMine', permission: 'catalog.edit', matches: ['/catalog/new', '/catalog/versions'] },
  // Sharing (R14–R17): my agency's requests (the wizard and each request belong to it), the
  // provider's queue, and grants (a resource's lineage opens from its grants).
  { path: '/sharing/requests', label: 'nav.shareRequests', permission: 'share.read' },
  { path: '/sharing/provider', label: 'nav.shareProvider', permission: 'share.provide' },
  { path: '/sharing/grants', label: 'nav.shareGrants', permission: 'share.read', matches: ['/sharing/lineage'] },
  // De-identified opening of data not opened (R18.4): the agency's derivatives (the bureau: all).
  { path: '/open-admin/derivatives', label: 'open.derivatives.nav', permission: 'open.read' },
  // Objections to the agency's open data (R20.2); the bureau reads every agency's.
  { path: '/open-admin/objections', label: 'open.participation.nav.objectionQueue', permission: 'open.read' },
  // Open-data applications and demands (R19.2–R20.1): the bureau's formal queue, the provider's queue, open grants.
  { path: '/open-admin/applications', label: 'open.applications.nav.admin', permission: 'open.read' },
  { path: '/console', label: 'nav.consoleOverview', permission: 'console.view', group: 'nav.console' },
  // The bureau supervises orders from its console; agencies and sector supervisors read their own (R35.1).
  { path: '/rectifications', label: 'nav.rectifications', permission: 'rectification.read', group: 'nav.console' },
  // The bureau's formal review of catalog submissions and changes (R10.2, R10.3).
  { path: '/catalog/reviews', label: 'nav.catalogReviews', permission: 'catalog.review', group: 'nav.console', badge: 'catalogReviews' },
  // The bureau's formal review of share requests, escalations and consultations (R14–R16).
  { path: '/sharing/reviews', label: 'nav.shareReviews', permission: 'share.review', group: 'nav.console' },
  // The bureau's moderation of the reuse showcase (R22.1).
  { path: '/open-admin/showcase', label: 'open.participation.nav.showcaseModeration', permission: 'open.review', group: 'nav.console' },
  { path: '/console/agencies', label: 'nav.agencies', permission: 'agency.list', group: 'nav.console', labelOutsideGroup: 'nav.directory' },
  { path: '/console/users', label: 'nav.users', permission: 'user.read', group: 'nav.console' },
  { path: '/console/calendar', label: 'nav.calendar', permission: 'console.view', group: 'nav.console' },
  { path: '/console/rules', label: 'nav.rules', permission: 'console.view', group: 'nav.console' },
  // Third-party service providers and their agreements (R30.1); stewards and security supervisors see it on its own.
  { path: '/console/providers', label: 'security.providers.nav', permission: 'provider.read', group: 'nav.console' },
  { path: '/sector', label: 'nav.sector', permission: 'sector.oversee' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
  { path: '/audit/alerts', label: 'security.alerts.nav', permission: 'audit.read' },
  // Share requests awaiting a correlation security assessment (R31.1).
  { path: '/security/correlation', label: 'correlation.nav', permission: 'security.assess' },
  { path: '/profile', label: 'nav.profile', permission: 'profile.read' },
];

/** The nav entry that a path belongs to: the longest matching prefix (its own path or another of its pages). */
export function selectedNavPath(pathname: string): string | null {
  const matches = NAV_ITEMS.flatMap((item) =>
    [item.path, ...(item.matches ?? [])]
      .filter((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))
      .map((prefix) => ({ prefix, path: item.path })),
  );
  return matches.sort((a, b) => b.prefix.length - a.prefix.length)[0]?.path ?? null;
}
