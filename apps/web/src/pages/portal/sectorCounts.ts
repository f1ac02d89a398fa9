import { SECTORS, type Sector } from '@gongshu/domain';

export interface SectorCount {
  readonly sector: Sector;
  readonly agencies: number;
}

/** All ten sectors of R6.1 with their agency counts (0 when the summary does not list one). */
export function sectorCounts(summary: readonly { sector: string; agencies: number }[]): SectorCount[] {
  const bySector = new Map(summary.map((row) => [row.sector, row.agencies]));
  return SECTORS.map((sector) => ({ sector, agencies: bySector.get(sector) ?? 0 }));
}
