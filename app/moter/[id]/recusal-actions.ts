'use server';

import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { declareRecusal, withdrawRecusal } from '@/lib/meetings/recusal';
import { setActingChair } from '@/lib/meetings/set-acting-chair';
import { announceAgendaChanged } from '@/lib/realtime/live-meetings';

/** `error`: a message key of nb.recusal.errors (the form shows it in Norwegian). */
export type RecusalState = { ok: true } | { ok: false; error: string } | null;

/** Declaring or withdrawing one's inhabilitet for an item (lib/meetings/recusal.ts); hidden or missing is 404. */
export async function recusalAction(formData: FormData): Promise<RecusalState> {
  const { actor } = await requireActor();
  const input = { meetingId: formData.get('meetingId'), itemId: formData.get('itemId'), reason: formData.get('reason') };
  try {
    const run = formData.get('intent') === 'withdraw' ? withdrawRecusal : declareRecusal;
    await orNotFound(run({ db: getDb(), actor, input }));
    // Every open room follows: the chair sees the declaration, and who chairs the item may change.
    announceAgendaChanged(String(input.meetingId));
    return { ok: true };
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input') return { ok: false, error: error.fields?.reason ?? 'generic' };
    if (isAppError(error) && error.code === 'conflict') return { ok: false, error: 'item_locked' };
    throw error;
  }
}

/** The chair names who chairs an item in their place (lib/meetings/set-acting-chair.ts); hidden or missing is 404. */
export async function actingChairAction(formData: FormData): Promise<RecusalState> {
  const { actor } = await requireActor();
  const input = { meetingId: formData.get('meetingId'), itemId: formData.get('itemId'), userId: formData.get('userId') || null };
  try {
    await orNotFound(setActingChair({ db: getDb(), actor, input }));
    announceAgendaChanged(String(input.meetingId));
    return { ok: true };
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input') return { ok: false, error: error.fields?.userId ?? 'generic' };
    if (isAppError(error) && error.code === 'conflict') return { ok: false, error: 'item_locked' };
    throw error;
  }
}
