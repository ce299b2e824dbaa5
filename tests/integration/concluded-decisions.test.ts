import { DateTime } from 'luxon';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inhabilCaseIds, loadActor, recusedItemIds, type Actor } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { backfillConcludedDecisions } from '../../lib/history/concluded-decisions';
import { likeCaseDeviation } from '../../lib/history/like-case-deviation';
import { similarForCases, targetProfile } from '../../lib/history/similar-cases';
import { likeCaseThreshold, mostSimilar } from '../../lib/history/similarity';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { maskNationalIds as mask } from '../../lib/privacy/national-id';
import { runRetention } from '../../lib/privacy/retention';
import { systemClock } from '../../lib/time/clock';
import { osloZone } from '../../lib/time/oslo-zone';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { seedEarlierLikeCase } from '../support/like-case';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { storedDocument } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, whenSynced, type YjsClient } from '../support/yjs-client';

const outcomes = ['tatt_til_orientering', 'droftet', 'avklart', 'henvist'] as const;

/**
 * The similar earlier decisions as they were computed before the store
 * (lib/history/concluded-decisions.ts) existed, kept here as the reference:
 * the unit's search entries with an outcome in the window, each entry's
 * masked title and text split into words on every call, the conclusions read
 * from the agenda items. For an actor who sees the unit's whole history.
 */
async function similarFromSearchEntries(db: Db, actor: Actor, caseIds: string[]) {
  const [recused, inhabil] = await Promise.all([recusedItemIds(db, actor.userId), inhabilCaseIds(db, actor.userId)]);
  const since = DateTime.fromJSDate(systemClock.now(), { zone: osloZone }).startOf('day').minus({ years: 3 }).toJSDate();
  const cases = await db.case.findMany({
    where: { id: { in: caseIds } },
    select: { id: true, unitId: true, title: true, caseType: true, level: true, versions: { orderBy: { version: 'desc' }, take: 1 } },
  });
  const result: Record<string, { itemId: string; title: string; outcome: string | null; conclusion: string | null; score: number }[]> = {};
  for (const row of cases) {
    const entries = await db.searchEntry.findMany({
      where: { unitId: row.unitId, meetingDate: { gte: since }, outcome: { not: null } },
      orderBy: { meetingDate: 'desc' },
      take: 2000,
    });
    const candidates = entries
      .filter((e) => !recused.has(e.itemId) && !(e.caseId && inhabil.has(e.caseId)) && e.caseId !== row.id)
      .map((e) => ({
        entry: e,
        caseType: e.caseType,
        level: e.level,
        severity: e.severityLevel,
        benefit: e.benefitLevel,
        resource: e.resourceLevel,
        text: mask(`${e.title}\n${e.body}`),
      }));
    const top = mostSimilar(targetProfile(row), candidates, 5);
    const conclusions = new Map(
      (await db.agendaItem.findMany({ where: { id: { in: top.map((t) => t.candidate.entry.itemId) } } })).map((i) => [i.id, i.conclusion]),
    );
    result[row.id] = top.map(({ candidate: { entry }, score }) => ({
      itemId: entry.itemId,
      title: mask(entry.title),
      outcome: entry.outcome,
      conclusion: mask(conclusions.get(entry.itemId) ?? null),
      score,
    }));
  }
  return result;
}

/** Best first; ties (equal scores) in a fixed order, since the two reads may list equal dates differently. */
const ordered = <T extends { itemId: string; score: number }>(list: readonly T[]) =>
  [...list].sort((a, b) => b.score - a.score || a.itemId.localeCompare(b.itemId));

/**
 * The store of concluded decisions the similar-cases panel and the like-case
 * check read: written in the lock's transaction and the close's, removed by an
 * unlock and by retention, back-filled at start, and giving the room the same
 * earlier decisions as the computation it replaced.
 */
