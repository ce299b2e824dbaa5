import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, type Actor } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { loadMinutesApproval } from '../../lib/minutes/load-minutes-approval';
import { AppError } from '../../lib/errors/app-error';
import { searchHistory } from '../../lib/history/search-history';
import { workingDaysAfter } from '../../lib/meetings/norwegian-holidays';
import { applyItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { approveMinutes } from '../../lib/minutes/approve-minutes';
import { commentOnMinutes } from '../../lib/minutes/comment-on-minutes';
import { editMinutesItem } from '../../lib/minutes/edit-minutes-item';
import { remindUnapprovedMinutes } from '../../lib/minutes/remind-unapproved-minutes';
import { setApprovalPeriod } from '../../lib/minutes/set-approval-period';
import { fixedClock, systemClock } from '../../lib/time/clock';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { storedText } from '../support/stored-document';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, whenSynced, type YjsClient } from '../support/yjs-client';

/** The refusal a command throws, as code and message (reason), or null when it went through. */
async function refusal(run: Promise<unknown>): Promise<string | null> {
  try {
    await run;
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.code === 'invalid_input'
      ? `invalid_input:${Object.values(error.fields ?? {}).join(',')}`
      : `${error.code}:${error.message}`;
  }
}

/**
 * Minutes people approve (issue 19), on both databases: a meeting closed for real (sockets, Yjs) leaves
 * its minutes a draft for the unit's period; the rules of comments, edits and approval; the reminder
 * to the chair with a fixed clock, once.
 */
