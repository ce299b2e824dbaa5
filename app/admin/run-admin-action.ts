import { revalidatePath } from 'next/cache';
import { requireActor } from '@/app/_auth/require-actor';
import type { AdminContext } from '@/lib/admin/administration';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { nb } from '@/lib/i18n/nb';
import type { FormState } from './form-state';

const errors = nb.admin.errors;

/**
 * The thin step between a form and an administration command: who is asking
 * (fresh roles), the command, and its answer as a FormState in Norwegian.
 * Nothing is stored when the command refuses.
 */
export async function runAdminAction<R>(
  command: (context: AdminContext) => Promise<R>,
  input: unknown,
  done: string | ((result: R) => string),
  path: string,
): Promise<FormState> {
  const { actor } = await requireActor();
  let result: R;
  try {
    result = await command({ db: getDb(), actor, input });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fields = error.fields
      ? Object.fromEntries(Object.entries(error.fields).map(([field, key]) => [field, errors[key] ?? errors.invalid]))
      : undefined;
    const message =
      error.code === 'conflict'
        ? (errors[error.message] ?? errors.generic)
        : error.code === 'invalid_input'
          ? undefined
          : (errors[error.code] ?? errors.generic);
    return { error: message ?? (fields?._ ? fields._ : undefined), fields, values: typedValues(input), at: Date.now() };
  }
  revalidatePath(path);
  return { ok: typeof done === 'function' ? done(result) : done, at: Date.now() };
}

/** Every value of a repeated field (check boxes), comma-separated. */
export function all(form: FormData, name: string): string {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === 'string')
    .join(',');
}

/** The page an account form was on: a unit's member list, or the system administrator's account page. */
export function accountPath(form: FormData): string {
  const unitId = text(form, 'unitId');
  return unitId ? `/admin/enheter/${unitId}` : `/admin/kontoer/${text(form, 'userId')}`;
}

/** A form field as text ('' when absent), for commands that validate the rest. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The typed text fields of an input, without passwords, to give back to the form. */
function typedValues(input: unknown): Record<string, string> {
  const entries = Object.entries((input ?? {}) as Record<string, unknown>);
  return Object.fromEntries(
    entries.filter(([name, value]) => typeof value === 'string' && !/password|current/i.test(name)) as [string, string][],
  );
}
