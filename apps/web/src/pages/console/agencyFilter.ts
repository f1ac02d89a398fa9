import type { Agency } from '@gongshu/contracts';

export interface AgencyFilter {
  readonly text: string;
  readonly kind: string | null;
  readonly sector: string | null;
}

/** Client-side filter of the (small) agency directory by text, kind and sector. */
export function filterAgencies(agencies: readonly Agency[], filter: AgencyFilter): Agency[] {
  const text = filter.text.trim().toLowerCase();
  return agencies.filter(
    (agency) =>
      (!text ||
        agency.name.toLowerCase().includes(text) ||
        (agency.shortName ?? '').toLowerCase().includes(text) ||
        agency.code.includes(text)) &&
      (!filter.kind || agency.kind === filter.kind) &&
      (!filter.sector || agency.sector === filter.sector || agency.sectorAuthorityOf === filter.sector),
  );
}
