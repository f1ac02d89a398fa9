/**
 * The DCAT-AP 3 catalog of open data (issue 7 item 10) in Turtle (n3's writer) and JSON-LD
 * (jsonld.js, compacted with our prefixes): both from one graph, so they carry the same triples.
 * JSON-LD never fetches anything: the context is inline and remote documents are refused.
 *
 * Building and serializing take about a second per 500 datasets, so the serializations are kept
 * until the open catalog changes (publication, agency, data load, classification or city name).
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from 'n3';
import type { Database } from '../../db/schema.js';
import { classNames, IS_OPEN, listOpenResources, nodeIdentity, OPEN_FROM } from '../ckan/open-resources.repository.js';
import type { CatalogSource } from './dcat-graph.js';

/** Changes whenever anything the catalog shows changes. */
async function fingerprint(db: Kysely<Database>): Promise<string> {
  const row = await sql<Record<string, unknown>>`
    select count(*)::int as n, max(r.last_published_at) as published,
      (select max(updated_at) from agencies) as agencies,
      (select max(last_loaded_at) from resource_tables) as loaded,
      (select count(*)::int from catalog_classes) as classes,
      (select value from platform_meta where key = 'catalog_generation') as generation,
      (select value from platform_meta where key = 'city_name') as city
    from ${OPEN_FROM} where ${IS_OPEN}`.execute(db);
  return JSON.stringify(row.rows[0] ?? null);
}

/** The graph builder and serializers, with n3 and jsonld, loaded when the catalog is first asked for. */
function loadRdf() {
  return Promise.all([import('./dcat-graph.js'), import('./dcat-serialize.js')]).then(([graph, serialize]) => ({ ...graph, ...serialize }));
}

export function createDcatService(deps: { db: Kysely<Database>; publicUrl: string }) {
  const { db } = deps;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');

  async function source(): Promise<CatalogSource> {
    const [identity, classes, resources] = await Promise.all([nodeIdentity(db), classNames(db), listOpenResources(db)]);
    return {
      publicUrl,
      cityName: identity.cityName,
      bureau: identity.bureau ?? { code: 'bureau', name: identity.cityName, divisionCode: '000000' },
      classes,
      resources,
    };
  }

  /** The graph of one state of the catalog and its serializations, each made once when first asked for. */
  let kept: { key: string; graph: Promise<Store>; turtle?: Promise<string>; jsonLd?: Promise<string> } | null = null;
  async function current() {
    const key = await fingerprint(db);
    if (kept?.key !== key) kept = { key, graph: Promise.all([source(), loadRdf()]).then(([s, rdf]) => rdf.buildCatalogGraph(s)) };
    return kept;
  }
  /** A failed build is not kept: the next request tries again. */
  function keep<T>(entry: NonNullable<typeof kept>, made: Promise<T>): Promise<T> {
    made.catch(() => {
      if (kept === entry) kept = null;
    });
    return made;
  }

  return {
    async turtle(): Promise<string> {
      const entry = await current();
      entry.turtle ??= keep(
        entry,
        Promise.all([entry.graph, loadRdf()]).then(([graph, rdf]) => rdf.toTurtle(graph)),
      );
      return entry.turtle;
    },
    /** Serialized JSON-LD text. */
    async jsonLd(): Promise<string> {
      const entry = await current();
      entry.jsonLd ??= keep(
        entry,
        Promise.all([entry.graph, loadRdf()]).then(async ([graph, rdf]) => JSON.stringify(await rdf.toJsonLd(graph))),
      );
      return entry.jsonLd;
    },
  };
}

export type DcatService = ReturnType<typeof createDcatService>;
