import { workingDaysAfter } from '../../lib/meetings/norwegian-holidays';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../lib/access/access-service';
import { listUndocumented } from '../../lib/cases/list-undocumented';
import { loadHandOff } from '../../lib/cases/load-hand-off';
import { markDocumented } from '../../lib/cases/mark-documented';
import { completeFollowUp } from '../../lib/history/follow-up-commands';
import { followUpOverview } from '../../lib/history/follow-up-overview';
import { getMinutes } from '../../lib/meetings/get-minutes';
import { approveMinutes } from '../../lib/minutes/approve-minutes';
import { editMinutesItem } from '../../lib/minutes/edit-minutes-item';
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

  /**
   * A case on a meeting that started an hour ago (by the one clock the server reads too), concluded
   * by the chair through the item's Yjs document as 'avklart' with the EPJ flag, a follow-up for its
   * caseworker ("Hvem dokumenterer" left unchosen) and the given conclusion; then locked and closed.
   */
  async function concludeWithEpjFlagAndClose(title: string, followUp: string, conclusion: string) {
    const { meetingId, caseId, authorId } = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() - 3600_000), title);
    const [item] = await syncAgenda(db, meetingId);
    const chairCookie = (await login(server.url, demo.chair, demo.password))!;
    const chairSocket = await connectSocket(server.url, chairCookie);
    sockets.push(chairSocket);
    expect(await chairSocket.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    const writer = connectYjs(server.url, `item:${item.id}`, chairCookie);
    clients.push(writer);
    await whenSynced(writer);
    writer.doc.transact(() => {
      writer.doc.getMap('item').set('outcome', 'avklart');
      // An avklaring needs a follow-up with an owner.
      applyItemContent(writer.doc, {
        epjDocumentation: true,
        followUps: [{ id: 'f1', ownerId: authorId, description: followUp, dueDate: '' }],
      });
      writer.doc.getText('item.conclusion').insert(0, conclusion);
    });
    await expect.poll(() => storedText(db, `item:${item.id}`, 'item.conclusion')).toBe(conclusion);
    expect(await chairSocket.emitWithAck('meeting:lock-item', { meetingId, itemId: item.id, locked: true })).toMatchObject({ ok: true });
    expect(await chairSocket.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
    return { meetingId, caseId, authorId, item };
  }

  it('creates the "document it" follow-up at close, closes it with the mark, and the leader’s list shrinks', async () => {
    const { meetingId, caseId, authorId } = await concludeWithEpjFlagAndClose(
      'EPJ-flagget sak',
      'Fatte vedtak',
      'Innvilget: høy alvorlighet og god nytte.',
    );

    const followUps = await db.followUp.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
    expect(followUps.map((f) => [f.kind, f.ownerId, f.description, f.doneAt])).toEqual([
      [null, authorId, 'Fatte vedtak', null],
      ['epj_documentation', authorId, 'Dokumenter konklusjonen i fagsystemet', null],
    ]);
    // Due three working days after the close (lib/meetings/norwegian-holidays.test.ts checks the counting).
    const closedAt = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).closedAt!;
    expect(followUps[1].dueDate).toBe(workingDaysAfter(closedAt, 3));
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
  it('after the mark, a correction of the draft minutes tells the caseworker, opens the follow-up again and asks for a new mark', async () => {
    // The review of issue 19: EPJ ticked with nobody named as "Hvem dokumenterer"; marked while the minutes were a draft.
    const { meetingId, caseId, authorId, item } = await concludeWithEpjFlagAndClose(
      'Rettet etter dokumentasjon',
      'Send vedtaket',
      'Innvilget 20 timer.',
    );

    const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
    const chair = (await loadActor(db, await userId(demo.chair)))!;
    const leader = (await loadActor(db, await userId(demo.leader)))!;
    const author = (await loadActor(db, authorId))!;
    const authorName = (await db.user.findUniqueOrThrow({ where: { id: authorId } })).name;
    // #3: the minutes name whom the follow-up went to (the caseworker), not "–".
    const epj = await db.followUp.findFirstOrThrow({ where: { caseId, kind: 'epj_documentation' } });
    expect(epj.ownerId).toBe(authorId);
    const minutes = await getMinutes({ db, actor: chair, meetingId });
    expect(minutes.items.find((i) => i.id === item.id)?.epjResponsible).toBe(authorName);

    // #2: the hand-off says the minutes are a draft.
    expect((await loadHandOff({ db, actor: author, caseId })).minutesDraft).toBe(true);
    await markDocumented({ db, actor: author, input: { caseId } });
    const markedAt = (await db.case.findUniqueOrThrow({ where: { id: caseId } })).documentedAt!;

    // #4: the mark closed the follow-up; /oppfolging offers no "Åpne igjen", and a forged reopening is refused.
    const row = (await followUpOverview({ db, actor: author })).followUps.find((f) => f.id === epj.id)!;
    expect([row.done, row.canComplete, row.closedByMark]).toEqual([true, false, true]);
    await expect(completeFollowUp({ db, actor: author, input: { followUpId: epj.id, done: false } })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await db.followUp.findUniqueOrThrow({ where: { id: epj.id } })).doneAt).not.toBeNull();
    const undocumentedBefore = (await listUndocumented({ db, actor: leader })).cases.map((c) => c.id);
    expect(undocumentedBefore).not.toContain(caseId);

    // The chair corrects the conclusion in the draft minutes.
    const correctedAt = new Date(markedAt.getTime() + 60_000);
    await editMinutesItem({
      db,
      actor: chair,
      input: { meetingId, itemId: item.id, notes: '', conclusion: 'Innvilget 24 timer.' },
      now: correctedAt,
    });
    const changed = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(changed.changedAfterDocumentedAt?.getTime()).toBe(correctedAt.getTime());
    const reopened = await db.followUp.findUniqueOrThrow({ where: { id: epj.id } });
    expect([reopened.doneAt, reopened.dueDate]).toEqual([null, workingDaysAfter(correctedAt, 3)]);
    expect(await db.followUp.count({ where: { caseId, kind: 'epj_documentation' } })).toBe(1);
    const notices = await db.notification.findMany({ where: { userId: authorId, link: `/saker/${caseId}/fagsystem` } });
    expect(notices.map((n) => n.text)).toEqual([
      'Referatet for «Rettet etter dokumentasjon» er rettet etter at saken ble markert som dokumentert i fagsystemet. Se hva som er endret, og oppdater fagsystemet.',
    ]);
    expect(await db.auditEvent.count({ where: { action: 'case.changed_after_documented', entityId: caseId, actorId: chair.userId } })).toBe(
      1,
    );
    const handOff = await loadHandOff({ db, actor: author, caseId });
    expect(handOff.changedAfterDocumented?.changes).toEqual([
      { field: 'conclusion', before: 'Innvilget 20 timer.', now: 'Innvilget 24 timer.' },
    ]);
    expect(handOff.blocks.find((b) => b.key === 'conclusion')?.text).toContain('Innvilget 24 timer.');
    expect((await listUndocumented({ db, actor: leader })).cases.map((c) => c.id)).toContain(caseId);

    // Marked again: settled, the follow-up closed, off the leader's list; approved minutes are no draft.
    await markDocumented({ db, actor: author, input: { caseId } });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).changedAfterDocumentedAt).toBeNull();
    expect((await db.followUp.findUniqueOrThrow({ where: { id: epj.id } })).doneAt).not.toBeNull();
    expect((await listUndocumented({ db, actor: leader })).cases.map((c) => c.id)).not.toContain(caseId);
    await approveMinutes({ db, actor: chair, input: { meetingId } });
    const settled = await loadHandOff({ db, actor: author, caseId });
    expect([settled.minutesDraft, settled.changedAfterDocumented]).toEqual([false, null]);
  });
});
