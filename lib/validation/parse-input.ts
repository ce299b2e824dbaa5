import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/**
 * The one way outside input (a form post, a JSON body, a query string, a
 * socket.io payload) is checked: the schema's output, or an
 * `AppError('invalid_input')` whose `fields` say, per field, which message key
 * the form shows next to it (lib/i18n maps the keys to Norwegian text). A
 * ZodError never leaves this function, so a bad field is a 400 or a form
 * error, never a 500.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, message = 'invalid input'): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid_input', message, fieldErrorsFrom(parsed.error.issues));
}

/** Message keys are the schemas' own short snake_case messages; zod's English sentences become `invalid`. */
const messageKey = /^[a-z_]+$/;

/** Field path → message key; the first issue of a field wins, as a form shows one message per field. */
export function fieldErrorsFrom(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[fieldOf(issue.path)] ??= keyOf(issue);
  return fields;
}

/**
 * The field an issue belongs to: its path up to the first list index (a bad
 * entry of a list is an error of the list's field), `_` for the input as a
 * whole (an unknown key, a body that is not an object).
 */
function fieldOf(path: readonly PropertyKey[]): string {
  const names: string[] = [];
  for (const segment of path) {
    if (typeof segment !== 'string') break;
    names.push(segment);
  }
  return names.join('.') || '_';
}

function keyOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  if (messageKey.test(issue.message)) return issue.message;
  return issue.code === 'invalid_value' ? 'unknown_option' : 'invalid';
}
