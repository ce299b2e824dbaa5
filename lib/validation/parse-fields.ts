import type { z } from 'zod';

/** An object schema whose fields are all optional: a form, a draft (the case form, an agenda item). */
type FormSchema = z.ZodObject<z.ZodRawShape>;

export type ParsedFields<T extends FormSchema> = {
  /** Every field that passed its own schema (a valid partial form). */
  data: z.output<T>;
  /** Fields that were present but failed their schema, or that the form does not know, in input order. */
  invalid: string[];
};

/**
 * Reads stored form content field by field: a field that fails its schema
 * (old data, a past bug, a value written around the server's guard) is left
 * out and named in `invalid`, and the rest is kept. This is how every reader
 * of stored content parses it — the API, the editor, the meeting room,
 * submission, minutes, search — so one bad field shows as empty with a
 * notice instead of emptying the whole form or crashing the page.
 * Only for forms whose fields are all optional; input from outside still goes
 * through `parseInput`, which refuses instead.
 */
export function parseFields<T extends FormSchema>(schema: T, raw: unknown): ParsedFields<T> {
  const data: Record<string, unknown> = {};
  const invalid: string[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { data: {} as z.output<T>, invalid: raw == null ? [] : ['_'] };
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const parsed = field?.safeParse(value);
    if (parsed?.success) {
      if (parsed.data !== undefined) data[key] = parsed.data;
    } else invalid.push(key);
  }
  return { data: data as z.output<T>, invalid };
}
