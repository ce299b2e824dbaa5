import type { Db, DbTransaction } from '../db/db';

/** Why a snapshot was taken. Submissions are CaseVersion rows (kind `submitted` in a history). */
// `minutes_edited`: the chair or the referent corrected the draft minutes' text of an item (lib/minutes/edit-minutes-item.ts).
export const snapshotKinds = ['locked', 'meeting_closed', 'restored', 'minutes_edited'] as const;
export type SnapshotKind = (typeof snapshotKinds)[number];
export type VersionKind = 'submitted' | SnapshotKind;

export type SnapshotInput = {
  kind: SnapshotKind;
  /** The plain content, as the document's readers produce it (readCaseContent / readItemContent). */
  content: Record<string, unknown>;
  createdById: string | null;
  meetingId?: string | null;
  /** For `restored`: the version id it restored (`case-version:<id>` / `document-version:<id>`). */
  restoredFrom?: string | null;
  now: Date;
} & ({ caseId: string; itemId?: never } | { itemId: string; caseId?: never });

/**
 * Freezes a case's or an item's document as it stands into a DocumentVersion
 * row: plain JSON, never a Yjs blob, so a history reads it as the agenda reads
 * CaseVersion. Written in the caller's transaction (the lock, the close).
 */
export async function recordSnapshot(db: Db | DbTransaction, input: SnapshotInput): Promise<string> {
  const row = await db.documentVersion.create({
    data: {
      documentKind: input.caseId ? 'case' : 'item',
      caseId: input.caseId ?? null,
      itemId: input.itemId ?? null,
      kind: input.kind,
      content: JSON.stringify(input.content),
      createdById: input.createdById,
      meetingId: input.meetingId ?? null,
      restoredFrom: input.restoredFrom ?? null,
      createdAt: input.now,
    },
    select: { id: true },
  });
  return row.id;
}
