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
 * The words of a free-text query as FTS5 prefix terms, all required:
 * `støttekontakt ungdom` → `"støttekontakt"* "ungdom"*`. Everything but letters
 * and digits is dropped, so no FTS5 syntax can come from the user.
 */
export function ftsPrefixQuery(query: string): string | null {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = [...new Set(words)].slice(0, 12).map((w) => `"${w}"*`);
  return terms.length ? terms.join(' ') : null;
}
