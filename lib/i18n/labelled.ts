/**
 * A label and its text on one line: "Utfall: Avklart", but "Hva trenger du fra
 * møtet? Velg …" — a label that is a question (or ends in other punctuation)
 * takes no colon, so no "?:" reaches a page.
 */
export function labelled(label: string, text: string): string {
  const trimmed = label.trimEnd();
  return /[?!.:]$/.test(trimmed) ? `${trimmed} ${text}` : `${trimmed}: ${text}`;
}
