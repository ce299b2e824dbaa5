import { stemmer } from '@orama/stemmers/norwegian';

/**
 * Norwegian word stems for the SQLite search. FTS5 only knows whole tokens and
 * prefixes, so the index holds each text's words as Snowball stems (the same
 * algorithm as PostgreSQL's `norwegian` configuration: "støttekontaktene" and
 * "støttekontakter" both become "støttekontakt"), and a query is stemmed the
 * same way before it is matched.
 */

/** Letters and digits: the words FTS5's unicode61 tokenizer sees too. */
const wordPattern = /[\p{L}\p{N}]+/gu;

/** The stem of one word, lower-cased first (Snowball expects lower case). */
export function stemWord(word: string): string {
  return stemmer(word.toLocaleLowerCase('nb'));
}

/** A text's words as stems separated by spaces: what the FTS5 index holds. */
export function stemText(text: string): string {
  return (text.match(wordPattern) ?? []).map(stemWord).join(' ');
}

/** The distinct stems of a free-text query (at most 12 words), in order. */
export function queryStems(query: string): string[] {
  return [...new Set((query.match(wordPattern) ?? []).map(stemWord))].slice(0, 12);
}

/** Every word of a text with where it sits, for marking hits in the original text. */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(wordPattern)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}
