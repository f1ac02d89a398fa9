/**
 * The public open-data portal (issue 7 item 1): the home page's summary, search with facets over
 * open resources, and one resource's public page with its dictionary, licence, quality, usage and
 * citation line (R23.1). Anonymous and read-only, except that opening a resource's page counts a
 * view (see countView and docs/open-data.md: no audit entry per view).
 */
import {
  DISTRIBUTION_FORMATS,
  openCitation,
  openDownloadPath,
  openPortalPath,
  openRecordsPath,
  type PortalResource,
  type PortalResourceCard,
  type PortalSearchQuery,
  type PortalSearchResult,
  type PortalSummary,
} from '@gongshu/contracts';
import { fail, highlight, recognizeLicence, shanghaiDateOf } from '@gongshu/domain';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Clock } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { createTtlCache } from '../../ttl-cache.js';
import { textMatch } from '../catalog/catalog-search.js';
import { findOpenResource, nodeIdentity } from '../ckan/open-resources.repository.js';
import {
  classificationName,
  countOpen,
  countView,
  distributions,
  facetCounts,
  filterCondition,
  latestQuality,
  listCards,
  openTotals,
  platformCounts,
  type CardRow,
} from './portal.repository.js';

export interface PortalService {
  summary(): Promise<PortalSummary>;
  search(query: PortalSearchQuery): Promise<PortalSearchResult>;
  /** The public page of an open resource; counts a view. NOT_FOUND when unknown or not open (R18.1). */
  resource(id: string): Promise<PortalResource>;
}

/** How many featured resources the home page shows per list. */
export const FEATURED = 6;

/**
 * The home page's summary is computed at most once per this many ms per process: it counts the
 * whole open channel of the journal, and every anonymous visit of the home page asks for it.
 */
export const SUMMARY_TTL_MS = 30_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The platform's name in citation lines: the city's open data portal. */
export function platformName(cityName: string): string {
  return `${cityName}公共数据开放平台`;
}

function card(row: CardRow): PortalResourceCard {
  return {
    id: row.resource_id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    summary: row.summary,
    keywords: row.keywords,
    provider: { id: row.agency_id, name: row.agency_name },
    openType: row.open_type as PortalResourceCard['openType'],
    formatCategory: row.format_category as PortalResourceCard['formatCategory'],
    updateFrequency: row.update_frequency as PortalResourceCard['updateFrequency'],
    classification: { code: row.classification_code, name: row.class_name ?? row.classification_code },
    sector: row.sector,
    fieldCount: row.field_count,
    publishedAt: row.published_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    usage: { views: row.views, downloads: row.downloads, apiCalls: row.api_calls },
  };
}

export function createPortalService(deps: { db: Kysely<Database>; clock: Clock; publicUrl: string }): PortalService {
  const { db, clock, publicUrl } = deps;
  const summaries = createTtlCache<PortalSummary>(SUMMARY_TTL_MS, () => computeSummary(), { now: () => clock().getTime() });

  async function computeSummary(): Promise<PortalSummary> {
    const where = filterCondition({}, null);
    const [platform, totals, mostDownloaded, newest, dist] = await Promise.all([
      platformCounts(db),
      openTotals(db),
      listCards(db, { where, orderBy: sql`downloads desc, updated_at desc, code`, limit: FEATURED }),
      listCards(db, { where, orderBy: sql`published_at desc, code`, limit: FEATURED }),
      distributions(db),
    ]);
    return {
      ...platform,
      ...totals,
      // Shown only once the showcase has approved items (R22.1).
      showcase: totals.showcase > 0 ? totals.showcase : null,
      featured: {
        // "Most downloaded" lists only what was downloaded at all.
        mostDownloaded: mostDownloaded.filter((r) => r.downloads > 0).map(card),
        newest: newest.map(card),
      },
      ...dist,
    };
  }

  return {
    summary: () => summaries.get('summary'),

    async search(query) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 10;
      const text = textMatch(query.q);
      const where = filterCondition(query, text?.where ?? null);
      const sort = query.sort ?? 'relevance';
      const orderBy =
        sort === 'downloads'
          ? sql`downloads desc, updated_at desc, code`
          : sort === 'date' || !text
            ? sql`updated_at desc, code`
            : sql`rank desc, updated_at desc, code`;
      const [total, rows, facets] = await Promise.all([
        countOpen(db, where),
        listCards(db, { where, orderBy, limit: pageSize, offset: (page - 1) * pageSize, rank: text?.rank ?? null }),
        facetCounts(db, where),
      ]);
      const q = query.q ?? '';
      return {
        total,
        page,
        pageSize,
        hits: rows.map((row) => ({ ...card(row), highlight: { name: highlight(row.name, q), summary: highlight(row.summary, q) } })),
        facets,
      };
    },

    async resource(id) {
      if (!UUID.test(id)) fail('NOT_FOUND', { field: 'id' });
      const open = await findOpenResource(db, { id });
      if (!open) fail('NOT_FOUND', { field: 'id' });
      const now = clock();
      const day = shanghaiDateOf(now);
      // The view is counted before the counts are read, so the page shows itself included.
      await countView(db, open.resourceId, day);
      const [rows, quality, topName, identity] = await Promise.all([
        listCards(db, { where: sql<SqlBool>`s.resource_id = ${open.resourceId}`, orderBy: sql`code`, limit: 1 }),
        latestQuality(db, open.resourceId),
        classificationName(db, open.classTop),
        nodeIdentity(db),
      ]);
      const row = rows[0];
      if (!row) fail('NOT_FOUND', { field: 'id' });
      const m = open.metadata;
      const pageUrl = `${publicUrl}${openPortalPath(open.resourceId)}`;
      const known = recognizeLicence(m.licence);
      return {
        ...card(row),
        version: open.versionNumber,
        formatType: m.formatType,
        firstPublishedAt: open.firstPublishedAt.toISOString(),
        lastPublishedAt: open.lastPublishedAt.toISOString(),
        lastLoadedAt: open.lastLoadedAt?.toISOString() ?? null,
        classTop: { code: open.classTop, name: topName ?? open.classTop },
        openConditions: m.open.type === 'conditional' ? m.open.conditions : null,
        licence: { text: m.licence?.trim() || null, title: known?.title ?? null, url: known?.url ?? null },
        // The dictionary as published: sensitivity and identifier roles are internal (R29.1).
        fields: m.fields.map((f) => ({
          code: f.code,
          name: f.name,
          dataType: f.dataType,
          length: f.length,
          description: f.description,
          required: f.required,
        })),
        quality: quality
          ? {
              score: quality.score,
              completeness: quality.completeness,
              validity: quality.validity,
              uniqueness: quality.uniqueness,
              timeliness: quality.timeliness,
              overdue: quality.overdue,
              computedAt: quality.computed_at.toISOString(),
            }
          : null,
        pageUrl,
        citation: openCitation({
          provider: open.agency.name,
          resource: m.name,
          code: open.code,
          version: open.versionNumber,
          retrievedOn: day,
          url: pageUrl,
          platform: identity.cityName ? platformName(identity.cityName) : null,
        }),
        distributions: DISTRIBUTION_FORMATS.map((f) => ({
          format: f.format,
          label: f.label,
          mediaType: f.mediaType,
          url: `${publicUrl}${openDownloadPath(open.resourceId, f.format)}`,
        })),
        recordsUrl: `${publicUrl}${openRecordsPath(open.resourceId)}`,
        cityName: identity.cityName,
      };
    },
  };
}
