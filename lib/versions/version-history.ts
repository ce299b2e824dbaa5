import { z } from 'zod';
import { documentAccess, type Actor } from '../access/access-service';
import type { AccessLevel } from '../access/policy';
import { diffFields } from '../cases/diff-versions';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { logCaseReads } from '../history/log-case-reads';
import { maskTextFields } from '../privacy/national-id';
import { documentName, type DocumentKind } from '../realtime/document-name';
import { systemClock } from '../time/clock';
import { editorsBetween, sessionOf } from './attribution';
import type { VersionKind } from './record-version';

export type VersionDocument = { kind: DocumentKind; id: string };

/** A version's id in a history: which table it is in, and its row. */
export const versionIdSchema = z.string().regex(/^(case-version|document-version):[a-z0-9]{8,40}$/);

export type VersionEntry = {
  id: string;
  kind: VersionKind;
  at: Date;
  /** Who submitted, locked, closed or restored (null: unknown, e.g. a seeded row). */
  by: string | null;
  /** The content as it was, fødselsnummer masked (as every content view shows it). */
  content: Record<string, unknown>;
  /** Each field that differs from the previous version, with the people who edited it in between. */
  changes: { field: string; people: string[] }[];
};

const parseContent = (json: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** The stored rows of a document's history, oldest first, unmasked (restore reads these). */
export async function storedVersions(db: Db, doc: VersionDocument) {
  const snapshots = await db.documentVersion.findMany({
    where: doc.kind === 'case' ? { caseId: doc.id } : { itemId: doc.id },
    orderBy: { createdAt: 'asc' },
  });
  const submitted = doc.kind === 'case' ? await db.caseVersion.findMany({ where: { caseId: doc.id }, orderBy: { version: 'asc' } }) : [];
  const rows = [
    ...submitted.map((v) => ({
      id: `case-version:${v.id}`,
      kind: 'submitted' as VersionKind,
      at: v.submittedAt,
      byId: v.submittedById as string | null,
      content: parseContent(v.content),
    })),
    ...snapshots.map((v) => ({
      id: `document-version:${v.id}`,
      kind: v.kind as VersionKind,
      at: v.createdAt,
      byId: v.createdById,
      content: parseContent(v.content),
    })),
  ];
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * A case's or an item's version history: its submissions (CaseVersion) and
 * its snapshots (DocumentVersion: locked, meeting closed, restored) in one
 * list, newest first, each with who changed which field since the version
 * before (from the audit log's editing sessions, lib/versions/attribution.ts).
 * Needs read access to the document; showing it logs a `case.read` (view
 * `versions`) before anything is returned.
 */
export async function loadVersionHistory(options: { db: Db; actor: Actor; doc: VersionDocument; now?: Date }) {
  const { db, actor, doc } = options;
  const access = await documentAccess(db, actor, { ...doc, name: documentName(doc.kind, doc.id) }, options.now ?? systemClock.now());
  if (access.level === 'none' || !access.unitId) throw new AppError('not_found');
  const about = await describeDocument(db, doc);
  const rows = await storedVersions(db, doc);
  const events = await db.auditEvent.findMany({
    where: {
      entityType: doc.kind,
      entityId: doc.id,
      action: { in: doc.kind === 'case' ? ['case.update', 'version.restore'] : ['item.update', 'version.restore'] },
    },
    select: { actorId: true, at: true, detail: true },
  });
  const sessions = events.flatMap((event) => sessionOf(event) ?? []);
  const userIds = new Set([...rows.flatMap((r) => (r.byId ? [r.byId] : [])), ...sessions.map((s) => s.userId)]);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const nameOf = (id: string) => names.get(id) ?? id;
  const entries: VersionEntry[] = rows.map((row, index) => {
    const previous = index > 0 ? rows[index - 1] : null;
    const editors = editorsBetween(sessions, previous?.at ?? null, row.at);
    return {
      id: row.id,
      kind: row.kind,
      at: row.at,
      by: row.byId ? nameOf(row.byId) : null,
      content: maskTextFields(row.content),
      changes: diffFields(previous?.content ?? {}, row.content).map((change) => ({
        field: change.field,
        people: (editors.get(change.field) ?? []).map(nameOf).sort((a, b) => a.localeCompare(b, 'nb')),
      })),
    };
  });
  // Edited since the newest version (or ever, without one): who is working on which field now.
  const sinceLatest = editorsBetween(sessions, rows.at(-1)?.at ?? null, null);
  await logCaseReads(db, actor, about.caseId ? [{ caseId: about.caseId, unitId: access.unitId }] : [], 'versions');
  return {
    doc,
    title: about.title,
    caseId: about.caseId,
    meetingId: about.meetingId,
    level: access.level as Exclude<AccessLevel, 'none'>,
    entries: entries.reverse(),
    editedSinceLatest: [...sinceLatest].map(([field, people]) => ({ field, people: people.map(nameOf) })),
  };
}

export type VersionHistory = Awaited<ReturnType<typeof loadVersionHistory>>;

async function describeDocument(db: Db, doc: VersionDocument) {
  if (doc.kind === 'case') {
    const row = await db.case.findUniqueOrThrow({ where: { id: doc.id }, select: { title: true } });
    return { title: row.title, caseId: doc.id, meetingId: null };
  }
  const item = await db.agendaItem.findUniqueOrThrow({ where: { id: doc.id }, select: { title: true, caseId: true, meetingId: true } });
  const caseTitle = item.caseId ? (await db.case.findUnique({ where: { id: item.caseId }, select: { title: true } }))?.title : null;
  return { title: item.title ?? caseTitle ?? '', caseId: item.caseId, meetingId: item.meetingId };
}
