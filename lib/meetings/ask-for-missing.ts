import { z } from 'zod';
import { inhabilCaseIds, type Actor } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { CaseContentStore } from '../cases/case-content-store';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { formatDateTime } from '../i18n/format';
import { nbNotifications } from '../i18n/nb-notifications';
import { nbRecusal } from '../i18n/nb-recusal';
import { maskNationalIds } from '../privacy/national-id';
import { systemClock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { liveMissing } from './live-readiness';
import { loadMeetingForChair, loadMeetingForItemChair } from './load-meeting-for-chair';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
/** `again`: the chair confirmed asking a second time in the same meeting. */
export const askForMissingSchema = z.object({ meetingId: id, caseId: id, again: z.boolean().optional() });

export type LastAsk = { askedAt: Date; askedBy: string };

/** The latest ask per case of a meeting (case id → when and by whom), for the saksliste page. */
export async function lastAsks(db: Db, meetingId: string): Promise<Map<string, LastAsk>> {
  const rows = await db.missingAsk.findMany({
    where: { meetingId },
    orderBy: { askedAt: 'asc' },
    select: { caseId: true, askedAt: true, askedBy: { select: { name: true } } },
  });
  return new Map(rows.map((row) => [row.caseId, { askedAt: row.askedAt, askedBy: row.askedBy.name }]));
}

/**
 * The chair asks the caseworker of a case on the agenda to fill in what is
 * missing before the meeting: a notice in the app to the case's author,
 * naming what is missing (read from the case's live document), the ask
 * remembered and an audit entry, in one transaction. Only whoever may chair
 * the meeting, before it has closed; a case with nothing missing is refused.
 * A second ask in the same meeting is refused with the first one's time and
 * asker (`already_asked`) unless the chair confirmed it (`again`): the
 * caseworker gets one notice per click the chair meant.
 */
export async function askForMissing(options: {
  db: Db;
  actor: Actor;
  input: unknown;
  store: CaseContentStore;
  now?: Date;
}): Promise<{ caseworker: string; asked: LastAsk }> {
  const { db, actor } = options;
  const input = parseInput(askForMissingSchema, options.input);
  const now = options.now ?? systemClock.now();
  // Never about a case the chair is inhabil for (lib/access canChairItem on its item; per case, before it has one).
  const item = await db.agendaItem.findFirst({ where: { meetingId: input.meetingId, caseId: input.caseId }, select: { id: true } });
  const meeting = item
    ? await loadMeetingForItemChair(db, actor, input.meetingId, item.id)
    : await loadMeetingForChair(db, actor, input.meetingId);
  if (!item && (await inhabilCaseIds(db, actor.userId, [input.caseId])).has(input.caseId))
    throw new AppError('forbidden', nbRecusal.chairCommandRefused);
  const found = await db.case.findFirst({
    where: { id: input.caseId, meetingId: meeting.id, status: 'submitted' },
    select: { id: true, title: true, createdById: true, createdBy: { select: { name: true } } },
  });
  if (!found) throw new AppError('not_found');
  const missing = (await liveMissing(options.store, [found.id])).get(found.id);
  if (!missing) throw new AppError('conflict', 'nothing_missing');
  const me = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  await db.$transaction(async (tx) => {
    // The memory is checked where the ask is recorded, one ask of a case at a time: the case's row is
    // written first (to the value it has), so a second ask's transaction waits here — PostgreSQL's row
    // lock, SQLite's write lock — and then sees the first ask. Two clicks at once send one notice.
    await tx.$executeRaw`UPDATE "Case" SET "meetingId" = "meetingId" WHERE "id" = ${found.id}`;
    const earlier = await tx.missingAsk.findFirst({ where: { meetingId: meeting.id, caseId: found.id }, select: { id: true } });
    if (earlier && !input.again) throw new AppError('conflict', 'already_asked');
    await tx.notification.create({
      data: {
        userId: found.createdById,
        text: nbNotifications.missingBeforeMeeting(maskNationalIds(found.title), formatDateTime(meeting.startsAt), missing),
        link: `/saker/${found.id}`,
      },
    });
    await tx.missingAsk.create({ data: { meetingId: meeting.id, caseId: found.id, askedById: actor.userId, askedAt: now } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'case.ask_missing',
      entityType: 'case',
      entityId: found.id,
      unitId: meeting.unitId,
      detail: { meetingId: meeting.id, missing: missing.join(', '), ...(earlier ? { again: true } : {}) },
    });
  });
  return { caseworker: found.createdBy.name, asked: { askedAt: now, askedBy: me.name } };
}
