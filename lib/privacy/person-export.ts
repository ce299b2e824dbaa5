import type { Actor } from '../access/access-service';
import { canExportPersonData } from '../access/policy';
import { recordAuditEvents } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { caseReadEvents } from '../history/log-case-reads';
import { systemClock } from '../time/clock';

/**
 * Everything Samlet holds about one person reference in one unit, for a
 * right-of-access request (innsyn): the cases with every submitted version, every
 * other snapshot of their history (lib/versions/) and the current form, each time they came up in a meeting (notes, conclusion,
 * dissent, adjusted assessment, follow-ups), and who read or changed them
 * when (the access log). The export itself is logged: `person.export`, and a
 * `case.read` on every case it holds.
 */
export type PersonExport = Awaited<ReturnType<typeof exportPerson>>;

const parse = (json: string | null): unknown => {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
};

const snapshotOf = (v: { kind: string; createdAt: Date; content: string }) => ({
  kind: v.kind,
  at: v.createdAt.toISOString(),
  content: parse(v.content),
});

export async function exportPerson(options: {
  db: Db;
  actor: Actor;
  unitId: string;
  personRef: string;
  /** The live form of a case (its Yjs document), read through the server. */
  readLiveForm: (caseId: string) => Promise<Record<string, unknown>>;
  now?: Date;
}) {
  const { db, actor, unitId, personRef } = options;
  if (!canExportPersonData(actor.memberships, unitId)) throw new AppError('not_found');
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { name: true } });
  if (!unit) throw new AppError('not_found');
  const cases = await db.case.findMany({
    where: { unitId, personRef },
    orderBy: { createdAt: 'asc' },
    include: {
      createdBy: { select: { name: true } },
      versions: { orderBy: { version: 'asc' } },
      snapshots: { orderBy: { createdAt: 'asc' } },
    },
  });
  const caseIds = cases.map((c) => c.id);
  const items = await db.agendaItem.findMany({
    where: { caseId: { in: caseIds } },
    orderBy: { createdAt: 'asc' },
    include: { meeting: { select: { startsAt: true, status: true } }, followUps: true, snapshots: { orderBy: { createdAt: 'asc' } } },
  });
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: 'case', entityId: { in: caseIds } },
        { entityType: 'item', entityId: { in: items.map((i) => i.id) } },
      ],
    },
    orderBy: { id: 'asc' },
  });
  const userIds = new Set([
    ...items.flatMap((i) => i.followUps.map((f) => f.ownerId)),
    ...events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
  ]);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const liveForms = new Map<string, Record<string, unknown>>();
  for (const c of cases) if (!c.anonymisedAt) liveForms.set(c.id, await options.readLiveForm(c.id));

  const result = {
    generatedAt: (options.now ?? systemClock.now()).toISOString(),
    unit: unit.name,
    personRef,
    cases: cases.map((c) => ({
      id: c.id,
      title: c.title,
      caseType: c.caseType,
      level: c.level,
      purpose: c.purpose,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      submittedAt: c.submittedAt?.toISOString() ?? null,
      caseworker: c.createdBy.name,
      anonymisedAt: c.anonymisedAt?.toISOString() ?? null,
      currentForm: liveForms.get(c.id) ?? null,
      submittedVersions: c.versions.map((v) => ({
        version: v.version,
        submittedAt: v.submittedAt.toISOString(),
        content: parse(v.content),
      })),
      // The version history's other snapshots: when an item was locked, a meeting closed, a version restored.
      snapshots: c.snapshots.map(snapshotOf),
      meetings: items
        .filter((i) => i.caseId === c.id)
        .map((i) => ({
          meetingDate: i.meeting.startsAt.toISOString(),
          meetingStatus: i.meeting.status,
          purpose: i.purpose,
          outcome: i.outcome,
          referredTo: i.referredTo,
          notes: i.notes,
          conclusion: i.conclusion,
          dissent: i.dissent,
          adjustedAssessment: parse(i.adjustedAssessment),
          reassessmentDate: i.reassessmentDate,
          snapshots: i.snapshots.map(snapshotOf),
          followUps: i.followUps.map((f) => ({
            description: f.description,
            owner: names.get(f.ownerId) ?? null,
            dueDate: f.dueDate,
            doneAt: f.doneAt?.toISOString() ?? null,
          })),
        })),
    })),
    accessLog: events.map((e) => ({
      at: e.at.toISOString(),
      who: e.actorId ? (names.get(e.actorId) ?? e.actorId) : 'Samlet',
      action: e.action,
      entity: `${e.entityType}:${e.entityId}`,
      detail: parse(e.detail),
    })),
  };
  // The export and a read of each case in it, in one insert, before anything leaves.
  await recordAuditEvents(db, [
    { actorId: actor.userId, action: 'person.export', entityType: 'unit', entityId: unitId, unitId, detail: { cases: cases.length } },
    ...caseReadEvents(
      actor,
      cases.map((c) => ({ caseId: c.id, unitId })),
      'innsyn',
    ),
  ]);
  return result;
}
