'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import { getDb } from '@/lib/db/db';
import { completeFollowUp, startRevision } from '@/lib/history/follow-up-commands';

/** Ticks a follow-up off, or opens it again. */
export async function setFollowUpDone(formData: FormData): Promise<void> {
  const { actor } = await requireActor();
  // A refusal answers "not found" (404), like a page the user may not see, not a server error.
  await orNotFound(
    completeFollowUp({ db: getDb(), actor, input: { followUpId: formData.get('followUpId'), done: formData.get('done') === 'true' } }),
  );
  revalidatePath('/oppfolging');
}

/** Starts the revurdering draft of a decided case and opens it. */
export async function startRevisionDraft(formData: FormData): Promise<void> {
  const { actor } = await requireActor();
  const { id } = await orNotFound(
    startRevision({ db: getDb(), store: getCaseContentStore(), actor, input: { caseId: formData.get('caseId') } }),
  );
  redirect(`/saker/${id}`);
}
