/**
 * Fingerprints of bulk extracts (issue 6, R17.2, R29.1; ADR 0007): every row of an extract carries
 * two marks of its grant and delivery, both keyed by the grant's secret watermark_key so that
 * nobody without the database can forge or move them:
 *
 * - a provenance column with a token `GSFP1.<grant number>.<delivery serial>.<mac>`, visible, easy
 *   to read, and easy to drop;
 * - an invisible mark appended to one text value of the row: zero-width characters encoding the
 *   delivery serial and a 24-bit tag. It survives dropping the column, cutting rows, re-sorting and
 *   re-saving as CSV (UTF-8), XLSX or JSON; it does not survive a re-save in a legacy encoding (GBK
 *   has no zero-width characters) or a deliberate clean-up of invisible characters.
 */
import { createHmac } from 'node:crypto';

const TOKEN_PREFIX = 'GSFP1';
/** Matches a provenance token anywhere in a text (the grant number is letters, digits and dashes). */
export const TOKEN_PATTERN = /GSFP1\.([A-Za-z0-9-]{1,40})\.(\d{1,15})\.([0-9a-f]{16})/g;

/** The invisible mark: a start character, then base-4 digits as zero-width characters. */
const MARK_START = '\u2063';
const DIGITS = ['\u200b', '\u200c', '\u200d', '\u2060'] as const;
const TAG_BYTES = 3;
const MARK_PATTERN = /\u2063((?:\u200b|\u200c|\u200d|\u2060){8,80})/g;

function mac(watermarkKey: string, message: string): Buffer {
  return createHmac('sha256', watermarkKey).update(message).digest();
}

/** The provenance token of a delivery: grant number and serial, with a MAC under the grant's key. */
export function provenanceToken(watermarkKey: string, grantNumber: string, serial: number): string {
  const tag = mac(watermarkKey, `token:${grantNumber}:${serial}`).subarray(0, 8).toString('hex');
  return `${TOKEN_PREFIX}.${grantNumber}.${serial}.${tag}`;
}

export function tokenIsValid(watermarkKey: string, token: { grantNumber: string; serial: number; tag: string }): boolean {
  return (
    provenanceToken(watermarkKey, token.grantNumber, token.serial) === `${TOKEN_PREFIX}.${token.grantNumber}.${token.serial}.${token.tag}`
  );
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte += 128;
    out.push(byte);
  } while (v > 0);
  return out;
}

function markTag(watermarkKey: string, serial: number): Buffer {
  return mac(watermarkKey, `mark:${serial}`).subarray(0, TAG_BYTES);
}

/** The invisible mark of a delivery (about 20 zero-width characters for serials below 16,384). */
export function invisibleMark(watermarkKey: string, serial: number): string {
  const bytes = [...varint(serial), ...markTag(watermarkKey, serial)];
  let out = MARK_START;
  for (const byte of bytes) {
    for (let shift = 6; shift >= 0; shift -= 2) out += DIGITS[(byte >> shift) & 3];
  }
  return out;
}

export interface DecodedMark {
  readonly serial: number;
  readonly tag: string;
}

function decodeDigits(digits: string): DecodedMark | null {
  if (digits.length % 4 !== 0) return null;
  const bytes: number[] = [];
  for (let i = 0; i < digits.length; i += 4) {
    let byte = 0;
    for (let k = 0; k < 4; k++) byte = (byte << 2) | DIGITS.indexOf(digits[i + k] as (typeof DIGITS)[number]);
    bytes.push(byte);
  }
  let serial = 0;
  let scale = 1;
  let i = 0;
  for (; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    serial += (byte & 127) * scale;
    scale *= 128;
    if (byte < 128) break;
  }
  const tag = bytes.slice(i + 1);
  if (tag.length !== TAG_BYTES) return null;
  return { serial, tag: Buffer.from(tag).toString('hex') };
}

/** Every invisible mark in a text. */
export function findMarks(text: string): DecodedMark[] {
  if (!text.includes(MARK_START)) return [];
  const out: DecodedMark[] = [];
  for (const m of text.matchAll(MARK_PATTERN)) {
    const decoded = decodeDigits(m[1] ?? '');
    if (decoded) out.push(decoded);
  }
  return out;
}

export function markIsValid(watermarkKey: string, mark: DecodedMark): boolean {
  return markTag(watermarkKey, mark.serial).toString('hex') === mark.tag;
}

/** JSON written with ASCII escapes (\u200b…) holds the same marks: unescape them before scanning. */
export function unescapeMarkCharacters(text: string): string {
  return text.includes('\\u')
    ? text.replace(/\\u(200[bcdBCD]|2060|2063)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}
