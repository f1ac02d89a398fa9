/**
 * Serializations of the DCAT-AP graph: Turtle and N-Quads by n3, JSON-LD by jsonld.js (compacted
 * with our prefixes). Loaded by dcat.service.ts on the first catalog request only: n3 and jsonld
 * cost about 30 MB of memory that a node nobody harvests should not carry.
 */
import jsonld from 'jsonld';
import { Writer, type Store } from 'n3';
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
  // From the RDF/JS quads themselves: jsonld's N-Quads parser is a hundred times slower.
  const expanded = await jsonld.fromRDF(store.getQuads(null, null, null, null), {});
  const options: Parameters<typeof jsonld.compact>[2] & { skipExpansion: boolean } = {
    documentLoader: noRemoteDocuments,
    // fromRDF's output is already expanded.
    skipExpansion: true,
  };
  return jsonld.compact(expanded, { ...PREFIXES }, options);
}
