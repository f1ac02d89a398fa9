/**
 * What the signed-in user may do with a resource's data, as the server decides it: the provider
 * agency's people and the bureau see loads, problems and quality; the provider's people load and
 * fix or dismiss problems; the provider's data steward or the bureau set the quality owner, policy
 * and rules; the quality owner or the bureau confirm fixes (R12.1, R12.2). The server checks again.
 */
import { useAuth } from '../../auth/useAuth';

export interface DataAccess {
  /** A person of the provider agency or the bureau: loads, problems and quality are theirs to see. */
  readonly view: boolean;
  /** A steward or staff member of the provider agency: uploads data, fixes or dismisses problems. */
  readonly provide: boolean;
  /** The provider's data steward or the bureau: quality owner, policy and rules. */
  readonly editQuality: boolean;
  /** The quality owner or the bureau: confirms fixed problems. */
  readonly confirm: boolean;
}

export function useDataAccess(providerId: string | null | undefined, ownerUserId: string | null = null): DataAccess {
  const { me, can } = useAuth();
  const bureau = can('catalog.review');
  const user = me?.user;
  const own = Boolean(providerId) && user?.agency?.id === providerId;
  const provide = own && Boolean(user?.roles.some((role) => role === 'steward' || role === 'agency_staff'));
  return {
    view: own || bureau,
    provide,
    editQuality: bureau || (own && Boolean(user?.roles.includes('steward'))),
    confirm: bureau || (ownerUserId !== null && user?.id === ownerUserId),
  };
}
