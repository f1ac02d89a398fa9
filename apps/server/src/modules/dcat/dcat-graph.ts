/**
 * The open catalog as a DCAT-AP 3 graph (issue 7 item 10): the catalog published by the bureau,
 * one dcat:Dataset per open resource (R19.1, R19.2; never `none`, R18.1) with its providing agency
 * as publisher and contact point, its classification as theme, and one dcat:Distribution per
 * download format. Every node is an IRI under <public URL>/id/ (no blank nodes), and every object
 * the shapes constrain by class carries its rdf:type, so the graph conforms to DCAT-AP's SHACL
 * shapes (shapes.ttl and range.ttl) on its own.
 */
import { createHash } from 'node:crypto';
import { DISTRIBUTION_FORMATS, openDownloadPath } from '@gongshu/contracts';
import { recognizeLicence } from '@gongshu/domain';
import { DataFactory, Store, type Quad_Object } from 'n3';
import { dataDictionary, landingPage, packageName } from '../ckan/ckan-mapping.js';
import type { OpenResource } from '../ckan/open-resources.repository.js';
import { ACCESS_RIGHT, FILE_TYPE, FREQUENCY, LANGUAGE, LOCAL_AUTHORITY, mediaTypeIri, PREFIXES } from './dcat-vocabularies.js';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const literal = (value: string, languageOrDatatype?: string | ReturnType<typeof namedNode>) =>
  DataFactory.literal(value, languageOrDatatype);
const quad = (s: ReturnType<typeof namedNode>, p: ReturnType<typeof namedNode>, o: Quad_Object) => DataFactory.quad(s, p, o);

const ns = (base: string) => (local: string) => namedNode(`${base}${local}`);
const dcat = ns(PREFIXES.dcat);
const dct = ns(PREFIXES.dct);
const foaf = ns(PREFIXES.foaf);
const vcard = ns(PREFIXES.vcard);
const skos = ns(PREFIXES.skos);
const rdfs = ns(PREFIXES.rdfs);
const xsd = ns(PREFIXES.xsd);
const a = namedNode(`${PREFIXES.rdf}type`);

export interface CatalogSource {
  readonly publicUrl: string;
  readonly cityName: string;
  /** The node's operator, the catalog's publisher. */
  readonly bureau: { readonly code: string; readonly name: string; readonly divisionCode: string };
  /** The classification tree, the catalog's theme taxonomy. */
  readonly classes: ReadonlyMap<string, { readonly name: string; readonly level: number; readonly parentCode: string | null }>;
  readonly resources: readonly OpenResource[];
}

