import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, demoItemDocument, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { storedText } from '../support/stored-document';
import { connectionClosed, connectYjs, markerSeen, rawUpgrade, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';

describe.each(databaseKinds)('Yjs over y-websocket on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let fixtures: Awaited<ReturnType<typeof demoFixtures>>;
  const cookies: Record<string, string> = {};
  const clients: YjsClient[] = [];
  const connect = (name: string, cookie: string | null) => {
    const client = connectYjs(server.url, name, cookie);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    fixtures = await demoFixtures(db);
    Object.assign(cookies, await loginDemoUsers(server.url, demo, demo.password));
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await db?.$disconnect();
    const code = await server?.stop('SIGTERM');
    if (code !== 0) console.log(server.logs.join('').split('\n').slice(-15).join('\n'));
    expect(code).toBe(0);
    await database?.drop();
  });

  it('lets two stock clients of the same unit converge on one document', async () => {
    const name = `case:${fixtures.draftCase.id}`;
    const a = connect(name, cookies.caseworker);
    const b = connect(name, cookies.caseworker2);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.text.insert(0, 'Faktum: flyttet i egen bolig. ');
    b.text.insert(0, 'Forslag: 12 timer. ');
    await waitFor(() => a.text.toString() === b.text.toString() && a.text.length > 40, 5000, 'convergence');
    expect(a.text.toString()).toContain('Faktum');
    expect(a.text.toString()).toContain('Forslag');
  });

  it('shows who is present through awareness', async () => {
    const name = await demoItemDocument(db);
    const a = connect(name, cookies.chair);
    const b = connect(name, cookies.caseworker);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.provider.awareness.setLocalStateField('field', 'notes');
    // The name is the chair's from the session, whatever the client says (awareness-filter.ts).
    await waitFor(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (s) => s.field === 'notes' && (s as { user?: { name: string } }).user?.name === 'Mona Møteleder',
        ),
      5000,
      'presence',
    );
  });

  it('refuses an upgrade without a session with 401, and sends no document byte', async () => {
    const result = await rawUpgrade(server.url, `/yjs/case:${fixtures.submittedCase.id}`, null);
    expect(result).toEqual({ status: 401, frames: 0 });
  });

  it('refuses a user of another unit with 403, and the stock client receives nothing', async () => {
    const name = `case:${fixtures.submittedCase.id}`;
    const writer = connect(name, cookies.caseworker);
    await whenSynced(writer);
    writer.text.insert(0, 'Kun for enheten.');
    expect(await rawUpgrade(server.url, `/yjs/${name}`, cookies.otherUnit)).toEqual({ status: 403, frames: 0 });
    const outsider = connect(name, cookies.otherUnit);
    // The stock client has tried and been turned away (it would retry): only now is "nothing" meaningful.
    await connectionClosed(outsider);
    expect(outsider.provider.synced).toBe(false);
    expect(outsider.text.toString()).toBe('');
    outsider.destroy();
    const other = await db.user.findUniqueOrThrow({ where: { email: demo.otherUnit } });
    expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: other.id, entityId: name } })).toBeGreaterThan(0);
  });

  it('refuses document names of any other shape', async () => {
    for (const path of ['/yjs/notes', '/yjs/case:', '/yjs/user:abcdefgh12', '/yjs/case:ABC%00', '/yjs/case:../../etc']) {
      expect((await rawUpgrade(server.url, path, cookies.caseworker)).status).toBe(400);
    }
    expect((await rawUpgrade(server.url, '/anything-else', cookies.caseworker)).status).toBe(404);
  });

  it('has no meeting-wide document: `meeting:<id>` is refused as an unknown kind, for every role, and nothing is stored', async () => {
    const name = `meeting:${fixtures.meeting.id}`;
    for (const role of ['caseworker', 'chair', 'leader', 'admin'] as const)
      expect(await rawUpgrade(server.url, `/yjs/${name}`, cookies[role]), role).toEqual({ status: 400, frames: 0 });
    expect(await db.yDocState.count({ where: { name } })).toBe(0);
    expect(await db.yDocUpdate.count({ where: { docName: name } })).toBe(0);
  });

  it('drops the edits of a read-only connection on the server', async () => {
    const name = await demoItemDocument(db);
    const writer = connect(name, cookies.caseworker);
    const viewer = connect(name, cookies.admin); // admins read case work, they do not write it
    const third = connect(name, cookies.leader);
    await Promise.all([whenSynced(writer), whenSynced(viewer), whenSynced(third)]);
    viewer.text.insert(0, 'SKULLE IKKE KOMME FRAM');
    writer.text.insert(writer.text.length, ' Notat fra saksbehandler.');
    // The viewer still receives others' edits …
    await waitFor(() => viewer.text.toString().includes('Notat fra saksbehandler'), 5000, 'viewer receives');
    await waitFor(() => third.text.toString().includes('Notat fra saksbehandler'), 5000, 'third receives');
    // Sent by the viewer after its edit: once the others have it, a relayed edit would have arrived too.
    await markerSeen(viewer, [writer, third]);
    // … but its own never reach anyone else, nor the store.
    expect(writer.text.toString()).not.toContain('SKULLE IKKE');
    expect(third.text.toString()).not.toContain('SKULLE IKKE');
    const late = connect(name, cookies.chair);
    await whenSynced(late);
    expect(late.text.toString()).toContain('Notat fra saksbehandler');
    expect(late.text.toString()).not.toContain('SKULLE IKKE');
  });

  it('logs every realtime opening of a case in the audit log', async () => {
    const caseworker = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    const openings = { action: 'case.open_realtime', actorId: caseworker.id, entityId: fixtures.draftCase.id };
    // Other tests open this draft too: count from here, so this opening is the one seen.
    const before = await db.auditEvent.count({ where: openings });
    const opener = connect(`case:${fixtures.draftCase.id}`, cookies.caseworker);
    await whenSynced(opener);
    opener.destroy();
    await expect.poll(() => db.auditEvent.count({ where: openings })).toBe(before + 1);
    const latest = await db.auditEvent.findFirstOrThrow({ where: openings, orderBy: { id: 'desc' } });
    expect(latest.unitId).toBe(fixtures.mainUnit.id);
  });

  it('writes edits within the durability window and compacts the log when the last client leaves', async () => {
    // A document no other test touches, so only this edit can have put the text in the store.
    const name = `case:${(await untouchedSubmittedCase()).id}`;
    expect(await storedText(db, name)).not.toContain('Lagret straks.');
    const client = connect(name, cookies.caseworker);
    await whenSynced(client);
    client.text.insert(client.text.length, ' Lagret straks.');
    // Written while the client is still connected: by the durability window's flush, not by an unload.
    await expect.poll(() => storedText(db, name), { timeout: 1000, interval: 10 }).toContain('Lagret straks.');
    expect(client.provider.wsconnected).toBe(true);

    client.destroy();
    await expect.poll(() => db.yDocUpdate.count({ where: { docName: name } })).toBe(0);
    const state = await db.yDocState.findUniqueOrThrow({ where: { name } });
    const restored = new Y.Doc();
    Y.applyUpdate(restored, new Uint8Array(state.state));
    expect(restored.getText('form.facts').toString()).toContain('Lagret straks.');
  });

  /** A submitted case of the main unit other than the fixtures' (the demo seed stores text for some cases). */
  async function untouchedSubmittedCase() {
    return db.case.findFirstOrThrow({
      where: { unitId: fixtures.mainUnit.id, status: 'submitted', id: { notIn: [fixtures.submittedCase.id, fixtures.draftCase.id] } },
      orderBy: { id: 'desc' },
    });
  }

  it('closes a connection that sends garbage, and the document survives', async () => {
    const name = `case:${fixtures.draftCase.id}`;
    const honest = connect(name, cookies.caseworker);
    await whenSynced(honest);
    const before = honest.text.toString();
    const { default: WebSocket } = await import('ws');
    const closeCode = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${name}`, { headers: { cookie: cookies.caseworker2 } });
      ws.on('open', () => ws.send(Buffer.from([0, 2, 200, 1, 2, 3, 4, 5])));
      ws.on('close', (code) => resolve(code));
    });
    expect(closeCode).toBe(4400);
    honest.text.insert(honest.text.length, ' Fortsatt i live.');
    const check = connect(name, cookies.caseworker2);
    await whenSynced(check);
    await waitFor(() => check.text.toString() === `${before} Fortsatt i live.`, 5000, 'intact document');
  });
});
