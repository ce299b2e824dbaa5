'use server';

import { revalidatePath } from 'next/cache';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { markDocumented } from '@/lib/cases/mark-documented';
import { getDb } from '@/lib/db/db';

/** Marks a concluded case documented in the record system (its caseworker); closes its "document it" follow-up. */
export async function markDocumentedAction(formData: FormData): Promise<void> {
  const { actor } = await requireActor();
  const caseId = formData.get('caseId');
  // A refusal answers "not found" (404), like a page the user may not see.
  await orNotFound(markDocumented({ db: getDb(), actor, input: { caseId } }));
  if (typeof caseId === 'string') revalidatePath(`/saker/${caseId}/fagsystem`);
  revalidatePath('/saker');
}