describe.each(databaseKinds)('minutes people approve on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  const sockets: Socket[] = [];
  const clients: YjsClient[] = [];
  const actors: Record<string, Actor> = {};
  let meetingId: string;
  let itemId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    for (const role of ['caseworker', 'caseworker2', 'chair', 'admin'] as const) {
      const user = await db.user.findUniqueOrThrow({ where: { email: demo[role] } });
      actors[role] = (await loadActor(db, user.id))!;
    }
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const c of clients) c.destroy();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('leaves the minutes a draft for the unit’s period when the meeting closes', async () => {
    const created = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() - 3600_000), 'Sak til referatgodkjenning');
    meetingId = created.meetingId;
    // The unit's administrator sets three working days; a bad value is refused with a Norwegian message key.
    expect(await refusal(setApprovalPeriod({ db, actor: actors.admin, input: { unitId: created.unitId, days: '0' } }))).toBe(
      'invalid_input:days_range',
    );
    expect(await refusal(setApprovalPeriod({ db, actor: actors.caseworker, input: { unitId: created.unitId, days: '3' } }))).toBe(
      'not_found:not_found',
    );
    await setApprovalPeriod({ db, actor: actors.admin, input: { unitId: created.unitId, days: '3' } });
    [{ id: itemId }] = await syncAgenda(db, meetingId);
    const [chairCookie, saraCookie] = [
      (await login(server.url, demo.chair, demo.password))!,
      (await login(server.url, demo.caseworker, demo.password))!,
    ];
    const chair = await connectSocket(server.url, chairCookie);
    const sara = await connectSocket(server.url, saraCookie);
    sockets.push(chair, sara);
    expect(await chair.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    expect(await sara.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    const writer = connectYjs(server.url, `item:${itemId}`, chairCookie);
    clients.push(writer);
    await whenSynced(writer);
    writer.doc.transact(() => {
      writer.doc.getMap('item').set('outcome', 'avklart');
      // An outcome needs someone to act on it before the item locks.
      applyItemContent(writer.doc, { followUps: [{ id: 'f1', ownerId: created.authorId, description: 'Skriv vedtak', dueDate: '' }] });
      writer.doc.getText('item.conclusion').insert(0, 'Innvilget avlastning to helger i måneden.');
    });
    await expect.poll(() => storedText(db, `item:${itemId}`, 'item.conclusion')).toContain('to helger');
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId, itemId, locked: true })).toMatchObject({ ok: true });
    expect(await chair.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
    const closed = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect([closed.minutesStatus, closed.minutesDraftUntil]).toEqual(['draft', workingDaysAfter(closed.closedAt!, 3)]);
    await db.unit.update({ where: { id: created.unitId }, data: { minutesApprovalDays: 2 } });
  });

  it('takes comments from participants only, with no national identity number', async () => {
    expect(await refusal(commentOnMinutes({ db, actor: actors.caseworker, input: { meetingId, text: 'Fnr 15039212258 står feil' } }))).toBe(
      'invalid_input:national_id',
    );
    expect(await refusal(commentOnMinutes({ db, actor: actors.caseworker, input: { meetingId, text: 'ok' } }))).toBe(
      'invalid_input:comment_required',
    );
    // Sindre was not there (and the closed meeting's minutes are not his history): hidden as missing.
    expect(await refusal(commentOnMinutes({ db, actor: actors.caseworker2, input: { meetingId, text: 'Jeg var ikke der.' } }))).toBe(
      'not_found:not_found',
    );
    // Anne, the admin, reads the minutes but took no part.
    expect(await refusal(commentOnMinutes({ db, actor: actors.admin, input: { meetingId, text: 'Jeg var ikke der.' } }))).toBe(
      'forbidden:not_participant',
    );
    await commentOnMinutes({ db, actor: actors.caseworker, input: { meetingId, text: 'Det var tre helger, ikke to.' } });
    const comments = await db.minutesComment.findMany({ where: { meetingId } });
    expect(comments.map((c) => [c.authorId, c.text])).toEqual([[actors.caseworker.userId, 'Det var tre helger, ikke to.']]);
    const audit = await db.auditEvent.findMany({ where: { action: 'minutes.comment', entityId: meetingId } });
    expect(audit.map((a) => a.actorId)).toEqual([actors.caseworker.userId]);
    // A comment may be about any item: whoever was inhabil for one of them sees only their own.
    const shown = async () => (await loadMinutesApproval({ db, actor: actors.chair, meetingId })).comments.map((c) => c.text);
    expect(await shown()).toEqual(['Det var tre helger, ikke to.']);
    const recusal = await db.recusal.create({ data: { itemId, userId: actors.chair.userId, reason: 'Nabo' } });
    expect(await shown()).toEqual([]);
    await db.recusal.delete({ where: { id: recusal.id } });
  });

  it('lets the chair correct the text: a new version, the search follows, audited; a participant may not', async () => {
    const input = { meetingId, itemId, notes: '', conclusion: 'Innvilget avlastning tre helger i måneden.' };
    expect(await refusal(editMinutesItem({ db, actor: actors.caseworker, input }))).toBe('forbidden:chair_only');
    expect(await refusal(editMinutesItem({ db, actor: actors.chair, input: { ...input, conclusion: 'Se 15039212258' } }))).toBe(
      'invalid_input:national_id',
    );
    expect(await editMinutesItem({ db, actor: actors.chair, input })).toEqual({ changed: ['conclusion'] });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).conclusion).toBe(
      'Innvilget avlastning tre helger i måneden.',
    );
    const versions = await db.documentVersion.findMany({ where: { itemId }, orderBy: { createdAt: 'asc' } });
    expect(versions.map((v) => v.kind)).toEqual(['locked', 'meeting_closed', 'minutes_edited']);
    expect(JSON.parse(versions[2].content)).toMatchObject({ outcome: 'avklart', conclusion: 'Innvilget avlastning tre helger i måneden.' });
    // The search index was rebuilt in the edit's transaction: the corrected words are found.
    const hits = await searchHistory({ db, provider: kind, actor: actors.chair, search: { q: 'tre helger' } });
    const hit = hits.find((h) => h.itemId === itemId);
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('tre helger');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'minutes.edit', entityId: itemId } });
    expect([audit.actorId, JSON.parse(audit.detail!)]).toEqual([actors.chair.userId, { meetingId, fields: 'conclusion' }]);
  });

  it('writes only what a correction changed, and refuses one made over a save it did not see', async () => {
    const shown = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    const form = { meetingId, itemId, notesBefore: shown.notes ?? '', conclusionBefore: shown.conclusion ?? '' };
    const edit = (notes: string, conclusion: string) => editMinutesItem({ db, actor: actors.chair, input: { ...form, notes, conclusion } });
    // Two forms loaded alike: the first corrects the notes, the second (not reloaded) the conclusion — both kept.
    expect(await edit('Notat rettet.', form.conclusionBefore)).toEqual({ changed: ['notes'] });
    expect(await edit(form.notesBefore, 'Konklusjon rettet.')).toEqual({ changed: ['conclusion'] });
    const both = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect([both.notes, both.conclusion]).toEqual(['Notat rettet.', 'Konklusjon rettet.']);
    // The second form once more, now on the notes saved meanwhile: refused, nothing written over them.
    expect(await refusal(edit('Eldre notat.', form.conclusionBefore))).toBe('conflict:minutes_changed');
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).notes).toBe('Notat rettet.');
  });

  it('freezes the minutes at approval: no edit, no comment, no second approval', async () => {
    expect(await refusal(approveMinutes({ db, actor: actors.caseworker, input: { meetingId } }))).toBe('forbidden:chair_only');
    const at = new Date(systemClock.now().getTime() + 60_000);
    await approveMinutes({ db, actor: actors.chair, input: { meetingId }, now: at });
    const approved = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect([approved.minutesStatus, approved.minutesApprovedAt?.getTime(), approved.minutesApprovedById]).toEqual([
      'approved',
      at.getTime(),
      actors.chair.userId,
    ]);
    expect(await refusal(approveMinutes({ db, actor: actors.chair, input: { meetingId } }))).toBe('conflict:minutes_approved');
    expect(await refusal(commentOnMinutes({ db, actor: actors.caseworker, input: { meetingId, text: 'For sent?' } }))).toBe(
      'conflict:minutes_approved',
    );
    expect(
      await refusal(editMinutesItem({ db, actor: actors.chair, input: { meetingId, itemId, notes: '', conclusion: 'Endret etterpå.' } })),
    ).toBe('conflict:minutes_approved');
    expect(await db.auditEvent.count({ where: { action: 'minutes.approve', entityId: meetingId } })).toBe(1);
  });

  it('reminds the chair once when the period ends unapproved, and freezes nothing (fixed clock)', async () => {
    // Far ahead of the real clock, so the server's own hourly run never finds these.
    const draft = await caseOnNewMeeting(db, new Date('2099-01-02T09:00:00Z'), 'Referat som venter');
    const approved = await caseOnNewMeeting(db, new Date('2099-01-02T12:00:00Z'), 'Referat som er godkjent');
    await db.meeting.update({
      where: { id: draft.meetingId },
      data: { status: 'closed', minutesStatus: 'draft', minutesDraftUntil: '2099-01-06' },
    });
    await db.meeting.update({
      where: { id: approved.meetingId },
      data: { status: 'closed', minutesStatus: 'approved', minutesDraftUntil: '2099-01-06' },
    });
    const chairId = actors.chair.userId;
    const notices = () => db.notification.findMany({ where: { userId: chairId, link: `/moter/${draft.meetingId}/referat` } });
    // The last day of the period, late in the evening in Oslo (22:30 UTC is 23:30): not yet.
    expect(await remindUnapprovedMinutes(db, fixedClock('2099-01-06T22:30:00Z').now())).toBe(0);
    // Just after midnight in Oslo (23:30 UTC): the period has ended.
    expect(await remindUnapprovedMinutes(db, fixedClock('2099-01-06T23:30:00Z').now())).toBe(1);
    expect((await notices()).map((n) => n.text)).toEqual([
      'Referatet fra møtet 2. januar 2099 er ikke godkjent, og fristen for kommentarer er ute. Se over kommentarene og godkjenn det.',
    ]);
    expect(await remindUnapprovedMinutes(db, fixedClock('2099-01-08T08:00:00Z').now())).toBe(0);
    expect(await notices()).toHaveLength(1);
    const stillDraft = await db.meeting.findUniqueOrThrow({ where: { id: draft.meetingId } });
    expect([stillDraft.minutesStatus, stillDraft.minutesRemindedAt?.toISOString()]).toEqual(['draft', '2099-01-06T23:30:00.000Z']);
    expect(await db.notification.count({ where: { link: `/moter/${approved.meetingId}/referat` } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'minutes.remind', entityId: draft.meetingId } })).toBe(1);
  });
});
