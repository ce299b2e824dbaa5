import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../lib/access/access-service';
import { listUndocumented } from '../../lib/cases/list-undocumented';
import { markDocumented } from '../../lib/cases/mark-documented';
import type { Db } from '../../lib/db/db';
import { applyItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { systemClock } from '../../lib/time/clock';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { storedText } from '../support/stored-document';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * Issue 19: a meeting that sets the EPJ flag on a case makes, at close, the follow-up to document it;
 * the caseworker's mark closes it (audited) and the leader's list of what is not documented shrinks.
 * Real server, real sockets and Yjs, both databases.
 */
describe.each(databaseKinds)('the EPJ flag from close to documented on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  const sockets: Socket[] = [];
  const clients: YjsClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const c of clients) c.destroy();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('creates the "document it" follow-up at close, closes it with the mark, and the leader’s list shrinks', async () => {
    // A meeting that started an hour ago, by the one clock the server reads too.
    const { meetingId, caseId, authorId } = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() - 3600_000), 'EPJ-flagget sak');
    const [item] = await syncAgenda(db, meetingId);
    const chairCookie = (await login(server.url, demo.chair, demo.password))!;
    const chair = await connectSocket(server.url, chairCookie);
    sockets.push(chair);
    expect(await chair.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    const writer = connectYjs(server.url, `item:${item.id}`, chairCookie);
    clients.push(writer);
    await whenSynced(writer);
    writer.doc.transact(() => {
      writer.doc.getMap('item').set('outcome', 'avklart');
      applyItemContent(writer.doc, {
        epjDocumentation: true,
        followUps: [{ id: 'f1', ownerId: authorId, description: 'Fatte vedtak', dueDate: '' }],
      });
      writer.doc.getText('item.conclusion').insert(0, 'Innvilget: høy alvorlighet og god nytte.');
    });
    await expect.poll(() => storedText(db, `item:${item.id}`, 'item.conclusion')).toContain('høy alvorlighet');
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId, itemId: item.id, locked: true })).toMatchObject({ ok: true });
    expect(await chair.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });

    const followUps = await db.followUp.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
    expect(followUps.map((f) => [f.kind, f.ownerId, f.description, f.doneAt])).toEqual([
      [null, authorId, 'Fatte vedtak', null],
      ['epj_documentation', authorId, 'Dokumenter konklusjonen i fagsystemet', null],
    ]);
    const leader = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).id))!;
    const author = (await loadActor(db, authorId))!;
    const before = await listUndocumented({ db, actor: leader });
    expect(before.cases.map((c) => c.id)).toContain(caseId);
    expect(before.cases.find((c) => c.id === caseId)?.epjDocumentation).toBe(true);

    // A colleague may not mark it; the leader sees it but does not mark it either.
    const colleague = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker2 } })).id))!;
    await expect(markDocumented({ db, actor: colleague, input: { caseId } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(markDocumented({ db, actor: leader, input: { caseId } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(markDocumented({ db, actor: author, input: { caseId: 'not an id' } })).rejects.toMatchObject({ code: 'invalid_input' });

    await markDocumented({ db, actor: author, input: { caseId } });
    await markDocumented({ db, actor: author, input: { caseId } }); // a second mark changes nothing
    const marked = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(marked.documentedById).toBe(authorId);
    expect(marked.documentedAt).not.toBeNull();
    expect((await db.followUp.findFirstOrThrow({ where: { caseId, kind: 'epj_documentation' } })).doneAt).not.toBeNull();
    // The meeting's own follow-up stays open: only the "document it" one closes with the mark.
    expect((await db.followUp.findFirstOrThrow({ where: { caseId, kind: null } })).doneAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'case.mark_documented', entityId: caseId, actorId: authorId } })).toBe(1);
    const after = await listUndocumented({ db, actor: leader });
    expect(after.cases.map((c) => c.id)).not.toContain(caseId);
    expect(after.cases).toHaveLength(before.cases.length - 1);
    // A caseworker leads nothing: no overview.
    await expect(listUndocumented({ db, actor: author })).rejects.toMatchObject({ code: 'not_found' });
  });
});
