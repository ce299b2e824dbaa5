import { DateTime } from 'luxon';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, type Actor } from '../../lib/access/access-service';
import { readCaseContent } from '../../lib/cases/case-document';
import type { Db } from '../../lib/db/db';
import { workingDaysBefore } from '../../lib/meetings/norwegian-holidays';
import { startRevision } from '../../lib/history/follow-up-commands';
import { prepareReassessmentDrafts } from '../../lib/history/reassessment-drafts';
import { reassessmentProposals } from '../../lib/history/reassessment-proposals';
import { seedDemoData } from '../../lib/seed/demo-seed';
import { fixedClock } from '../../lib/time/clock';
import { osloDate } from '../../lib/time/oslo';
import { osloZone } from '../../lib/time/oslo-zone';
import { applyMigrations } from '../../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../../server/db/database-url';
import { createYjsCaseContentStore } from '../../server/realtime/yjs/case-content-store';
import { DocumentRegistry } from '../../server/realtime/yjs/document-registry';
import { PrismaDocumentStore } from '../../server/realtime/yjs/document-store';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { storedDocument } from '../support/stored-document';

/**
 * Issue 19: a decided case with a re-assessment date is proposed to the chair of the last meeting
 * before that date, and its caseworker gets a prefilled revurdering draft ten working days before
 * that meeting's deadline — on the real databases, the demo seeded at a fixed instant, the clock moved by hand.
 */
