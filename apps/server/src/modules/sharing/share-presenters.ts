/** Share requests and grants as the API shows them. */
import type { Grant, PendingItem, ShareField, ShareRequest } from '@gongshu/contracts';
import { effectiveMask, fieldDefaultMask, grantStatusAt, type MaskKind, type ResourceMetadata } from '@gongshu/domain';
import type { ShareGrantRow } from '../../db/schema.js';
import type { RequestRow } from './share-requests.repository.js';

/**
 * The fields of a resource by code, each with how the exit masks it (R29.1): the field's default
 * (declared mask or grading minimum) and, on a grant, the effective mask with the grant's override.
 */
export function shareFieldsOf(
  metadata: ResourceMetadata | null,
  codes: readonly string[] | null,
  overrides: Readonly<Record<string, MaskKind>> = {},
): ShareField[] {
  if (!metadata) return [];
  const level = Number(metadata.securityLevel);
  const chosen = codes === null ? metadata.fields : metadata.fields.filter((f) => codes.includes(f.code));
  return chosen.map((f) => {
    const effective = effectiveMask(f, level, overrides[f.code] ?? null);
    return {
      code: f.code,
      name: f.name,
      sensitivity: f.sensitivity,
      mask: effective.kind,
      defaultMask: fieldDefaultMask(f, level),
      effectiveMask: effective,
      overridden: f.code in overrides,
    };
  });
}

export interface Rejection {
  by: 'bureau' | 'provider' | 'security';
  byLabel: string;
  reasons: { reason: string; legalBasis: string }[];
  at: string;
}

export function presentRequest(
  row: RequestRow,
  deadline: PendingItem | null,
  keys: Map<string, { id: string; name: string; prefix: string }>,
): ShareRequest {
  const metadata = (row.resource_metadata as ResourceMetadata | null) ?? null;
  return {
    id: row.id,
    number: row.number,
    route: row.route as ShareRequest['route'],
    state: row.state as ShareRequest['state'],
    requester: { id: row.requester_agency_id, name: row.requester_name, level: row.requester_level },
    filedByBureau: row.filed_by_bureau,
    filedBy: row.filer_name ?? '—',
    resource:
      row.resource_id && metadata
        ? { id: row.resource_id, code: row.resource_code ?? null, name: metadata.name, shareType: metadata.share.type }
        : null,
    provider: row.provider_agency_id && row.provider_name ? { id: row.provider_agency_id, name: row.provider_name } : null,
    upperLevel: row.upper_level as ShareRequest['upperLevel'],
    dataDescription: row.data_description,
    fields: shareFieldsOf(metadata, row.fields),
    scenario: row.scenario,
    legalDuty: row.legal_duty,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    commitments: row.commitments as ShareRequest['commitments'],
    apiKeys: row.api_key_ids.flatMap((id) => {
      const key = keys.get(id);
      return key ? [key] : [];
    }),
    approvedFields: row.approved_fields,
    approvedPeriodTo: row.approved_period_to,
    rejection: (row.rejection as Rejection | null) ?? null,
    answer: (row.answer as ShareRequest['answer']) ?? null,
    upperReference: row.upper_reference,
    grantId: row.grant_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    deadline,
  };
}

export interface GrantJoined extends ShareGrantRow {
  consumer_name: string;
  provider_name: string;
  resource_code: string | null;
  resource_metadata: unknown;
  request_number: string | null;
  deliveries_count: number;
  last_delivery_at: Date | null;
}

export function presentGrant(row: GrantJoined, keys: Grant['apiKeys'], now: Date): Grant {
  const metadata = row.resource_metadata as ResourceMetadata;
  return {
    id: row.id,
    number: row.number,
    request: row.request_id && row.request_number ? { id: row.request_id, number: row.request_number } : null,
    consumer: { id: row.consumer_agency_id, name: row.consumer_name },
    provider: { id: row.provider_agency_id, name: row.provider_name },
    resource: { id: row.resource_id, code: row.resource_code, name: metadata.name },
    fields: shareFieldsOf(metadata, row.fields, row.field_masks),
    purpose: row.purpose,
    validFrom: row.valid_from.toISOString(),
    validTo: row.valid_to.toISOString(),
    state: row.state as Grant['state'],
    status: grantStatusAt({ state: row.state as Grant['state'], validFrom: row.valid_from, validTo: row.valid_to }, now),
    stateReason: row.state_reason,
    citation: row.citation,
    apiKeys: keys,
    deliveries: Number(row.deliveries_count),
    lastDeliveryAt: row.last_delivery_at ? new Date(row.last_delivery_at).toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
