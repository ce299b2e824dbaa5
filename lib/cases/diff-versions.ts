import type { CaseContent } from './case-form';

export type FieldChange = { field: string; before: unknown; after: unknown };

/** The fields that differ between two submitted versions (what the chair is shown). */
export function diffContent(before: CaseContent, after: CaseContent): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const empty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || value === false;
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = before[field as keyof CaseContent];
    const b = after[field as keyof CaseContent];
    if (empty(a) && empty(b)) continue;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: a, after: b });
  }
  return changes.sort((x, y) => x.field.localeCompare(y.field));
}
