/**
 * Well-known open licences recognized in a catalog entry's free-text licence (R19.1, R23.1), so the
 * node can name them the way other catalogs do: CKAN licence ids, the licence's canonical URL (used
 * as the licence IRI in DCAT-AP and as schema.org `license`). A text that is not recognized stays
 * what the provider wrote.
 */
export interface KnownLicence {
  /** CKAN's licence id (its default licence register). */
  readonly ckanId: string;
  readonly title: string;
  /** The licence's canonical URL. */
  readonly url: string;
}

const KNOWN: readonly (KnownLicence & { readonly pattern: RegExp })[] = [
  // Checked in order: BY-SA before BY, since "CC BY-SA 4.0" also contains "CC BY".
  {
    pattern: /\bcc[\s-]*by[\s-]*sa\b|署名[-—\s]*相同方式共享/i,
    ckanId: 'cc-by-sa',
    title: 'Creative Commons Attribution Share-Alike 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  {
    pattern: /\bcc[\s-]*by\b|知识共享署名/i,
    ckanId: 'cc-by',
    title: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  {
    pattern: /\bcc[\s-]*0\b|\bcc[\s-]*zero\b|公有领域贡献/i,
    ckanId: 'cc-zero',
    title: 'Creative Commons CCZero',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  {
    pattern: /\bodbl\b|open database licen[cs]e/i,
    ckanId: 'odc-odbl',
    title: 'Open Data Commons Open Database License (ODbL)',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
];

/**
 * The well-known licence a free-text licence names, or null (then the text itself is the licence).
 * Only version-4.0 Creative Commons texts are given the 4.0 URL; other versions are not recognized.
 */
export function recognizeLicence(text: string | null | undefined): KnownLicence | null {
  if (!text) return null;
  const normalized = text.trim();
  const found = KNOWN.find((l) => l.pattern.test(normalized));
  if (!found) return null;
  // A Creative Commons licence of another version is a different licence.
  if (found.ckanId.startsWith('cc-by') && /\d\.\d/.test(normalized) && !/4\.0/.test(normalized)) return null;
  return { ckanId: found.ckanId, title: found.title, url: found.url };
}
