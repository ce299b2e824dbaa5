import type { Db } from '../db/db';
import type { MeetingDocuments } from './meeting-documents';

/**
 * Undoes the freezes of a lock that was called off — but only of items still
 * unlocked. `restore` gives open connections back the access they were
 * granted when they connected, so restoring an item someone else locked
 * meanwhile would make its editors writable again; that one stays frozen.
 */
export async function thawUnlocked(db: Db, documents: MeetingDocuments, names: string[]): Promise<void> {
  const ids = names.map((name) => name.replace(/^item:/, ''));
  const locked = new Set(
    (await db.agendaItem.findMany({ where: { id: { in: ids }, locked: true }, select: { id: true } })).map((row) => row.id),
  );
  for (const name of names) if (!locked.has(name.replace(/^item:/, ''))) await documents.changeAccess(name, 'restore');
}