/** The IRIs of the catalog's nodes. */
export function catalogIris(publicUrl: string) {
  const id = `${publicUrl}/id`;
  return {
    catalog: `${id}/catalog`,
    dataset: (code: string) => `${id}/dataset/${packageName(code)}`,
    distribution: (code: string, format: string) => `${id}/dataset/${packageName(code)}/${format}`,
    agency: (code: string) => `${id}/agency/${encodeURIComponent(code)}`,
    contact: (code: string) => `${id}/agency/${encodeURIComponent(code)}/contact`,
    taxonomy: `${id}/classification`,
    theme: (code: string) => `${id}/classification/${code}`,
    place: (divisionCode: string) => `${id}/place/${divisionCode}`,
    licence: (text: string) => `${id}/licence/${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
  };
}

export function buildCatalogGraph(source: CatalogSource): Store {
  const store = new Store();
  const iri = catalogIris(source.publicUrl);
  const add = (s: string, p: ReturnType<typeof namedNode>, o: Quad_Object) => store.addQuad(quad(namedNode(s), p, o));
  const typed = (s: string, ...types: ReturnType<typeof namedNode>[]) => types.forEach((t) => add(s, a, t));
  const zh = (text: string) => literal(text, 'zh');
  const en = (text: string) => literal(text, 'en');
  const time = (at: Date) => literal(at.toISOString(), xsd('dateTime'));

  const agent = (code: string, name: string) => {
    const s = iri.agency(code);
    typed(s, foaf('Agent'));
    add(s, foaf('name'), zh(name));
    add(s, dct('type'), namedNode(LOCAL_AUTHORITY));
    return namedNode(s);
  };
  typed(LOCAL_AUTHORITY, skos('Concept'));
  add(LOCAL_AUTHORITY, skos('prefLabel'), en('Local Authority'));

  const place = iri.place(source.bureau.divisionCode);
  typed(place, dct('Location'));
  add(place, skos('prefLabel'), zh(source.cityName));
  add(place, dct('identifier'), literal(source.bureau.divisionCode));
  for (const language of Object.values(LANGUAGE)) typed(language, dct('LinguisticSystem'));

  // The catalog, published by the bureau.
  const catalog = iri.catalog;
  typed(catalog, dcat('Catalog'));
  add(catalog, dct('title'), zh(`${source.cityName}公共数据开放目录`));
  add(catalog, dct('title'), en(`Open public data catalog of ${source.cityName}`));
  add(
    catalog,
    dct('description'),
    zh(`${source.bureau.name}发布的公共数据开放目录：无条件开放和有条件开放的公共数据资源，每项资源提供 CSV、XLSX 和 JSON 格式。`),
  );
  add(
    catalog,
    dct('description'),
    en(
      `The open public data of ${source.cityName}, published by ${source.bureau.name}: resources open to everyone (unconditional) or on application (conditional), each in CSV, XLSX and JSON.`,
    ),
  );
  add(catalog, dct('publisher'), agent(source.bureau.code, source.bureau.name));
  const homepage = `${source.publicUrl}/`;
  typed(homepage, foaf('Document'));
  add(catalog, foaf('homepage'), namedNode(homepage));
  add(catalog, dct('language'), namedNode(LANGUAGE.zh));
  add(catalog, dct('language'), namedNode(LANGUAGE.en));
  add(catalog, dct('spatial'), namedNode(place));
  const modified = source.resources.reduce<Date | null>((m, r) => (m === null || r.lastPublishedAt > m ? r.lastPublishedAt : m), null);
  if (modified) add(catalog, dct('modified'), time(modified));

  // The classification tree as the themes' taxonomy.
  typed(iri.taxonomy, skos('ConceptScheme'));
  add(iri.taxonomy, dct('title'), zh('政务信息资源分类（类、项、目、细目）'));
  add(iri.taxonomy, dct('title'), en('Classification of government information resources'));
  add(catalog, dcat('themeTaxonomy'), namedNode(iri.taxonomy));
  for (const [code, c] of source.classes) {
    const concept = iri.theme(code);
    typed(concept, skos('Concept'));
    add(concept, skos('prefLabel'), zh(c.name));
    add(concept, skos('notation'), literal(code));
    add(concept, skos('inScheme'), namedNode(iri.taxonomy));
    if (c.parentCode && source.classes.has(c.parentCode)) add(concept, skos('broader'), namedNode(iri.theme(c.parentCode)));
    else add(iri.taxonomy, skos('hasTopConcept'), namedNode(concept));
  }

  /** A recognized licence is its canonical URL; any other text is a licence document of the node. */
  const licenceNode = (text: string | null): string | null => {
    const own = text?.trim();
    if (!own) return null;
    const known = recognizeLicence(own);
    const node = known ? known.url : iri.licence(own);
    typed(node, dct('LicenseDocument'));
    add(node, rdfs('label'), known ? en(known.title) : zh(own));
    return node;
  };

  for (const r of source.resources) {
    const m = r.metadata;
    const dataset = iri.dataset(r.code);
    const landing = landingPage(source.publicUrl, r.resourceId);
    add(catalog, dcat('dataset'), namedNode(dataset));
    typed(dataset, dcat('Dataset'));
    add(dataset, dct('identifier'), literal(r.code));
    add(dataset, dct('title'), zh(m.name));
    if (m.nameEn) add(dataset, dct('title'), en(m.nameEn));
    add(dataset, dct('description'), zh(m.summary));
    for (const keyword of m.keywords) add(dataset, dcat('keyword'), zh(keyword));
    add(dataset, dct('publisher'), agent(r.agency.code, r.agency.name));

    const contact = iri.contact(r.agency.code);
    typed(contact, vcard('Kind'), vcard('Organization'));
    add(contact, vcard('fn'), zh(r.agency.name));
    add(contact, vcard('hasURL'), namedNode(homepage));
    add(dataset, dcat('contactPoint'), namedNode(contact));

    const theme = source.classes.has(m.classificationCode) ? m.classificationCode : r.classTop;
    if (source.classes.has(theme)) add(dataset, dcat('theme'), namedNode(iri.theme(theme)));
    typed(FREQUENCY[m.updateFrequency], dct('Frequency'));
    add(dataset, dct('accrualPeriodicity'), namedNode(FREQUENCY[m.updateFrequency]));
    add(dataset, dct('issued'), time(r.firstPublishedAt));
    add(dataset, dct('modified'), time(r.lastPublishedAt));
    typed(landing, foaf('Document'));
    add(dataset, dcat('landingPage'), namedNode(landing));
    add(dataset, dct('spatial'), namedNode(place));
    add(dataset, dct('language'), namedNode(LANGUAGE.zh));
    add(dataset, dcat('version'), literal(String(r.versionNumber)));
    const openType = m.open.type === 'conditional' ? 'conditional' : 'unconditional';
    typed(ACCESS_RIGHT[openType], dct('RightsStatement'));
    add(dataset, dct('accessRights'), namedNode(ACCESS_RIGHT[openType]));

    const licence = licenceNode(m.licence);
    const dictionary = dataDictionary(m.fields);
    for (const f of DISTRIBUTION_FORMATS) {
      const distribution = iri.distribution(r.code, f.format);
      const download = `${source.publicUrl}${openDownloadPath(r.resourceId, f.format)}`;
      add(dataset, dcat('distribution'), namedNode(distribution));
      typed(distribution, dcat('Distribution'));
      add(distribution, dct('title'), zh(`${m.name}（${f.label}）`));
      add(distribution, dct('description'), zh(dictionary));
      // Conditional data is reached through an application on the resource's page (R19.2).
      add(distribution, dcat('accessURL'), namedNode(openType === 'unconditional' ? download : landing));
      add(distribution, dcat('downloadURL'), namedNode(download));
      typed(mediaTypeIri(f.mediaType), dct('MediaType'));
      add(distribution, dcat('mediaType'), namedNode(mediaTypeIri(f.mediaType)));
      typed(FILE_TYPE[f.format], dct('MediaTypeOrExtent'));
      add(distribution, dct('format'), namedNode(FILE_TYPE[f.format]));
      if (licence) add(distribution, dct('license'), namedNode(licence));
      if (r.lastLoadedAt) add(distribution, dct('modified'), time(r.lastLoadedAt));
    }
  }
  return store;
}
