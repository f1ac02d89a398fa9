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
}

/** Who sees the console's group heading. */
export const GROUP_PERMISSION: Permission = 'console.view';

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/workbench', label: 'nav.workbench', permission: 'workbench.view' },
  { path: '/console', label: 'nav.consoleOverview', permission: 'console.view', group: 'nav.console' },
  // The bureau supervises orders from its console; agencies and sector supervisors read their own (R35.1).
  { path: '/rectifications', label: 'nav.rectifications', permission: 'rectification.read', group: 'nav.console' },
  { path: '/console/agencies', label: 'nav.agencies', permission: 'agency.list', group: 'nav.console', labelOutsideGroup: 'nav.directory' },
  { path: '/console/users', label: 'nav.users', permission: 'user.read', group: 'nav.console' },
  { path: '/console/calendar', label: 'nav.calendar', permission: 'console.view', group: 'nav.console' },
  { path: '/console/rules', label: 'nav.rules', permission: 'console.view', group: 'nav.console' },
  { path: '/sector', label: 'nav.sector', permission: 'sector.oversee' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
  { path: '/profile', label: 'nav.profile', permission: 'profile.read' },
];

/** The nav entry that a path belongs to: the longest matching prefix. */
export function selectedNavPath(pathname: string): string | null {
  const matches = NAV_ITEMS.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? null;
}
