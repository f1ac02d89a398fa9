/**
 * The DCAT-AP 3 catalog of open data (issue 7 item 10) in Turtle (n3's writer) and JSON-LD
 * (jsonld.js, compacted with our prefixes): both from one graph, so they carry the same triples.
 * JSON-LD never fetches anything: the context is inline and remote documents are refused.
 */
import jsonld from 'jsonld';
import type { Kysely } from 'kysely';
import { Writer, type Store } from 'n3';
import type { Database } from '../../db/schema.js';
import { classNames, listOpenResources, nodeIdentity } from '../ckan/open-resources.repository.js';
import { buildCatalogGraph, type CatalogSource } from './dcat-graph.js';
import { PREFIXES } from './dcat-vocabularies.js';

/** JSON-LD's document loader: nothing is loaded from anywhere (no network, no SSRF). */
const noRemoteDocuments = (url: string): never => {
  throw new Error(`remote JSON-LD documents are not loaded: ${url}`);
};

export function toTurtle(store: Store): Promise<string> {
  const writer = new Writer({ prefixes: { ...PREFIXES } });
  writer.addQuads(store.getQuads(null, null, null, null));
  return new Promise((resolve, reject) => writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))));
}

export function toNQuads(store: Store): string {
  return new Writer({ format: 'N-Quads' }).quadsToString(store.getQuads(null, null, null, null));
}

export async function toJsonLd(store: Store): Promise<object> {
  const options = { documentLoader: noRemoteDocuments as never };
  const expanded = await jsonld.fromRDF(toNQuads(store), { format: 'application/n-quads', ...options });
  return jsonld.compact(expanded, { ...PREFIXES }, options);
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

  return {
    async graph(): Promise<Store> {
      return buildCatalogGraph(await source());
    },
    async turtle(): Promise<string> {
      return toTurtle(buildCatalogGraph(await source()));
    },
    async jsonLd(): Promise<object> {
      return toJsonLd(buildCatalogGraph(await source()));
    },
  };
}

export type DcatService = ReturnType<typeof createDcatService>;
