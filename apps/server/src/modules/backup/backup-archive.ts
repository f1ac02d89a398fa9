/**
 * The archive file: a gzip'd tar (the `tar` package) of manifest.json and one COPY text file per
 * table, so an operator can also open it with any tar. Written to a temporary name and renamed
 * when complete, so a crash never leaves a file that looks like a finished backup.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { create as tarCreate, extract as tarExtract } from 'tar';
import { invalidArchive } from './backup-manifest.js';

export const ARCHIVE_PREFIX = 'gongshu-backup-';
export const ARCHIVE_SUFFIX = '.tar.gz';
const ARCHIVE_NAME = /^gongshu-backup-(\d{8}T\d{6}Z)(?:-(\d+))?\.tar\.gz$/;

/** 2026-11-27T09:15:00.123Z → 20261127T091500Z */
export function archiveStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll('-', '')
    .replaceAll(':', '');
}

/** The time a backup was taken, from its file name; null for other files. */
export function archiveTime(name: string): Date | null {
  const m = ARCHIVE_NAME.exec(name);
  if (!m?.[1]) return null;
  const s = m[1];
  return new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
}

/** The backups in a folder, oldest first. */
export async function listArchives(dir: string): Promise<{ file: string; at: Date }[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .map((name) => ({ name, at: archiveTime(name) }))
    .filter((a): a is { name: string; at: Date } => a.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.name.localeCompare(b.name))
    .map((a) => ({ file: path.join(dir, a.name), at: a.at }));
}

/** A file being written with its SHA-256, byte count and line count (= rows in COPY text format). */
export interface CountingFile {
  write(chunk: Uint8Array): Promise<void> | void;
  close(): Promise<{ bytes: number; rows: number; sha256: string }>;
}

export function countingFile(file: string): CountingFile {
  const out = createWriteStream(file);
  const counted = countingHash();
  return {
    write(chunk) {
      counted.write(chunk);
      if (!out.write(chunk)) return once(out, 'drain').then(() => undefined);
    },
    async close() {
      out.end();
      await finished(out);
      return counted.result();
    },
  };
}

/** Hash, bytes and lines of bytes not written anywhere (verifying a restored table). */
export function countingHash(): { write(chunk: Uint8Array): void; result(): { bytes: number; rows: number; sha256: string } } {
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  return {
    write(chunk) {
      hash.update(chunk);
      bytes += chunk.length;
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) rows++;
    },
    result: () => ({ bytes, rows, sha256: hash.digest('hex') }),
  };
}

export async function hashFile(file: string): Promise<{ bytes: number; rows: number; sha256: string }> {
  const h = countingHash();
  for await (const chunk of createReadStream(file)) h.write(chunk as Buffer);
  return h.result();
}

/** Packs `entries` of `stageDir` into `file` (through `file`.partial, renamed when complete). */
export async function packArchive(stageDir: string, entries: readonly string[], file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await tarCreate({ gzip: true, file: partial, cwd: stageDir, portable: true }, [...entries]);
    // The archive holds personal data and password hashes: the operating system user's only.
    await chmod(partial, 0o600);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Unpacks an archive into `dir`; a damaged or truncated archive is refused BACKUP_ARCHIVE_INVALID. */
export async function unpackArchive(file: string, dir: string): Promise<void> {
  try {
    await tarExtract({ file, cwd: dir, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    invalidArchive(`${path.basename(file)} cannot be unpacked (${reason})`, `${path.basename(file)} 无法解包（${reason}）`);
  }
}
