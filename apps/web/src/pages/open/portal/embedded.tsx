/**
 * The other parts' components embedded in the resource page, at their fixed paths (plan: fixed
 * interfaces): H2's ApplyCard (conditional open data, R19.2) and H3's objections (R20.2) and
 * showcase (R22.1) of the resource. One place, so the page imports each once.
 */
import type { ReactNode } from 'react';

export function ResourceApply(_props: { readonly resourceId: string; readonly openType: 'unconditional' | 'conditional' }): ReactNode {
  return null;
}

export function ResourceParticipation(_props: {
  readonly resourceId: string;
  readonly fields: readonly { code: string; name: string }[];
}): ReactNode {
  return null;
}
