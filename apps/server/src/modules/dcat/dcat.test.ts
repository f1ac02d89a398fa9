/**
 * The DCAT-AP 3 catalog (issue 7 item 10): it conforms to the official DCAT-AP 3.0.1 SHACL shapes
 * (shapes.ttl and range.ttl, checked by rdf-validate-shacl, an independent validator), a broken
 * graph does not (so the check can fail), Turtle and JSON-LD carry the same triples, and only
 * open resources are in it (R18.1).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { DataFactory, Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testClock, type Harness } from '../../../test/harness.js';
import { publishResource } from '../aggregation/aggregation.fixtures.js';
import { openAttributes, publishOpenCatalog, type OpenCatalog } from '../ckan/open-catalog.fixtures.js';
import { toNQuads } from './dcat-serialize.js';
import { PREFIXES } from './dcat-vocabularies.js';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const SHAPES = '../../../../../../shared/conformance/dcat-ap/releases/3.0.1/html/shacl/';
const dcat = (local: string) => namedNode(`${PREFIXES.dcat}${local}`);
const dct = (local: string) => namedNode(`${PREFIXES.dct}${local}`);
const foaf = (local: string) => namedNode(`${PREFIXES.foaf}${local}`);
const rdfType = namedNode(`${PREFIXES.rdf}type`);

function shapes(): Store {
  const store = new Store();
  for (const file of ['shapes.ttl', 'range.ttl']) {
    store.addQuads(new Parser().parse(readFileSync(fileURLToPath(new URL(`${SHAPES}${file}`, import.meta.url)), 'utf8')));
  }
  return store;
}

async function validate(data: Store) {
  const report = await new SHACLValidator(shapes()).validate(data);
  return {
    conforms: report.conforms,
    results: report.results.map((r) => ({
      focus: r.focusNode?.value,
      path: r.path?.value,
      constraint: r.sourceConstraintComponent?.value.replace('http://www.w3.org/ns/shacl#', ''),
      message: r.message.map((m) => m.value).join('; '),
    })),
  };
}

/** Canonical N-Quads (RDFC-1.0), so two serializations compare as graphs. */
function canonical(input: string | object, inputFormat?: 'application/n-quads'): Promise<string> {
  const noRemote = (url: string): never => {
    throw new Error(`no remote documents in tests: ${url}`);
  };
  return jsonld.canonize(
    input as never,
    {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader: noRemote as never,
      ...(inputFormat ? { inputFormat } : {}),
    } as never,
  ) as unknown as Promise<string>;
}

const clock = testClock('2026-03-02T09:00:00+08:00');
let h: Harness;
let c: OpenCatalog;
let turtle: string;
let graph: Store;

beforeAll(async () => {
  h = await createHarness({ clock });
  c = await publishOpenCatalog(h);
  const res = await h.app.inject({ method: 'GET', url: '/catalog.ttl' });
  expect(res.statusCode).toBe(200);
  turtle = res.body;
  graph = new Store(new Parser().parse(turtle));
});
afterAll(async () => h.close());

describe('DCAT-AP 3 conformance', () => {
  it('conforms to shapes.ttl and range.ttl with no result at all', async () => {
    const report = await validate(graph);
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('a broken graph gives violations, so the check can fail', async () => {
    const broken = new Store(graph.getQuads(null, null, null, null));
    const catalog = namedNode(`${h.config.publicUrl}/id/catalog`);
    const dataset = namedNode(`${h.config.publicUrl}/id/dataset/211003-000001`);
    const hrss = namedNode(`${h.config.publicUrl}/id/agency/hrss`);
    broken.removeQuads(broken.getQuads(catalog, dct('publisher'), null, null));
    broken.removeQuads(broken.getQuads(dataset, dct('title'), null, null));
    broken.removeQuads(broken.getQuads(hrss, rdfType, foaf('Agent'), null));
    const report = await validate(broken);
    expect(report.conforms).toBe(false);
    expect(report.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ focus: catalog.value, path: dct('publisher').value, constraint: 'MinCountConstraintComponent' }),
        expect.objectContaining({ focus: dataset.value, path: dct('title').value, constraint: 'MinCountConstraintComponent' }),
        expect.objectContaining({ focus: dataset.value, path: dct('publisher').value, constraint: 'ClassConstraintComponent' }),
      ]),
    );
  });
});