describe.each(databaseKinds)('re-assessment proposals and drafts on %s', (kind) => {
  // A Wednesday morning in Oslo; nothing here depends on the hour the suite runs.
  const seededAt = new Date('2027-03-03T07:30:00Z');
  let database: TestDatabase;
  let db: Db;
  let registry: DocumentRegistry;
  let store: ReturnType<typeof createYjsCaseContentStore>;
  const actors: Record<string, Actor> = {};
  let decidedCaseId: string;
  let meetings: { id: string; startsAt: Date; submissionDeadline: Date }[];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await applyMigrations(resolveDatabaseTarget(database.url));
    db = openDb(database.url);
    await seedDemoData(db, { clock: fixedClock(seededAt) });
    for (const who of ['caseworker', 'caseworker2', 'chair', 'leader', 'otherUnit'] as const) {
      actors[who] = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: demo[who] } })).id))!;
    }
    registry = new DocumentRegistry(new PrismaDocumentStore(db), { flushMs: 1, compactEvery: 1000, log: pino({ level: 'silent' }) });
    store = createYjsCaseContentStore(registry);
    // The demo's decided BPA case (Sara's), its date moved to the day of the tenth coming meeting.
    const decided = await db.agendaItem.findFirstOrThrow({ where: { reassessmentDate: { not: null }, status: 'concluded' } });
    decidedCaseId = decided.caseId!;
    const unitId = (await db.case.findUniqueOrThrow({ where: { id: decidedCaseId } })).unitId;
    meetings = await db.meeting.findMany({
      where: { unitId, status: 'planned', startsAt: { gt: seededAt } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true, submissionDeadline: true },
    });
    expect(meetings.length).toBeGreaterThan(10);
    await db.agendaItem.update({ where: { id: decided.id }, data: { reassessmentDate: osloDate(meetings[9].startsAt) } });
  });

  afterAll(async () => {
    await registry?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  const proposedTo = async (meetingIndex: number, actor: Actor, now: Date) =>
    (await reassessmentProposals({ db, actor, meetingId: meetings[meetingIndex].id, now })).map((p) => p.caseId);

  it('proposes the case to the chair of the last meeting before its date, with the earlier conclusion, and logs the read', async () => {
    const now = seededAt;
    expect(await proposedTo(8, actors.chair, now)).toEqual([decidedCaseId]);
    // Not the meeting on the date itself, nor an earlier one.
    expect(await proposedTo(9, actors.chair, now)).toEqual([]);
    expect(await proposedTo(7, actors.chair, now)).toEqual([]);
    const [proposal] = await reassessmentProposals({ db, actor: actors.chair, meetingId: meetings[8].id, now });
    expect(proposal).toMatchObject({ caseworker: 'Sara Saksbehandler', outcome: 'avklart', draftReady: false });
    expect(proposal.conclusion).toMatch(/^Midlertidig økning til 28 timer/);
    const logged = await db.auditEvent.findMany({ where: { action: 'case.read', entityId: decidedCaseId, actorId: actors.chair.userId } });
    expect(logged.map((e) => JSON.parse(e.detail!).view)).toContain('reassessment_proposal');
  });

  it('shows the proposals to whoever may chair, and to nobody else', async () => {
    expect(await proposedTo(8, actors.caseworker, seededAt)).toEqual([]);
    expect(await proposedTo(8, actors.otherUnit, seededAt)).toEqual([]);
  });

  it('prepares the caseworker’s draft ten working days before that meeting’s deadline, once, and tells her', async () => {
    const dueDay = workingDaysBefore(osloDate(meetings[8].submissionDeadline), 10);
    // The last minute of the day before (Oslo), then the first minute of the day.
    const onTheDay = DateTime.fromISO(dueDay, { zone: osloZone }).toJSDate();
    const before = new Date(onTheDay.getTime() - 60_000);
    expect(await prepareReassessmentDrafts({ db, store, now: before })).toBe(0);
    expect(await db.case.count({ where: { revisesCaseId: decidedCaseId } })).toBe(0);
    expect(await prepareReassessmentDrafts({ db, store, now: onTheDay })).toBe(1);
    expect(await prepareReassessmentDrafts({ db, store, now: onTheDay })).toBe(0);

    const draft = await db.case.findFirstOrThrow({ where: { revisesCaseId: decidedCaseId } });
    expect(draft).toMatchObject({ status: 'draft', createdById: actors.caseworker.userId, caseType: 'revurdering' });
    const doc = await storedDocument(db, `case:${draft.id}`);
    const content = readCaseContent(doc);
    doc.destroy();
    expect(content.question).toMatch(/^Revurdering: Økning av BPA/);
    expect(content.hasOngoingDecision).toBe(true);
    expect(String(content.ongoingDecisionWhat)).toMatch(/^Konklusjon i saksmøtet .* \(avklart\): Midlertidig økning til 28 timer/);
    const notices = await db.notification.findMany({ where: { userId: actors.caseworker.userId, link: `/saker/${draft.id}` } });
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toMatch(/^Et utkast til revurdering av «Økning av BPA.*» er klart\. .*foreslått til møtet/);
    // Made by no one: the log says it came from the re-assessment date, for the caseworker.
    const created = await db.auditEvent.findFirstOrThrow({ where: { action: 'case.create', entityId: draft.id } });
    expect(created.actorId).toBeNull();
    expect(JSON.parse(created.detail!)).toEqual({ by: 'reassessment_date', for: actors.caseworker.userId });
    // The chair now sees that the draft is ready.
    const [proposal] = await reassessmentProposals({ db, actor: actors.chair, meetingId: meetings[8].id, now: onTheDay });
    expect(proposal.draftReady).toBe(true);
  });

  it('keeps proposing a case whose draft was deleted, makes none again by itself, and Start revurdering makes a new one', async () => {
    const [draft] = await db.case.findMany({ where: { revisesCaseId: decidedCaseId } });
    await db.case.update({ where: { id: draft.id }, data: { status: 'deleted' } });
    const [proposal] = await reassessmentProposals({ db, actor: actors.chair, meetingId: meetings[8].id, now: seededAt });
    expect(proposal).toMatchObject({ caseId: decidedCaseId, draftReady: false });
    const later = new Date(meetings[8].submissionDeadline.getTime() - 24 * 3600_000);
    expect(await prepareReassessmentDrafts({ db, store, now: later })).toBe(0);
    const started = await startRevision({ db, store, actor: actors.caseworker, input: { caseId: decidedCaseId } });
    expect(started.id).not.toBe(draft.id);
    expect((await db.case.findUniqueOrThrow({ where: { id: started.id } })).status).toBe('draft');
  });

  it('stops proposing the case once its revurdering is submitted', async () => {
    await db.case.updateMany({ where: { revisesCaseId: decidedCaseId }, data: { status: 'submitted' } });
    expect(await proposedTo(8, actors.chair, seededAt)).toEqual([]);
  });
});
