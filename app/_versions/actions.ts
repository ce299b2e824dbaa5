'use server';

import { redirect } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import { getDb } from '@/lib/db/db';
import { getItemContentStore } from '@/lib/meetings/item-content-store';
import { restoreVersion } from '@/lib/versions/restore-version';

/** Restores a version of a case or an item as a new edit, then shows its history again with a notice. */
export async function restoreVersionAction(formData: FormData): Promise<void> {
  const { actor } = await requireActor();
  const db = getDb();
  const input = { kind: formData.get('kind'), id: formData.get('id'), versionId: formData.get('versionId') };
  // A refusal (read-only, hidden, missing) answers "not found" (404), like a page the user may not see.
  await orNotFound(restoreVersion({ db, actor, input, cases: getCaseContentStore(), items: getItemContentStore() }));
  if (input.kind === 'case') redirect(`/saker/${String(input.id)}/versjoner?gjenopprettet=1`);
  const item = await db.agendaItem.findUniqueOrThrow({ where: { id: String(input.id) }, select: { meetingId: true } });
  redirect(`/moter/${item.meetingId}/punkter/${String(input.id)}/versjoner?gjenopprettet=1`);
}