describe('the two serializations', () => {
  it('are served as text/turtle and application/ld+json to anyone', async () => {
    const ttl = await h.app.inject({ method: 'GET', url: '/catalog.ttl' });
    expect(ttl.headers['content-type']).toMatch(/^text\/turtle/);
    const ld = await h.app.inject({ method: 'GET', url: '/catalog.jsonld' });
    expect(ld.statusCode).toBe(200);
    expect(ld.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(ld.json<{ '@context': object }>()['@context']).toMatchObject({ dcat: PREFIXES.dcat, dct: PREFIXES.dct });
  });

  it('carry the same triples', async () => {
    const ld = (await h.app.inject({ method: 'GET', url: '/catalog.jsonld' })).json<object>();
    const fromTurtle = await canonical(toNQuads(graph), 'application/n-quads');
    const fromJsonLd = await canonical(ld);
    expect(fromTurtle.split('\n').length).toBeGreaterThan(300);
    expect(fromJsonLd).toBe(fromTurtle);
  });
});

describe('what the catalog says', () => {
  const objects = (s: string, p: ReturnType<typeof namedNode>) => graph.getObjects(namedNode(s), p, null).map((o) => o.value);
  const id = (path: string) => `${h.config.publicUrl}/id/${path}`;

  it('lists exactly the open resources as datasets (R18.1)', () => {
    const datasets = graph.getSubjects(rdfType, dcat('Dataset'), null).map((s) => s.value);
    expect(datasets.sort()).toEqual(['209003-000001', '211003-000001', '211004-000001'].map((n) => id(`dataset/${n}`)));
    expect(objects(id('catalog'), dcat('dataset')).sort()).toEqual(datasets.sort());
    expect(turtle).not.toContain(c.closed.resourceId);
    expect(turtle).not.toContain('就业登记明细');
  });

  it('describes the catalog: bureau as publisher, titles in zh and en, homepage, themes, language, Tengzhou', () => {
    const catalog = id('catalog');
    expect(
      graph
        .getObjects(namedNode(catalog), dct('title'), null)
        .map((o) => (o as Quad['object'] & { language: string }).language)
        .sort(),
    ).toEqual(['en', 'zh']);
    expect(objects(catalog, dct('publisher'))).toEqual([id('agency/bureau')]);
    expect(objects(id('agency/bureau'), foaf('name'))).toEqual(['滕州市大数据局']);
    expect(objects(catalog, foaf('homepage'))).toEqual([`${h.config.publicUrl}/`]);
    expect(objects(catalog, dcat('themeTaxonomy'))).toEqual([id('classification')]);
    expect(objects(catalog, dct('spatial'))).toEqual([id('place/370481')]);
  });

  it('describes a dataset with the EU vocabularies and its distributions per format', () => {
    const training = id('dataset/211003-000001');
    expect(objects(training, dct('identifier'))).toEqual(['211003/000001']);
    expect(objects(training, dct('publisher'))).toEqual([id('agency/hrss')]);
    expect(objects(training, dcat('contactPoint'))).toEqual([id('agency/hrss/contact')]);
    expect(objects(training, dcat('theme'))).toEqual([id('classification/211003')]);
    expect(objects(training, dct('accrualPeriodicity'))).toEqual(['http://publications.europa.eu/resource/authority/frequency/MONTHLY']);
    expect(objects(training, dct('accessRights'))).toEqual(['http://publications.europa.eu/resource/authority/access-right/PUBLIC']);
    expect(objects(training, dcat('keyword')).sort()).toEqual(['就业', '职业培训']);
    expect(objects(training, dct('issued'))).toEqual(['2026-03-02T01:00:00.000Z']);
    expect(objects(training, dcat('landingPage'))).toEqual([`${h.config.publicUrl}/open/resources/${c.training.resourceId}`]);

    const distributions = objects(training, dcat('distribution')).sort();
    expect(distributions).toEqual(['csv', 'json', 'xlsx'].map((f) => id(`dataset/211003-000001/${f}`)));
    const csv = id('dataset/211003-000001/csv');
    const download = `${h.config.publicUrl}/api/open/resources/${c.training.resourceId}/download?format=csv`;
    expect(objects(csv, dcat('downloadURL'))).toEqual([download]);
    expect(objects(csv, dcat('accessURL'))).toEqual([download]);
    expect(objects(csv, dcat('mediaType'))).toEqual(['http://www.iana.org/assignments/media-types/text/csv']);
    expect(objects(csv, dct('format'))).toEqual(['http://publications.europa.eu/resource/authority/file-type/CSV']);
    expect(objects(csv, dct('license'))).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
  });

  it('reaches conditional data through its page (R19.2), with restricted access rights', () => {
    const jobs = id('dataset/211004-000001');
    expect(objects(jobs, dct('accessRights'))).toEqual(['http://publications.europa.eu/resource/authority/access-right/RESTRICTED']);
    expect(objects(id('dataset/211004-000001/json'), dcat('accessURL'))).toEqual([
      `${h.config.publicUrl}/open/resources/${c.jobs.resourceId}`,
    ]);
    const [licence] = objects(id('dataset/211004-000001/json'), dct('license'));
    expect(licence).toMatch(new RegExp(`^${h.config.publicUrl}/id/licence/`));
    expect(objects(licence ?? '', namedNode(`${PREFIXES.rdfs}label`))).toEqual(['滕州市公共数据开放许可协议']);
    // No licence given: none claimed.
    expect(objects(id('dataset/209003-000001/csv'), dct('license'))).toEqual([]);
  });
});

describe('kept until the catalog changes', () => {
  it('shows a new publication at once, in both serializations', async () => {
    const get = async (url: string) => (await h.app.inject({ method: 'GET', url })).body;
    expect(await get('/catalog.ttl')).toBe(turtle);
    clock.advance(60_000);
    const added = await publishResource(h, 'civil', {
      ...openAttributes('unconditional'),
      classificationCode: '209002',
      name: '社会救助服务机构',
    });
    const slug = added.code.replace('/', '-');
    expect(await get('/catalog.ttl')).toContain(`/id/dataset/${slug}>`);
    expect(await get('/catalog.jsonld')).toContain(`/id/dataset/${slug}"`);
  });
});
