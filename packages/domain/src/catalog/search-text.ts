/**
 * Text for catalog search in Chinese and English: word segmentation with Intl.Segmenter (ICU)
 * plus character bigrams of Chinese runs, so a query matches whichever way ICU happened to split
 * a word in its context; queries become PostgreSQL tsquery text; hits are marked for highlighting.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /\p{Script=Han}/u;
const CJK_RUN = /\p{Script=Han}+/gu;

/** The word-like segments of a text, lower-cased. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
  return out;
}

/** Tokens to index: words and the bigrams of every Chinese run, without duplicates. */
export function indexTokens(text: string): string[] {
  const tokens = new Set(words(text));
  for (const run of text.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length - 1; i++) tokens.add(run.slice(i, i + 2));
  }
  return [...tokens].map(sanitize).filter((t) => t.length > 0);
}

/** Keeps letters, marks and digits only: tokens go into to_tsvector and to_tsquery text. */
function sanitize(token: string): string {
  return token.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

const quote = (t: string) => `'${t}'`;

/**
 * The tsquery text (for to_tsquery('simple', …)) of a user's query: every word must match; a
 * Chinese word of two or more characters matches as a word or as all its bigrams; a Latin word
 * matches as a prefix. Null when the query has no searchable word.
 */
export function toTsQuery(query: string): string | null {
  const parts: string[] = [];
  for (const raw of words(query.slice(0, 200))) {
    const w = sanitize(raw);
    if (!w) continue;
    if (CJK.test(w) && w.length >= 2) {
      const grams: string[] = [];
      for (let i = 0; i < w.length - 1; i++) grams.push(quote(w.slice(i, i + 2)));
      parts.push(grams.length > 1 ? `(${quote(w)} | (${grams.join(' & ')}))` : quote(w));
    } else if (CJK.test(w)) {
      parts.push(quote(w));
    } else {
      parts.push(`${quote(w)}:*`);
    }
  }
  return parts.length > 0 ? [...new Set(parts)].slice(0, 16).join(' & ') : null;
}

export interface TextSegment {
  readonly text: string;
  readonly hit: boolean;
}

/** Splits a text into plain and matching segments for the query's words (case-insensitive). */
export function highlight(text: string, query: string): TextSegment[] {
  const terms = [
    ...new Set(
      words(query)
        .map(sanitize)
        .filter((t) => t.length > 0),
    ),
  ].sort((a, b) => b.length - a.length);
  if (terms.length === 0 || text.length === 0) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) marks.fill(true, at, at + term.length);
  }
  const out: TextSegment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      out.push({ text: text.slice(start, i), hit: marks[start] ?? false });
      start = i;
    }
  }
  return out;
}
