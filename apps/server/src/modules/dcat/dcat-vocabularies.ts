/**
 * The RDF vocabularies of the DCAT-AP 3 catalog and the controlled vocabularies DCAT-AP asks for:
 * the EU Publications Office authority tables (frequency, file type, access right, language), IANA
 * media types and the ADMS publisher types. Our codes map onto them here, in one place.
 */
import type { DistributionFormat } from '@gongshu/contracts';
import type { OpenType, UpdateFrequency } from '@gongshu/domain';

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority/';

/** Update frequency → the EU frequency authority table. */
export const FREQUENCY: Record<UpdateFrequency, string> = {
  realtime: `${EU}frequency/UPDATE_CONT`,
  daily: `${EU}frequency/DAILY`,
  weekly: `${EU}frequency/WEEKLY`,
  monthly: `${EU}frequency/MONTHLY`,
  quarterly: `${EU}frequency/QUARTERLY`,
  half_yearly: `${EU}frequency/ANNUAL_2`,
  yearly: `${EU}frequency/ANNUAL`,
  irregular: `${EU}frequency/IRREG`,
};

/** Download format → the EU file-type authority table. */
export const FILE_TYPE: Record<DistributionFormat, string> = {
  csv: `${EU}file-type/CSV`,
  xlsx: `${EU}file-type/XLSX`,
  json: `${EU}file-type/JSON`,
};

/** Open type → the EU access-right authority table: anyone (R19.1) or on application (R19.2). */
export const ACCESS_RIGHT: Record<Exclude<OpenType, 'none'>, string> = {
  unconditional: `${EU}access-right/PUBLIC`,
  conditional: `${EU}access-right/RESTRICTED`,
};

export const LANGUAGE = { zh: `${EU}language/ZHO`, en: `${EU}language/ENG` } as const;

/** A media type's IRI in the IANA register. */
export function mediaTypeIri(mediaType: string): string {
  return `http://www.iana.org/assignments/media-types/${mediaType}`;
}

/** The ADMS publisher type of a city's agencies. */
export const LOCAL_AUTHORITY = 'http://purl.org/adms/publishertype/LocalAuthority';
