import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { readItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { storedDocument, storedText } from '../support/stored-document';
import { printLogsOnFailure, startTestServer } from '../support/test-server';
import { connectYjs, markerSeen, whenSynced, type YjsClient } from '../support/yjs-client';

type Reply = { ok: boolean; error?: string; message?: string };

/** A meeting with the chair's socket joined and an item made current (the meeting is open). */
async function openMeeting(kind: DatabaseKind) {
  const database = await createTestDatabase(kind);
  const server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
  const db = openDb(database.url);
  const cookies = await loginDemoUsers(server.url, demo, demo.password);
  const meetingId = (await demoFixtures(db)).meeting.id;
  const items = await syncAgenda(db, meetingId);
  const chair = await connectSocket(server.url, cookies.chair);
  const emit = (event: string, payload: Record<string, unknown>) =>
    chair.timeout(20_000).emitWithAck(event, { meetingId, ...payload }) as Promise<Reply>;
  expect(await emit('meeting:join', {})).toMatchObject({ ok: true });
  const avklaring = items.find((i) => i.purpose === 'avklaring')!;
  expect(await emit('meeting:set-current', { itemId: avklaring.id, openEarly: true })).toMatchObject({ ok: true });
  return { database, server, db, cookies, meetingId, items, chair, emit };
}

/** Makes the database refuse (SQLite, PostgreSQL) what `when` matches on inserts into `table`. */
async function refuseInserts(db: Db, kind: DatabaseKind, name: string, table: string, when: string, body?: string) {
  if (kind === 'sqlite') {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "${name}" BEFORE INSERT ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
  } else {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN ${body ?? "RAISE EXCEPTION 'refused by the test';"} END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "${name}" BEFORE INSERT ON "${table}" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`,
    );
  }
  return () => db.$executeRawUnsafe(kind === 'sqlite' ? `DROP TRIGGER "${name}"` : `DROP TRIGGER "${name}" ON "${table}"`);
}

/**
 * The A-list's one step (lib/meetings/a-list.ts) writes the outcome into the
 * items' documents in the same unit of work as it locks their rows: when a
 * document cannot store it, the step is refused as a whole — no item is left
 * locked as concluded with no outcome in its document.
 */
describe.each(databaseKinds)('the A-list step when a document cannot store its outcome, on %s', (kind) => {
  let m: Awaited<ReturnType<typeof openMeeting>>;
  printLogsOnFailure(() => m?.server);
  const outcomeOf = async (itemId: string) => {
    const doc = await storedDocument(m.db, `item:${itemId}`);
    const outcome = readItemContent(doc).outcome;
    doc.destroy();
    return outcome;
  };

  /** The longest backoff the server has logged for a failed write of `doc` (persistence-queue.ts). */
  const longestRetryMs = (doc: string) =>
    Math.max(
      0,
      ...m.server.logs
        .join('')
        .split('\n')
        .filter((line) => line.includes('yjs write failed') && line.includes(`"doc":"${doc}"`))
        .map((line) => Number(/"retryMs":(\d+)/.exec(line)?.[1] ?? 0)),
    );

  beforeAll(async () => {
    m = await openMeeting(kind);
  });
  afterAll(async () => {
    m?.chair.close();
    await m?.db.$disconnect();
    await m?.server.stop('SIGTERM');
    await m?.database.drop();
  });

  it('is refused whole, nothing locked, and goes through once the store takes writes again', async () => {
    const first = m.items.find((i) => i.purpose === 'orientering' && i.aList)!;
    const allow = await refuseInserts(m.db, kind, 'test_refuse_item_doc', 'YDocUpdate', `NEW."docName" = 'item:${first.id}'`);
    try {
      expect(await m.emit('meeting:conclude-a-list', {})).toMatchObject({ ok: false, error: 'unavailable' });
      expect(await m.db.agendaItem.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
        locked: false,
        status: 'pending',
        aListConcludedAt: null,
      });
      expect(await m.db.auditEvent.count({ where: { action: 'item.a_list_conclude' } })).toBe(0);
      // Hold the refusal until the document's next retry is further off than the lock waits (3 s): the step
      // below must not depend on the backoff's timing, but on the lock retrying the write itself.
      await expect.poll(() => longestRetryMs(`item:${first.id}`), { timeout: 20_000 }).toBeGreaterThan(3000);
    } finally {
      await allow();
    }
    // The refused step's outcome was put back: what the store writes now is the document as it was.
    await expect.poll(() => outcomeOf(first.id), { timeout: 10_000 }).not.toBe('tatt_til_orientering');
    expect(await m.emit('meeting:conclude-a-list', {})).toMatchObject({ ok: true });
    expect(await m.db.agendaItem.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ locked: true, status: 'concluded' });
    expect(await outcomeOf(first.id)).toBe('tatt_til_orientering');
  });
});

/**
 * A close that is refused thaws only what it froze and what is still
 * unlocked (lib/meetings/close-meeting.ts): of two closes at once, the one
 * that loses must not make the meeting the other just closed writable again.
 * PostgreSQL only: its trigger holds the first close's transaction open (with
 * the meeting claimed) while the second runs up to its own claim.
 */
describe('two closes at once on postgresql: the one refused leaves the closed meeting frozen', () => {
  let m: Awaited<ReturnType<typeof openMeeting>>;
  const clients: YjsClient[] = [];
  printLogsOnFailure(() => m?.server);

  beforeAll(async () => {
    m = await openMeeting('postgresql');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    m?.chair.close();
    await m?.db.$disconnect();
    await m?.server.stop('SIGTERM');
    await m?.database.drop();
  });

  it('keeps every item read-only after the other close committed', async () => {
    const item = m.items.find((i) => i.purpose === 'drofting') ?? m.items[0];
    const editor = connectYjs(m.server.url, `item:${item.id}`, m.cookies.chair);
    const watcher = connectYjs(m.server.url, `item:${item.id}`, m.cookies.leader);
    clients.push(editor, watcher);
    await Promise.all([whenSynced(editor), whenSynced(watcher)]);
    // The first close waits in its transaction, after claiming the meeting, as it logs the close: on an advisory lock
    // this test holds, not on a timer, so the second close runs inside that window however slow the machine is.
    const holder = new pg.Client({ connectionString: m.database.url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock(4242)');
    const allow = await refuseInserts(
      m.db,
      'postgresql',
      'test_slow_close',
      'AuditEvent',
      `NEW."action" = 'meeting.close'`,
      'PERFORM pg_advisory_xact_lock(4242); RETURN NEW;',
    );
    try {
      const waiting = (event: string) =>
        m.db.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = '${event}'`,
        );
      const first = m.emit('meeting:close', {});
      await expect.poll(async () => (await waiting('advisory'))[0].n, { timeout: 10_000, interval: 20 }).toBe(1);
      // The second close reads the meeting still open, freezes, and waits for the first one's claim.
      const second = m.emit('meeting:close', {});
      await expect.poll(async () => (await waiting('transactionid'))[0].n, { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
      await holder.query('SELECT pg_advisory_unlock(4242)');
      expect(await second).toMatchObject({ ok: false, error: 'conflict', message: 'meeting_closed' });
      expect(await first).toMatchObject({ ok: true });
    } finally {
      await holder.end();
      await allow();
    }
    expect(await m.db.meeting.findUniqueOrThrow({ where: { id: m.meetingId } })).toMatchObject({ status: 'closed' });
    // Whatever the open editor types now is refused by the server: it never reaches the watcher or the store.
    editor.doc.getText('item.notes').insert(0, 'Etter at møtet ble avsluttet.');
    await markerSeen(editor, [watcher]);
    expect(watcher.doc.getText('item.notes').toString()).not.toContain('Etter at møtet');
    expect(await storedText(m.db, `item:${item.id}`, 'item.notes')).not.toContain('Etter at møtet');
  });
});
