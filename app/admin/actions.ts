'use server';

import { addMember, changeOwnPassword, changeRole, createUnit, removeMember, renameUnit } from '@/lib/admin/administration';
import { setAccountActive, setAccountPassword } from '@/lib/admin/account-administration';
import { nb } from '@/lib/i18n/nb';
import { setApprovalPeriod } from '@/lib/minutes/set-approval-period';
import type { FormState } from './form-state';
import { accountPath, runAdminAction, text } from './run-admin-action';

/** Server actions of the administration pages (lib/admin/administration.ts does the work and the checks). */
const done = nb.admin.done;
const unitPath = (form: FormData) => `/admin/enheter/${text(form, 'unitId')}`;

export async function createUnitAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(createUnit, { name: text(form, 'name') }, done.created, '/admin');
}

export async function renameUnitAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(renameUnit, { unitId: text(form, 'unitId'), name: text(form, 'name') }, done.renamed, unitPath(form));
}

export async function addMemberAction(_: FormState, form: FormData): Promise<FormState> {
  const input = {
    unitId: text(form, 'unitId'),
    email: text(form, 'email'),
    name: text(form, 'name'),
    role: text(form, 'role'),
    password: text(form, 'password'),
  };
  return runAdminAction(addMember, input, done.added, unitPath(form));
}

export async function changeRoleAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(
    changeRole,
    { unitId: text(form, 'unitId'), userId: text(form, 'userId'), role: text(form, 'role') },
    done.roleChanged,
    unitPath(form),
  );
}

export async function removeMemberAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(removeMember, { unitId: text(form, 'unitId'), userId: text(form, 'userId') }, done.removed, unitPath(form));
}

export async function setActiveAction(_: FormState, form: FormData): Promise<FormState> {
  const active = text(form, 'active') === 'true';
  return runAdminAction(
    setAccountActive,
    { unitId: text(form, 'unitId'), userId: text(form, 'userId'), active },
    active ? done.activated : done.deactivated,
    accountPath(form),
  );
}

export async function setPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(
    setAccountPassword,
    { unitId: text(form, 'unitId'), userId: text(form, 'userId'), password: text(form, 'password') },
    done.passwordSet,
    accountPath(form),
  );
}

export async function changeOwnPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(
    changeOwnPassword,
    { current: text(form, 'current'), password: text(form, 'password') },
    done.passwordChanged,
    '/konto',
  );
}

/** How long a unit's minutes stay a draft for comments (lib/minutes/set-approval-period.ts). */
export async function setApprovalPeriodAction(_: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(
    setApprovalPeriod,
    { unitId: text(form, 'unitId'), days: text(form, 'days') },
    nb.minutes.periodSaved,
    unitPath(form),
  );
}
