'use server';

import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { askForMissing } from '@/lib/meetings/ask-for-missing';

export type AskState = { ok: true; caseworker: string } | { ok: false } | null;

/** The chair asks a case's caseworker to fill in what is missing before the meeting (lib/meetings/ask-for-missing.ts). */
export async function askForMissingAction(formData: FormData): Promise<AskState> {
  const { actor } = await requireActor();
  try {
    // Hidden or missing is 404 (as every action); a case with nothing missing, or a closed meeting, is said in the form.
    const { caseworker } = await orNotFound(
      askForMissing({ db: getDb(), actor, input: { meetingId: formData.get('meetingId'), caseId: formData.get('caseId') } }),
    );
    return { ok: true, caseworker };
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return { ok: false };
    throw error;
  }
}