describe.each(databaseKinds)('concluded decisions stored at the lock and the close (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let meetingId: string;
  let chair: Socket;
  const writers: YjsClient[] = [];
  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    meetingId = (await demoFixtures(db)).meeting.id;
    chair = await connectSocket(server.url, cookies.chair);
    expect(await chair.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    for (const writer of writers) writer.destroy();
    chair?.disconnect();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const itemOf = async (purpose: string) => (await syncAgenda(db, meetingId)).find((i) => i.purpose === purpose && i.caseId)!;
  const writerFor = async (itemId: string) => {
    const writer = connectYjs(server.url, `item:${itemId}`, cookies.chair);
    writers.push(writer);
    await whenSynced(writer);
    return writer;
  };
  const setField = async (writer: YjsClient, itemId: string, field: string, value: string) => {
    writer.doc.getMap('item').set(field, value);
    await expect.poll(async () => (await storedDocument(db, `item:${itemId}`)).getMap('item').get(field)).toBe(value);
  };
  const lock = (itemId: string, locked: boolean, deviationReason?: string) =>
    chair.timeout(8000).emitWithAck('meeting:lock-item', { meetingId, itemId, locked, ...(deviationReason ? { deviationReason } : {}) });
  const stored = (itemId: string) => db.concludedDecision.findUnique({ where: { itemId } });

  it('gives the room the same earlier decisions and like-case deviations as the computation it replaced', async () => {
    const item = await itemOf('drofting');
    const found = await db.case.findUniqueOrThrow({
      where: { id: item.caseId! },
      include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
    });
    // One earlier decision just like a case on the agenda, so that a deviation is among what is compared.
    await seedEarlierLikeCase(db, {
      caseType: found.caseType,
      level: found.level,
      content: JSON.parse(found.versions[0].content) as Record<string, string>,
      title: 'Tidligere lik sak om miljøarbeid',
      outcome: 'henvist',
      alsoText: found.title,
    });
    const caseIds = (await syncAgenda(db, meetingId)).flatMap((i) => (i.caseId ? [i.caseId] : []));
    for (const email of [demo.chair, demo.leader]) {
      const actor = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
      const before = await similarFromSearchEntries(db, actor, caseIds);
      const now = await similarForCases({ db, actor, caseIds });
      expect(Object.keys(now).sort(), email).toEqual(Object.keys(before).sort());
      for (const caseId of caseIds) {
        const shown = (now[caseId] ?? []).map(({ itemId, title, outcome, conclusion, score }) => ({
          itemId,
          title,
          outcome,
          conclusion,
          score,
        }));
        expect(ordered(shown), `${email} ${caseId}`).toEqual(ordered(before[caseId] ?? []));
        expect(shown.length).toBeGreaterThan(0);
        for (const outcome of outcomes) {
          const [top] = before[caseId] ?? [];
          const expected = top && top.score >= likeCaseThreshold && top.outcome && top.outcome !== outcome ? top.itemId : null;
          expect((await likeCaseDeviation({ db, actor, caseId, outcome }))?.itemId ?? null, `${caseId} ${outcome}`).toBe(expected);
        }
      }
      // The like case is found (and departs from every outcome but its own): the comparison is not of empty lists.
      expect((await likeCaseDeviation({ db, actor, caseId: found.id, outcome: 'droftet' }))?.title).toBe(
        'Tidligere lik sak om miljøarbeid',
      );
    }
  });

  it('back-fills at start the decisions of meetings closed before the store existed', async () => {
    const { pastMeeting } = await demoFixtures(db);
    const without = ({ writtenAt: _w, ...row }: { writtenAt: Date } & Record<string, unknown>) => row;
    const written = (await db.concludedDecision.findMany({ where: { meetingId: pastMeeting.id }, orderBy: { itemId: 'asc' } })).map(
      without,
    );
    expect(written.length).toBe(await db.searchEntry.count({ where: { meetingId: pastMeeting.id, outcome: { not: null } } }));
    expect(written.length).toBeGreaterThan(0);
    // As the migration leaves a database that has history: the table is there and empty.
    await db.concludedDecision.deleteMany({ where: { meetingId: pastMeeting.id } });
    await server.stop('SIGTERM');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    const filled = (await db.concludedDecision.findMany({ where: { meetingId: pastMeeting.id }, orderBy: { itemId: 'asc' } })).map(without);
    expect(filled).toEqual(written);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    chair = await connectSocket(server.url, cookies.chair);
    expect(await chair.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
  });

  it('two nodes back-filling the same meetings at once both start, and each decision is stored once', async () => {
    const { pastMeeting } = await demoFixtures(db);
    const before = await db.concludedDecision.findMany({ where: { meetingId: pastMeeting.id }, orderBy: { itemId: 'asc' } });
    expect(before.length).toBeGreaterThan(0);
    await db.concludedDecision.deleteMany({ where: { meetingId: pastMeeting.id } });
    // Two database clients, as two nodes starting together after the migration: both count the same meeting as missing.
    const [nodeA, nodeB] = [openDb(database.url), openDb(database.url)];
    try {
      const now = systemClock.now();
      const filled = await Promise.all([backfillConcludedDecisions(nodeA, now), backfillConcludedDecisions(nodeB, now)]);
      // Whichever came second may have found the meeting filled already; at least one filled it.
      expect(Math.max(...filled)).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all([nodeA.$disconnect(), nodeB.$disconnect()]);
    }
    const after = await db.concludedDecision.findMany({ where: { meetingId: pastMeeting.id }, orderBy: { itemId: 'asc' } });
    expect(after.map(({ writtenAt: _w, ...row }) => row)).toEqual(before.map(({ writtenAt: _w, ...row }) => row));
  });

  it('a lock writes the decision, an unlock removes it and a relock writes it as relocked', async () => {
    const item = await itemOf('drofting');
    const writer = await writerFor(item.id);
    await setField(writer, item.id, 'outcome', 'droftet');
    const reason = 'Pårørende avlaster mer enn i den forrige saken.';
    expect(await lock(item.id, true, reason)).toMatchObject({ ok: true });
    const caseRow = await db.case.findUniqueOrThrow({ where: { id: item.caseId! } });
    const row = await stored(item.id);
    expect(row).toMatchObject({ meetingId, caseId: caseRow.id, unitId: caseRow.unitId, outcome: 'droftet', caseType: caseRow.caseType });
    // The case's own words are what later cases are compared with.
    const titleWord = caseRow.title
      .toLowerCase()
      .match(/[\p{L}\p{N}]{4,}/u)![0]
      .slice(0, 8);
    expect(row!.words.split(' ')).toContain(titleWord);

    expect(await lock(item.id, false)).toMatchObject({ ok: true });
    expect(await stored(item.id)).toBeNull();

    await setField(writer, item.id, 'outcome', 'henvist');
    await setField(writer, item.id, 'referredTo', 'leder');
    expect(await lock(item.id, true, reason)).toMatchObject({ ok: true });
    expect(await stored(item.id)).toMatchObject({ outcome: 'henvist' });
    expect(await db.concludedDecision.count({ where: { itemId: item.id } })).toBe(1);
  });

  it('a refused lock writes none', async () => {
    const item = await itemOf('avklaring');
    const writer = await writerFor(item.id);
    // An avklaring needs a conclusion and an owner: refused, nothing stored.
    await setField(writer, item.id, 'outcome', 'avklart');
    expect(await lock(item.id, true, 'En grunn.')).toMatchObject({ ok: false, error: 'invalid_input' });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).locked).toBe(false);
    expect(await stored(item.id)).toBeNull();
    // Departing from the like case without a reason: refused, nothing stored.
    const drofting = await itemOf('drofting');
    expect(await lock(drofting.id, false)).toMatchObject({ ok: true });
    const other = await writerFor(drofting.id);
    await setField(other, drofting.id, 'outcome', 'droftet');
    expect(await lock(drofting.id, true)).toMatchObject({ ok: false, fields: { deviation_reason_required: 'deviation_reason_required' } });
    expect(await stored(drofting.id)).toBeNull();
  });

  it('the close stores every decided item, keeping the time of its lock, and retention removes them with the case', async () => {
    const drofting = await itemOf('drofting');
    expect(await lock(drofting.id, true, 'Pårørende avlaster mer enn i den forrige saken.')).toMatchObject({ ok: true });
    const lockedAt = (await stored(drofting.id))!.concludedAt;
    expect(await chair.timeout(15_000).emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
    const entries = await db.searchEntry.findMany({ where: { meetingId, outcome: { not: null } } });
    const rows = await db.concludedDecision.findMany({ where: { meetingId } });
    expect(rows.map((r) => r.itemId).sort()).toEqual(entries.map((e) => e.itemId).sort());
    expect(rows.find((r) => r.itemId === drofting.id)).toMatchObject({ outcome: 'droftet', concludedAt: lockedAt });

    const before = await db.concludedDecision.findMany({ where: { caseId: { not: null } }, select: { caseId: true } });
    // Far past every retention period: each concluded history is due.
    await runRetention(db, { months: 1, now: new Date(systemClock.now().getTime() + 10 * 365 * 24 * 3600_000), rest: async () => {} });
    const anonymised = new Set((await db.case.findMany({ where: { anonymisedAt: { not: null } }, select: { id: true } })).map((c) => c.id));
    const gone = before.filter((r) => anonymised.has(r.caseId!));
    expect(gone.length).toBeGreaterThan(0);
    expect(await db.concludedDecision.count({ where: { caseId: { in: [...anonymised] } } })).toBe(0);
    // And the panel no longer shows them to anyone.
    const leader = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).id))!;
    const open = await db.case.findMany({ where: { status: 'submitted', anonymisedAt: null }, select: { id: true } });
    expect(open.length).toBeGreaterThan(0);
    const shown = Object.values(await similarForCases({ db, actor: leader, caseIds: open.map((c) => c.id) })).flat();
    expect(shown.filter((s) => gone.some((g) => rows.some((r) => r.itemId === s.itemId && r.caseId === g.caseId)))).toEqual([]);
  });
});
