import type { CaseContent } from './case-form';

export type FieldChange = { field: string; before: unknown; after: unknown };

const empty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || value === false;

/**
 * The fields that differ between two versions of a form — a case's or an
 * item's (what the chair is shown on the agenda, and the version history).
 * An empty value and a missing one are the same.
 */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    if (empty(a) && empty(b)) continue;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: a, after: b });
  }
  return changes.sort((x, y) => x.field.localeCompare(y.field));
}

/** The fields that differ between two submitted versions (what the chair is shown). */
export function diffContent(before: CaseContent, after: CaseContent): FieldChange[] {
  return diffFields(before, after);
}
