'use server';

import { requireActor } from '@/app/_auth/require-actor';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import { createCase } from '@/lib/cases/create-case';
import { getDb } from '@/lib/db/db';
import { orNotFound } from '@/app/_lib/or-not-found';

/**
 * Creates an empty draft in the unit, for *Ny sak*'s first edit (app/saker/ny):
 * no draft exists before something is typed; the form's content follows over
 * the case's document. A unit the person may not start cases in is "not
 * found", as the page is.
 */
export async function createDraftAction(unitId: unknown): Promise<{ id: string }> {
  const { actor } = await requireActor();
  // From the page's script a string; posted as a form (no script), its field.
  const value = unitId instanceof FormData ? unitId.get('unitId') : unitId;
  return orNotFound(
    createCase({
      db: getDb(),
      store: getCaseContentStore(),
      actor,
      input: { unitId: typeof value === 'string' && value ? value : undefined, content: {} },
    }),
  );
}
