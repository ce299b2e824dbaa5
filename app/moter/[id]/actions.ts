'use server';

import { revalidatePath } from 'next/cache';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { setAList } from '@/lib/meetings/a-list';
import { announceAgendaChanged } from '@/lib/realtime/live-meetings';
import { askForMissing } from '@/lib/meetings/ask-for-missing';

export type AskState =
  | { ok: true; caseworker: string; askedAt: string; askedBy: string }
  /** Asked before in this meeting: the page asks the chair to confirm a second notice. */
  | { ok: false; alreadyAsked: true }
  | { ok: false; alreadyAsked?: false }
  | null;

/** The chair asks a case's caseworker to fill in what is missing before the meeting (lib/meetings/ask-for-missing.ts). */
export async function askForMissingAction(formData: FormData): Promise<AskState> {
  const { actor } = await requireActor();
  try {
    // Hidden or missing is 404 (as every action); a case with nothing missing, or a closed meeting, is said in the form.
    const { caseworker, asked } = await orNotFound(
      askForMissing({
        db: getDb(),
        actor,
        store: getCaseContentStore(),
        input: { meetingId: formData.get('meetingId'), caseId: formData.get('caseId'), again: formData.get('again') === 'true' },
      }),
    );
    return { ok: true, caseworker, askedAt: asked.askedAt.toISOString(), askedBy: asked.askedBy };
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return { ok: false, alreadyAsked: error.message === 'already_asked' };
    throw error;
  }
}

/** The chair moves an item on to the A-list or off it (lib/meetings/a-list.ts); the page shows the new lists. */
export async function setAListAction(formData: FormData): Promise<void> {
  const { actor } = await requireActor();
  const meetingId = formData.get('meetingId');
  await orNotFound(
    setAList({ db: getDb(), actor, input: { meetingId, itemId: formData.get('itemId'), onAList: formData.get('onAList') === 'true' } }),
  );
  // The open rooms follow, as when the chair moves it in the room.
  announceAgendaChanged(String(meetingId));
  revalidatePath(`/moter/${String(meetingId)}`);
}
