import { isStopword, queryStems, stemWord, wordsOf } from './norwegian-stems';

/** Markers the databases put around matched words (control characters never typed in a form). */
export const hitStart = '\u0002';
export const hitEnd = '\u0003';

export type TextPart = { text: string; hit: boolean };

/**
 * Splits a highlighted string into plain and matched parts, for rendering as
 * text and <mark> — never as HTML, so case text cannot inject markup.
 */
export function highlightParts(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let hit = false;
  let text = '';
  const push = () => {
    if (text) parts.push({ text, hit });
    text = '';
  };
  for (const char of marked) {
    if (char === hitStart || char === hitEnd) {
      push();
      hit = char === hitStart;
    } else text += char;
  }
  push();
  return parts;
}

/**
 * The words of a free-text query as stemmed FTS5 prefix terms, all required:
 * `Støttekontakter ungdom` → `"støttekontakt"* "ungdom"*`, matched against the
 * stems the index holds (norwegian-stems.ts). The prefix keeps a half-typed word
 * finding its longer forms — except a word that is itself a stopword ("mot",
 * "han", "for"), which is dropped as PostgreSQL drops it, so the two databases
 * find the same. Everything but letters and digits is dropped, so no FTS5 syntax
 * can come from the user.
 */
export function ftsPrefixQuery(query: string): string | null {
  const terms = queryStems(query).map((stem) => `"${stem}"*`);
  return terms.length ? terms.join(' ') : null;
}

/**
 * The query stem a word is a hit for: its stem begins with it, as the FTS5 prefix term does. A stopword
 * is never a hit (the index leaves it out). Null when the word is no hit.
 */
function hitStem(word: string, stems: string[]): string | null {
  if (isStopword(word)) return null;
  const stem = stemWord(word);
  return stems.find((s) => stem.startsWith(s)) ?? null;
}

function isHit(word: string, stems: string[]): boolean {
  return hitStem(word, stems) !== null;
}

/**
 * A text with its hits marked, as highlight() would (the SQLite index holds
 * stems, so the original text is marked here, word by word).
 */
export function markHits(text: string, stems: string[]): string {
  return markRange(text, wordsOf(text), 0, Number.POSITIVE_INFINITY, stems);
}

/**
 * The part of a text around its hits, at most `size` words, hits marked and
 * cut ends shown with " … " (as FTS5's snippet()): the window with the most
 * distinct query words, the earliest of equals.
 */
export function snippetOf(text: string, stems: string[], size = 24): string {
  const words = wordsOf(text);
  if (words.length === 0) return '';
  const hitStems = words.map(({ word }) => hitStem(word, stems));
  let best = { start: 0, score: -1 };
  hitStems.forEach((hit, i) => {
    if (!hit) return;
    const start = Math.max(0, Math.min(i - 2, words.length - size));
    const score = new Set(hitStems.slice(start, start + size).filter(Boolean)).size;
    if (score > best.score) best = { start, score };
  });
  const end = Math.min(words.length, best.start + size);
  const body = markRange(text, words, best.start, end, stems);
  return `${best.start > 0 ? ' … ' : ''}${body}${end < words.length ? ' … ' : ''}`;
}

function markRange(text: string, words: ReturnType<typeof wordsOf>, from: number, to: number, stems: string[]): string {
  const slice = words.slice(from, to);
  if (slice.length === 0) return '';
  const offset = from === 0 && to >= words.length ? 0 : slice[0].start;
  const last = from === 0 && to >= words.length ? text.length : slice[slice.length - 1].end;
  let out = '';
  let at = offset;
  for (const { word, start, end } of slice) {
    out += text.slice(at, start) + (isHit(word, stems) ? `${hitStart}${word}${hitEnd}` : word);
    at = end;
  }
  return out + text.slice(at, last);
}
