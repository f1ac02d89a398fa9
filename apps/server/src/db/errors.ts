/** Recognises PostgreSQL errors that are the client's fault (same codes on PGlite and pg). */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; detail?: string } | null;
  if (e?.code !== '23505') return null;
  return e.constraint ?? 'unique';
}

export function foreignKeyViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23503' ? (e.constraint ?? 'foreign_key') : null;
}
