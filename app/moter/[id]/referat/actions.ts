'use server';

import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { approveMinutes } from '@/lib/minutes/approve-minutes';
import { commentOnMinutes } from '@/lib/minutes/comment-on-minutes';
import { editMinutesItem } from '@/lib/minutes/edit-minutes-item';

/** `error`: a key of nb.minutes.errors, per field (the form shows it in Norwegian). */
export type MinutesActionState = { ok: true } | { ok: false; errors: Record<string, string> } | null;

/** Validation and state refusals become Norwegian messages in the form; a hidden meeting or item is 404. */
async function run(command: () => Promise<unknown>): Promise<MinutesActionState> {
  try {
    await orNotFound(command());
    return { ok: true };
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input') return { ok: false, errors: error.fields ?? { form: 'generic' } };
    if (isAppError(error) && error.code === 'conflict')
      return { ok: false, errors: { form: ['minutes_approved', 'minutes_changed'].includes(error.message) ? error.message : 'generic' } };
    throw error;
  }
}

/** A participant's comment on the draft minutes (lib/minutes/comment-on-minutes.ts). */
export async function commentOnMinutesAction(formData: FormData): Promise<MinutesActionState> {
  const { actor } = await requireActor();
  const input = { meetingId: formData.get('meetingId'), text: formData.get('text') };
  return run(() => commentOnMinutes({ db: getDb(), actor, input }));
}

/** The chair's or the referent's correction of one item's text (lib/minutes/edit-minutes-item.ts). */
export async function editMinutesItemAction(formData: FormData): Promise<MinutesActionState> {
  const { actor } = await requireActor();
  const input = {
    meetingId: formData.get('meetingId'),
    itemId: formData.get('itemId'),
    notes: formData.get('notes'),
    conclusion: formData.get('conclusion'),
    notesBefore: formData.get('notesBefore') ?? undefined,
    conclusionBefore: formData.get('conclusionBefore') ?? undefined,
  };
  return run(() => editMinutesItem({ db: getDb(), actor, input }));
}

/** The approval that freezes the minutes (lib/minutes/approve-minutes.ts). */
export async function approveMinutesAction(formData: FormData): Promise<MinutesActionState> {
  const { actor } = await requireActor();
  return run(() => approveMinutes({ db: getDb(), actor, input: { meetingId: formData.get('meetingId') } }));
}
