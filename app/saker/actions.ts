'use server';

import { redirect } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import { createCase } from '@/lib/cases/create-case';
import { getDb } from '@/lib/db/db';

/** Starts an empty draft in the chosen unit and opens it. */
export async function startDraft(formData: FormData): Promise<void> {
  const { actor } = await requireActor();
  const unitId = formData.get('unitId');
  // A refusal answers "not found" (404), like a page the user may not see, not a server error.
  const { id } = await orNotFound(
    createCase({
      db: getDb(),
      store: getCaseContentStore(),
      actor,
      input: { unitId: typeof unitId === 'string' && unitId ? unitId : undefined, content: {} },
    }),
  );
  redirect(`/saker/${id}`);
}
