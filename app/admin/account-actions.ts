'use server';

import { changeAccountEmail, changeAccountName, unlinkAccountOidc } from '@/lib/admin/account-administration';
import { nb } from '@/lib/i18n/nb';
import type { FormState } from './form-state';
import { accountPath, runAdminAction, text } from './run-admin-action';

/**
 * Account powers beyond password and deactivation (issue 16), from a unit's
 * member list or the system administrator's account page;
 * lib/admin/account-administration.ts decides who may.
 */
const done = nb.admin.done;
const target = (form: FormData) => ({ unitId: text(form, 'unitId'), userId: text(form, 'userId') });

export async function changeAccountNameAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(changeAccountName, { ...target(form), name: text(form, 'name') }, done.nameChanged, accountPath(form));
}

export async function changeAccountEmailAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(changeAccountEmail, { ...target(form), email: text(form, 'email') }, done.emailChanged, accountPath(form));
}

export async function unlinkOidcAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(unlinkAccountOidc, target(form), done.oidcUnlinked, accountPath(form));
}
