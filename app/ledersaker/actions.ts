'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { nb } from '@/lib/i18n/nb';
import { attachEvidence } from '@/lib/leader-cases/attach-evidence';
import { createLeaderCase } from '@/lib/leader-cases/create-leader-case';
import { leaderTextFields, leaderLevelFields } from '@/lib/leader-cases/leader-case-form';
import { putLeaderCaseOnMeeting } from '@/lib/leader-cases/put-on-meeting';
import { saveLeaderCase } from '@/lib/leader-cases/save-leader-case';
import { announceAgendaChanged } from '@/lib/realtime/live-meetings';
import type { LeaderFormState } from './leader-form-state';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};
const fieldErrors = (fields: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(fields ?? {}).map(([name, key]) => [name, nb.cases.errors[key] ?? nb.cases.errors.invalid]));

/** Opens an empty service-level or political case in the unit and goes to it; elsewhere "not found". */
export async function createLeaderCaseAction(form: FormData): Promise<void> {
  const { actor } = await requireActor();
  const created = await orNotFound(
    createLeaderCase({ db: getDb(), actor, input: { unitId: field(form, 'unitId'), level: field(form, 'level') } }),
  );
  revalidatePath('/ledersaker');
  redirect(`/ledersaker/${created.id}`);
}

/** Stores the form; answers field errors (nothing stored) or the warnings about what was saved. */
export async function saveLeaderCaseAction(_state: LeaderFormState, form: FormData): Promise<LeaderFormState> {
  const { actor } = await requireActor();
  const id = field(form, 'id');
  const input = Object.fromEntries(
    [...leaderTextFields, ...leaderLevelFields].flatMap((name) => (form.has(name) ? [[name, field(form, name)]] : [])),
  );
  try {
    const saved = await orNotFound(saveLeaderCase({ db: getDb(), actor, id, input, seen: field(form, 'seen') }));
    revalidatePath(`/ledersaker/${id}`);
    return { ok: nb.leaderCases.saved, warnings: saved.warnings, seen: saved.updatedAt.toISOString(), at: Date.now() };
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return { error: nb.leaderCases.changedMeanwhile, at: Date.now() };
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return { error: nb.leaderCases.invalid, fields: fieldErrors(error.fields), at: Date.now() };
  }
}

/** One click: the unit's figures for the query, stored as a snapshot on the case. */
export async function attachEvidenceAction(_state: LeaderFormState, form: FormData): Promise<LeaderFormState> {
  const { actor } = await requireActor();
  const id = field(form, 'id');
  const input = Object.fromEntries(
    ['tjeneste', 'sakstype', 'periode', 'fra', 'til'].flatMap((n) => (form.has(n) ? [[n, field(form, n)]] : [])),
  );
  try {
    await orNotFound(attachEvidence({ db: getDb(), actor, id, input }));
    revalidatePath(`/ledersaker/${id}`);
    return { ok: nb.leaderCases.evidence.attached, at: Date.now() };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return { error: nb.leaderCases.evidence.invalid, fields: fieldErrors(error.fields), at: Date.now() };
  }
}

/** "Sett på møte": the case goes on the chosen leader meeting's agenda; a refusal is said in Norwegian. */
export async function putOnMeetingAction(_state: LeaderFormState, form: FormData): Promise<LeaderFormState> {
  const { actor } = await requireActor();
  const id = field(form, 'id');
  const errors = nb.leaderCases.meetings.errors;
  try {
    const put = await orNotFound(
      putLeaderCaseOnMeeting({ db: getDb(), actor, id, input: { meetingId: field(form, 'meetingId'), purpose: field(form, 'purpose') } }),
    );
    revalidatePath(`/ledersaker/${id}`);
    // A room open on that meeting shows the new item at once, without a reload.
    announceAgendaChanged(put.meetingId);
    return { ok: nb.leaderCases.meetings.put, at: Date.now() };
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return { error: errors[error.message] ?? errors.meeting_closed, at: Date.now() };
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return { error: errors[error.fields?.meetingId ?? ''] ?? errors.invalid, at: Date.now() };
  }
}
