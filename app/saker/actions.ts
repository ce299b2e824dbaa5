'use server';

import { redirect } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import { createCase } from '@/lib/cases/create-case';
import { getDb } from '@/lib/db/db';

/** Starts an empty draft in the chosen unit and opens it. */
export async function startDraft(formData: FormData): Promise<void> {
  const { actor } = await requireActor();
  const unitId = formData.get('unitId');
  const { id } = await createCase({
    db: getDb(),
    store: getCaseContentStore(),
    actor,
    input: { unitId: typeof unitId === 'string' && unitId ? unitId : undefined, content: {} },
  });
  redirect(`/saker/${id}`);
}
