/**
 * Our catalog in CKAN's words (issue 7 item 10): a package is a published open resource, its
 * organization the providing agency, its groups the top class of its classification, its tags the
 * keywords, its resources the open downloads (CSV, XLSX, JSON) described by the data dictionary.
 * Only public attributes leave: security level, data grade, sharing attributes, source system,
 * field sensitivity and related resources stay inside (R18.1, R29.1).
 */
import { createHash } from 'node:crypto';
import type { CkanGroup, CkanOrganization, CkanPackage, CkanResource, CkanTag } from '@gongshu/contracts';
import { DISTRIBUTION_FORMATS, openDownloadPath, openPortalPath, type DistributionFormat } from '@gongshu/contracts';
import { DATA_TYPES, OPEN_TYPES, recognizeLicence, UPDATE_FREQUENCIES, type FieldSpec } from '@gongshu/domain';
import type { OpenAgency, OpenResource } from './open-resources.repository.js';

/** The package name of a resource code: `101001/000001` → `101001-000001` (CKAN names are URL-safe). */
export function packageName(code: string): string {
  return code.replace(/\//g, '-').toLowerCase();
}

/** The resource code of a package name, when it is one. */
export function codeOfPackageName(name: string): string | null {
  const m = /^([0-9]{3,12})-([0-9]{6})$/.exec(name.trim());
  return m ? `${m[1]}/${m[2]}` : null;
}

/** A distribution's id: the resource id and the format (`<uuid>-csv`). */
export function distributionId(resourceId: string, format: DistributionFormat): string {
  return `${resourceId}-${format}`;
}

/** The resource id and format of a distribution id, when it is one (for resource_show and the DataStore). */
export function parseDistributionId(id: string): { resourceId: string; format: DistributionFormat } | null {
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([a-z]+)$/i.exec(id.trim());
  const format = DISTRIBUTION_FORMATS.find((f) => f.format === m?.[2]?.toLowerCase())?.format;
  return m?.[1] && format ? { resourceId: m[1].toLowerCase(), format } : null;
}

/** A stable UUID for things that have no id of their own here (tags, classes), name-based (RFC 4122 v5 layout). */
export function stableId(kind: string, name: string): string {
  const h = createHash('sha1').update(`gongshu:${kind}:${name}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** CKAN writes times in UTC without a zone, with microseconds. */
export function ckanTime(at: Date): string {
  return `${at.toISOString().slice(0, -1)}000`;
}

/** The resource's public page on the portal (its landing page; anonymous visitors can open it). */
export function landingPage(publicUrl: string, resourceId: string): string {
  return `${publicUrl}${openPortalPath(resourceId)}`;
}

export interface LicenceView {
  readonly license_id: string;
  readonly license_title: string;
  readonly license_url?: string;
  readonly isopen: boolean;
}

/**
 * The licence in CKAN's terms: a recognized licence gets CKAN's id; any other text is kept as both
 * id and title (as CKAN shows an id missing from its register); no licence is `notspecified`.
 */
export function licenceView(text: string | null): LicenceView {
  const known = recognizeLicence(text);
  if (known) return { license_id: known.ckanId, license_title: known.title, license_url: known.url, isopen: true };
  const own = text?.trim();
  if (own) return { license_id: own, license_title: own, isopen: false };
  return { license_id: 'notspecified', license_title: 'License not specified', isopen: false };
}

const label = (list: readonly { code: string; zh: string; en: string }[], code: string) => list.find((t) => t.code === code);

/** The data dictionary as text: one line per field (code, name, type, length, description). */
export function dataDictionary(fields: readonly FieldSpec[]): string {
  const lines = fields.map((f) => {
    const type = label(DATA_TYPES, f.dataType);
    const typeText = `${type?.zh ?? f.dataType} ${type?.en ?? ''}`.trim() + (f.length ? `(${f.length})` : '');
    return `- ${f.code} ${f.name}：${typeText}${f.required ? '，必填 required' : ''}${f.description ? `；${f.description}` : ''}`;
  });
  return `数据项 Data dictionary (${fields.length})\n${lines.join('\n')}`;
}

export function organizationOf(agency: OpenAgency): CkanOrganization {
  return {
    id: agency.id,
    name: agency.code.toLowerCase(),
    title: agency.name,
    display_name: agency.name,
    description: '',
    image_url: '',
    image_display_url: '',
    created: ckanTime(agency.createdAt),
    state: 'active',
    approval_status: 'approved',
    type: 'organization',
    is_organization: true,
  };
}

export function groupOf(code: string, name: string): CkanGroup {
  return {
    id: stableId('class', code),
    name: code,
    title: name,
    display_name: name,
    description: '',
    image_url: '',
    image_display_url: '',
    created: ckanTime(new Date(0)),
    state: 'active',
    approval_status: 'approved',
    type: 'group',
    is_organization: false,
  };
}

export function tagOf(name: string): CkanTag {
  return { id: stableId('tag', name), name, display_name: name, state: 'active', vocabulary_id: null };
}

export function resourcesOf(r: OpenResource, publicUrl: string): CkanResource[] {
  const description = dataDictionary(r.metadata.fields);
  return DISTRIBUTION_FORMATS.map((f, position) => ({
    id: distributionId(r.resourceId, f.format),
    package_id: r.resourceId,
    name: `${r.metadata.name}（${f.label}）`,
    description,
    format: f.label,
    mimetype: f.mediaType,
    mimetype_inner: null,
    url: `${publicUrl}${openDownloadPath(r.resourceId, f.format)}`,
    url_type: null,
    resource_type: null,
    position,
    created: ckanTime(r.firstPublishedAt),
    last_modified: r.lastLoadedAt ? ckanTime(r.lastLoadedAt) : null,
    metadata_modified: ckanTime(r.lastPublishedAt),
    size: null,
    hash: '',
    state: 'active',
    // datastore_search answers once data is loaded (through the open exit, modules/open-data).
    datastore_active: r.lastLoadedAt !== null,
    cache_url: null,
    cache_last_updated: null,
  }));
}

/** Public attributes that CKAN has no field for, as `extras`. */
function extrasOf(r: OpenResource): { key: string; value: string }[] {
  const m = r.metadata;
  const frequency = label(UPDATE_FREQUENCIES, m.updateFrequency);
  const openType = label(OPEN_TYPES, m.open.type);
  const extras: [string, string | null][] = [
    ['identifier', r.code],
    ['name_en', m.nameEn],
    ['classification_code', m.classificationCode],
    ['open_type', m.open.type],
    ['open_type_label', openType ? `${openType.zh} ${openType.en}` : null],
    // R19.2: the provider publishes the conditions of conditional open data.
    ['open_conditions', m.open.type === 'conditional' ? m.open.conditions : null],
    ['update_frequency', m.updateFrequency],
    ['update_frequency_label', frequency ? `${frequency.zh} ${frequency.en}` : null],
    ['field_count', String(m.fields.length)],
  ];
  return extras.filter((e): e is [string, string] => e[1] !== null && e[1] !== '').map(([key, value]) => ({ key, value }));
}

export function packageOf(r: OpenResource, context: { publicUrl: string; groupName: string | null }): CkanPackage {
  const m = r.metadata;
  const resources = resourcesOf(r, context.publicUrl);
  const tags = m.keywords.map(tagOf);
  return {
    id: r.resourceId,
    name: packageName(r.code),
    title: m.name,
    notes: m.summary,
    url: landingPage(context.publicUrl, r.resourceId),
    version: String(r.versionNumber),
    type: 'dataset',
    state: 'active',
    private: false,
    author: r.agency.name,
    author_email: null,
    maintainer: r.agency.name,
    maintainer_email: null,
    ...licenceView(m.licence),
    metadata_created: ckanTime(r.firstPublishedAt),
    metadata_modified: ckanTime(r.lastPublishedAt),
    owner_org: r.agency.id,
    organization: organizationOf(r.agency),
    groups: context.groupName === null ? [] : [groupOf(r.classTop, context.groupName)],
    tags,
    num_tags: tags.length,
    extras: extrasOf(r),
    resources,
    num_resources: resources.length,
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
