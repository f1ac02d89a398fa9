/**
 * The manifest of a backup archive (manifest.json at its root, R29.1): what was backed up, from
 * which database and migration level, and a row count and SHA-256 per table so a restore can prove
 * it loaded exactly what was saved. Tables are stored as COPY text format (one line per row), which
 * PGlite and PostgreSQL both read and write: a backup of one restores into the other.
 */
import { fail } from '@gongshu/domain';

export const MANIFEST_FORMAT = 'gongshu-backup';
export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** Where the waiting uploads are in the archive: files/uploads/<load batch id>. */
export const UPLOADS_IN_ARCHIVE = 'files/uploads';
const UPLOAD_FILE = /^files\/uploads\/[0-9a-f-]{36}$/;

export interface ManifestColumn {
  readonly name: string;
  /** format_type() of the column, e.g. 'character varying(20)'. */
  readonly type: string;
  readonly notNull: boolean;
  readonly default: string | null;
  /** Ordered with COLLATE "C" so every engine and locale sorts the same. */
  readonly collatable: boolean;
}

export interface ManifestTable {
  readonly schema: string;
  readonly name: string;
  /** Path of the table's COPY text inside the archive. */
  readonly file: string;
  readonly columns: readonly ManifestColumn[];
  /** Primary key columns in key order; rows are written in this order (empty: physical order). */
  readonly primaryKey: readonly string[];
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
  /** Only for tables created outside the migrations (schema resource_data): how to recreate them. */
  readonly ddl?: { readonly indexes: readonly string[]; readonly constraints: readonly { name: string; definition: string }[] };
}

export interface ManifestSequence {
  readonly schema: string;
  readonly name: string;
  /** As text: a bigint. */
  readonly lastValue: string;
  readonly isCalled: boolean;
}

export interface ManifestFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly formatVersion: number;
  readonly createdAt: string;
  readonly database: { readonly kind: 'pglite' | 'postgres'; readonly version: string };
  /** Name of the latest migration applied (schema_migrations). */
  readonly migration: string;
  readonly tables: readonly ManifestTable[];
  readonly sequences: readonly ManifestSequence[];
  /**
   * Files of the data folder: the uploads waiting to be loaded (files/uploads/<load batch id>; an
   * upload is deleted once loaded, so these are all the data folder holds).
   */
  readonly files: readonly ManifestFile[];
}

export function invalidArchive(en: string, zh: string): never {
  fail('BACKUP_ARCHIVE_INVALID', { message: { zh: `备份文件无效：${zh}`, en: `The backup archive is invalid: ${en}` } });
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const SHA256 = /^[0-9a-f]{64}$/;
const SAFE_PATH = /^[a-z0-9_./-]+$/;

/** Parses and checks manifest.json; refuses BACKUP_ARCHIVE_INVALID on anything unexpected. */
export function parseManifest(text: string): Manifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    invalidArchive('manifest.json is not JSON', 'manifest.json 不是有效的 JSON');
  }
  const m = (parsed ?? {}) as Partial<Record<keyof Manifest, unknown>>;
  if (m.format !== MANIFEST_FORMAT) invalidArchive('not a Gongshu backup (manifest format)', '不是公数备份文件');
  if (m.formatVersion !== MANIFEST_VERSION) {
    invalidArchive(
      `format version ${String(m.formatVersion)} is not supported (this version reads ${MANIFEST_VERSION})`,
      '备份格式版本不受支持',
    );
  }
  if (!isString(m.createdAt) || !isString(m.migration) || !m.database || !Array.isArray(m.tables) || !Array.isArray(m.sequences)) {
    invalidArchive('the manifest lacks a required part', '清单缺少必需内容');
  }
  const files = new Set<string>();
  for (const t of m.tables as Partial<Record<keyof ManifestTable, unknown>>[]) {
    const columns = t.columns as Partial<Record<keyof ManifestColumn, unknown>>[] | undefined;
    const ok =
      isString(t.schema) &&
      isString(t.name) &&
      isString(t.file) &&
      SAFE_PATH.test(t.file) &&
      !t.file.includes('..') &&
      Array.isArray(columns) &&
      columns.length > 0 &&
      columns.every((c) => isString(c.name) && isString(c.type)) &&
      Array.isArray(t.primaryKey) &&
      isCount(t.rows) &&
      isCount(t.bytes) &&
      isString(t.sha256) &&
      SHA256.test(t.sha256) &&
      (t.schema === 'public' || t.schema === 'resource_data') &&
      !files.has(t.file);
    if (!ok) invalidArchive(`the manifest entry of table ${String(t.name)} is malformed`, `清单中表 ${String(t.name)} 的条目格式错误`);
    if (t.schema === 'resource_data' && !t.ddl)
      invalidArchive(`table ${String(t.name)} has no definition`, `表 ${String(t.name)} 缺少定义`);
    files.add(String(t.file));
  }
  for (const s of m.sequences as Partial<Record<keyof ManifestSequence, unknown>>[]) {
    if (
      !isString(s.schema) ||
      !isString(s.name) ||
      !isString(s.lastValue) ||
      !/^-?\d+$/.test(s.lastValue) ||
      typeof s.isCalled !== 'boolean'
    ) {
      invalidArchive('a sequence entry is malformed', '清单中序列条目格式错误');
    }
  }
  if (!Array.isArray(m.files)) invalidArchive('the manifest lacks a required part', '清单缺少必需内容');
  for (const f of m.files as Partial<Record<keyof ManifestFile, unknown>>[]) {
    if (
      !isString(f.path) ||
      !UPLOAD_FILE.test(f.path) ||
      !isCount(f.bytes) ||
      !isString(f.sha256) ||
      !SHA256.test(f.sha256) ||
      files.has(f.path)
    ) {
      invalidArchive('a file entry is malformed', '清单中文件条目格式错误');
    }
    files.add(f.path);
  }
  return parsed as Manifest;
}
