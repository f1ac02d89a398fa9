/**
 * Who can be named quality owner (R12.1): the bureau lists the provider agency's accounts; a data
 * steward, who cannot list accounts, chooses among the agency's stewards (GET /api/agencies/:id) or
 * themself. Whoever is owner now stays choosable, named when known.
 */
import { useMemo } from 'react';
import { useAgency } from '../../../api/agencies';
import { useUsers } from '../../../api/users';
import { useAuth } from '../../../auth/useAuth';
import { useT } from '../../../i18n/useT';

export interface OwnerOption {
  readonly value: string;
  readonly label: string;
}

export interface OwnerOptions {
  readonly options: readonly OwnerOption[];
  readonly loading: boolean;
  /** The owner's name, a placeholder when unknown here, or null when nobody is named. */
  readonly labelOf: (userId: string | null) => string | null;
}

export function useOwnerOptions(providerId: string | null | undefined, ownerUserId: string | null, enabled = true): OwnerOptions {
  const t = useT();
  const { me, can } = useAuth();
  const listUsers = enabled && can('user.read') && Boolean(providerId);
  const users = useUsers(providerId ? { agencyId: providerId } : {}, listUsers);
  // Stewards read their own agency (its stewards); a refusal leaves just "myself".
  const agency = useAgency(enabled && !listUsers && me?.user.agency?.id === providerId ? providerId : null);

  return useMemo(() => {
    const named = new Map<string, string>();
    for (const user of users.data ?? []) {
      if (!user.disabled) named.set(user.id, t('data.owner.user', { name: user.displayName, username: user.username }));
    }
    for (const steward of agency.data?.stewards ?? []) {
      named.set(steward.id, t('data.owner.user', { name: steward.displayName, username: steward.username }));
    }
    if (me) named.set(me.user.id, t('data.owner.me', { name: me.user.displayName }));
    if (ownerUserId && !named.has(ownerUserId)) named.set(ownerUserId, t('data.owner.unknown'));
    return {
      options: [...named].map(([value, label]) => ({ value, label })),
      loading: users.isFetching || agency.isFetching,
      labelOf: (userId) => (userId ? (named.get(userId) ?? t('data.owner.unknown')) : null),
    };
  }, [users.data, users.isFetching, agency.data, agency.isFetching, me, ownerUserId, t]);
}
