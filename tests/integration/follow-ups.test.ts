import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentAccess, loadActor, requireCaseAccess, type Actor } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { completeFollowUp } from '../../lib/history/follow-up-commands';
import { followUpOverview } from '../../lib/history/follow-up-overview';
import { listMyCases } from '../../lib/cases/list-my-cases';
import { seedDemoData } from '../../lib/seed/demo-seed';
import { applyMigrations } from '../../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../../server/db/database-url';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';

/** Follow-ups and re-assessment dates on the real databases, with the demo's past meeting. */
describe.each(databaseKinds)('follow-up overview on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await applyMigrations(resolveDatabaseTarget(database.url));
    db = openDb(database.url);
    await seedDemoData(db);
    for (const [who, email] of Object.entries(demo)) {
      if (who !== 'password') actors[who] = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
    }
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('shows a leader the unit’s open and overdue follow-ups per owner, and the coming re-assessments', async () => {
    const overview = await followUpOverview({ db, actor: actors.leader });
    expect(overview.followUps.map((f) => [f.description, f.owner, f.overdue, f.canComplete])).toEqual([
      ['Skriv vedtak om midlertidig økning', 'Sara Saksbehandler', true, true],
    ]);
    expect(overview.byOwner).toEqual([{ owner: 'Sara Saksbehandler', open: 1, overdue: 1 }]);
    expect(overview.reassessments.map((r) => [r.title.slice(0, 13), r.overdue, r.canStartRevision])).toEqual([
      ['Økning av BPA', false, true],
    ]);
  });

  it('shows a caseworker only what is theirs, and another unit nothing', async () => {
    expect((await followUpOverview({ db, actor: actors.caseworker })).followUps).toHaveLength(1);
    const sindre = await followUpOverview({ db, actor: actors.caseworker2 });
    expect(sindre.followUps).toEqual([]);
    expect(sindre.reassessments).toEqual([]);
    const other = await followUpOverview({ db, actor: actors.otherUnit });
    expect(other.followUps).toEqual([]);
    expect(other.reassessments).toEqual([]);
  });

  it('keeps a closed meeting’s item documents and concluded cases to their own caseworker (and the unit’s leaders)', async () => {
    const items = await db.agendaItem.findMany({ where: { meeting: { status: 'closed' } }, select: { id: true, caseId: true } });
    const cases = await db.case.findMany({ where: { id: { in: items.map((i) => i.caseId!) } }, select: { id: true, createdById: true } });
    const saraItem = items.find((i) => cases.find((c) => c.id === i.caseId)?.createdById === actors.caseworker.userId)!;
    const sindreItem = items.find((i) => i.id !== saraItem.id)!;
    expect((await documentAccess(db, actors.caseworker, { kind: 'item', id: saraItem.id, name: `item:${saraItem.id}` })).level).toBe(
      'read',
    );
    expect((await documentAccess(db, actors.caseworker, { kind: 'item', id: sindreItem.id, name: `item:${sindreItem.id}` })).level).toBe(
      'none',
    );
    expect((await documentAccess(db, actors.leader, { kind: 'item', id: sindreItem.id, name: `item:${sindreItem.id}` })).level).toBe(
      'read',
    );
    await expect(requireCaseAccess(db, actors.caseworker, sindreItem.caseId!, 'read')).rejects.toMatchObject({ code: 'not_found' });
    await expect(requireCaseAccess(db, actors.caseworker, saraItem.caseId!, 'read')).resolves.toBeTruthy();
  });

  it('lets the owner tick a follow-up off and open it again; not a colleague, not another unit', async () => {
    const [followUp] = (await followUpOverview({ db, actor: actors.leader })).followUps;
    await expect(completeFollowUp({ db, actor: actors.caseworker2, input: { followUpId: followUp.id, done: true } })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    await expect(completeFollowUp({ db, actor: actors.otherUnit, input: { followUpId: followUp.id, done: true } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(completeFollowUp({ db, actor: actors.caseworker, input: { followUpId: 'not valid!', done: true } })).rejects.toThrow();

    await completeFollowUp({ db, actor: actors.caseworker, input: { followUpId: followUp.id, done: true } });
    const after = await followUpOverview({ db, actor: actors.leader });
    expect(after.followUps[0]).toMatchObject({ done: true, overdue: false });
    expect(after.byOwner).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: 'follow_up.complete', entityId: followUp.id } })).toBe(1);

    await completeFollowUp({ db, actor: actors.chair, input: { followUpId: followUp.id, done: false } });
    expect((await followUpOverview({ db, actor: actors.leader })).followUps[0].done).toBe(false);
  });
  it('a follow-up due on 31 December is overdue in the caseworker’s queue from Oslo’s midnight, not UTC’s', async () => {
    const item = await db.agendaItem.findFirstOrThrow({ where: { followUps: { some: {} } }, include: { followUps: true } });
    const followUp = await db.followUp.create({
      data: {
        agendaItemId: item.id,
        caseId: item.caseId,
        ownerId: actors.caseworker.userId,
        description: 'Nyttårsfrist',
        dueDate: '2026-12-31',
      },
    });
    const overdueAt = async (instant: string) =>
      (await listMyCases({ db, actor: actors.caseworker, sort: 'age', view: 'queue', now: new Date(instant) })).followUps.find(
        (f) => f.id === followUp.id,
      )?.overdue;
    // 23:50 on New Year's Eve in Oslo (22:50 UTC): still due today.
    expect(await overdueAt('2026-12-31T22:50:00Z')).toBe(false);
    // 00:50 on 1 January in Oslo, though still 31 December in UTC: overdue.
    expect(await overdueAt('2026-12-31T23:50:00Z')).toBe(true);
    await db.followUp.delete({ where: { id: followUp.id } });
  });
});
