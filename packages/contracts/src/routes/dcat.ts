/**
 * The open catalog as DCAT-AP 3 (issue 7 item 10), for harvesters of data portals: one dcat:Catalog
 * with a dcat:Dataset per open resource and a dcat:Distribution per download format, conforming
 * to the DCAT-AP 3.0.1 SHACL shapes. Public, like the open data it describes (R19.1).
 */
import { Type } from 'typebox';
import { defineRoute } from '../route.js';

function rdfResponse(mediaType: string, description: string) {
  return Type.Unsafe<unknown>({
    description,
    content: { [mediaType]: { schema: { type: mediaType.endsWith('json') ? 'object' : 'string' } } },
  });
}

export const dcatCatalogTurtle = defineRoute({
  method: 'GET',
  url: '/catalog.ttl',
  schema: {
    tags: ['dcat'],
    summary: 'The open data catalog as DCAT-AP 3 in Turtle',
    response: { 200: rdfResponse('text/turtle', 'dcat:Catalog, dcat:Dataset per open resource, dcat:Distribution per format') },
  },
});

export const dcatCatalogJsonLd = defineRoute({
  method: 'GET',
  url: '/catalog.jsonld',
  schema: {
    tags: ['dcat'],
    summary: 'The open data catalog as DCAT-AP 3 in JSON-LD (compacted; the same triples as /catalog.ttl)',
    response: { 200: rdfResponse('application/ld+json', 'dcat:Catalog, dcat:Dataset per open resource, dcat:Distribution per format') },
  },
});
