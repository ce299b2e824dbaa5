import { stemmer } from '@orama/stemmers/norwegian';
import { stopwords } from '@orama/stopwords/norwegian';

/**
 * Norwegian word stems for the SQLite search. FTS5 only knows whole tokens and
 * prefixes, so the index holds each text's words as Snowball stems (the same
 * algorithm as PostgreSQL's `norwegian` configuration: "støttekontaktene" and
 * "støttekontakter" both become "støttekontakt"), and a query is stemmed the
 * same way before it is matched.
 *
 * Stopwords ("og", "i", "for", "med" …) are left out of the index and of the
 * query alike, as PostgreSQL's `norwegian` configuration does: the list is
 * Snowball's, from @orama/stopwords — word for word PostgreSQL's
 * `norwegian.stop` (172 words). A query of stopwords alone searches for
 * nothing, there as here.
 */

const stopwordSet: ReadonlySet<string> = new Set(stopwords);

/** Whether a word is one the search leaves out (compared lower-cased, before stemming, as PostgreSQL does). */
export function isStopword(word: string): boolean {
  return stopwordSet.has(word.toLocaleLowerCase('nb'));
}

/** Letters and digits: the words FTS5's unicode61 tokenizer sees too. */
const wordPattern = /[\p{L}\p{N}]+/gu;

/** The stem of one word, lower-cased first (Snowball expects lower case). */
export function stemWord(word: string): string {
  return stemmer(word.toLocaleLowerCase('nb'));
}

/** The words of a text that are searched for: all but the stopwords. */
function searchedWords(text: string): string[] {
  return (text.match(wordPattern) ?? []).filter((word) => !isStopword(word));
}

/** A text's words as stems separated by spaces, stopwords left out: what the FTS5 index holds. */
export function stemText(text: string): string {
  return searchedWords(text).map(stemWord).join(' ');
}

/** The distinct stems of a free-text query (at most 12 words, stopwords left out), in order. */
export function queryStems(query: string): string[] {
  return [...new Set(searchedWords(query).map(stemWord))].slice(0, 12);
}

/** Every word of a text with where it sits, for marking hits in the original text. */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(wordPattern)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}
