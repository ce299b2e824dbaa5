import { maskNationalIds } from '../privacy/national-id';

/**
 * Plain text for a record system's field: "Label: value" lines, empty values
 * left out, line breaks kept, no markup. Every line passes the national
 * identity number masking, so no block can carry a fødselsnummer.
 */
export function labelledLines(entries: readonly (readonly [string, string | null | undefined])[]): string {
  return entries
    .map(([label, value]) => [label, value?.trim() ?? ''] as const)
    .filter(([, value]) => value.length > 0)
    .map(([label, value]) => (label ? `${label}: ${value}` : value))
    .map((line) => maskNationalIds(line))
    .join('\n');
}

/** Paragraphs separated by a blank line, the empty ones dropped, masked. */
export function paragraphs(parts: readonly (string | null | undefined)[]): string {
  return maskNationalIds(
    parts
      .map((p) => p?.trim() ?? '')
      .filter(Boolean)
      .join('\n\n'),
  );
}
