/** The addresses of the sharing pages (notifications link to requestPath and grantPath). */

export const REQUESTS_PATH = '/sharing/requests';
export const GRANTS_PATH = '/sharing/grants';

export const requestPath = (id: string): string => `/sharing/requests/${id}`;
export const grantPath = (id: string): string => `/sharing/grants/${id}`;
export const lineagePath = (resourceId: string): string => `/sharing/lineage/${resourceId}`;

/** The request wizard, optionally for one catalog resource, or as a demand to one provider (R14.3). */
export function newRequestPath(resourceId?: string | null, demand?: { kind: 'demand'; providerAgencyId: string }): string {
  const query = new URLSearchParams();
  if (resourceId) query.set('resourceId', resourceId);
  if (demand) {
    query.set('kind', demand.kind);
    query.set('providerAgencyId', demand.providerAgencyId);
  }
  const qs = query.toString();
  return `/sharing/requests/new${qs ? `?${qs}` : ''}`;
}
