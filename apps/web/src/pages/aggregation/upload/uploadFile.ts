/** What the upload form accepts: the formats the server reads, told by the file name. */
export type FileFormat = 'csv' | 'xlsx' | 'jsonl';

export const ACCEPT = '.csv,.xlsx,.jsonl';

export function formatOfFile(name: string): FileFormat | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return ext === 'csv' || ext === 'xlsx' || ext === 'jsonl' ? ext : null;
}

/** The size in KB, at least 1 (a few bytes still read as 1 KB). */
export function kilobytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / 1024));
}
