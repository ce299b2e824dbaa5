import { execFileSync } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '../../lib/db/db';
import { applyItemContent } from '../../lib/meetings/item-content';
import { systemClock } from '../../lib/time/clock';
import { apiClient, completeCase } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { pdfText } from '../support/pdf-text';
import { connectSocket } from '../support/socket-client';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

// The example and a second valid number (both accepted by @navikt/fnrvalidator).
const fnr = '15039212258';
const masked = '150392*****';
const other = '01010012356';
const root = new URL('../..', import.meta.url).pathname;

/**
 * National identity numbers through the real server (issue 16): refused at
 * submission and at the lock, naming the field; an audited override; and a
 * number stored before this change (written straight to the database, as an
 * old installation holds it) masked in the queue, the room, the minutes and
 * their PDF, kept out of the search index, and reported by the command line.
 */
describe('national identity numbers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let fx: Awaited<ReturnType<typeof demoFixtures>>;
  const sockets: Socket[] = [];
  const api = (who: keyof typeof demo) => apiClient(server.url, cookies[who]);
  const html = async (path: string, who: keyof typeof demo) => {
    const get = () => fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] }, redirect: 'manual' });
    // After the command-line runs (seconds of idle), the pooled keep-alive connection may be closed by the
    // server just as it is reused ("other side closed"): a GET is safe to send once more on a new one.
    const response = await get().catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
      return get();
    });
    expect(response.status, path).toBe(200);
    return response.text();
  };

  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    fx = await demoFixtures(db);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('keeps a draft with a number (autosave) but refuses to submit it, naming each field; the queue shows it masked', async () => {
    const created = await api('caseworker').post('/api/cases', {
      content: { ...completeCase, question: `Sak for ${fnr.slice(0, 6)} ${fnr.slice(6)}` },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const patched = await api('caseworker').patch(`/api/cases/${id}`, { facts: `Fnr ${fnr} står i søknaden.` });
    expect(patched).toMatchObject({ status: 200, body: { ok: true, nationalIdFields: ['facts'] } });

    const refused = await api('caseworker').post(`/api/cases/${id}/submit`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual({ question: 'national_id', facts: 'national_id' });
    expect((await db.case.findUniqueOrThrow({ where: { id } })).status).toBe('draft');

    // Mine saker: the question is the title there, and it is masked.
    const queue = await api('caseworker').get('/api/cases');
    const listed = JSON.stringify(queue.body);
    expect(listed).toContain(`Sak for 150392 *****`);
    expect(listed).not.toContain(fnr.slice(6));
    const page = await html('/saker', 'caseworker');
    expect(page).toContain('Sak for 150392 *****');
    expect(page).not.toContain(fnr.slice(6));
  });

  it('lets the author override one number in one field, audited without the number; a new number is refused again', async () => {
    const created = await api('caseworker').post('/api/cases', { content: { ...completeCase, facts: `Kontonummer ${fnr} i søknaden.` } });
    const id = created.body.id as string;
    expect((await api('caseworker').post(`/api/cases/${id}/submit`, {})).body.fields).toEqual({ facts: 'national_id' });

    // Not the reference, and not a field without a number.
    expect((await api('caseworker').post(`/api/cases/${id}/national-id-overrides`, { field: 'personRef' })).status).toBe(400);
    expect((await api('caseworker').post(`/api/cases/${id}/national-id-overrides`, { field: 'proposal' })).status).toBe(400);
    const override = await api('caseworker').post(`/api/cases/${id}/national-id-overrides`, { field: 'facts' });
    expect(override).toMatchObject({ status: 200, body: { field: 'facts', count: 1 } });
    const audit = await db.auditEvent.findMany({ where: { action: 'case.national_id_override', entityId: id } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toEqual({ field: 'facts', numbers: 1 });
    const stored = await db.nationalIdOverride.findMany({ where: { document: `case:${id}` } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(fnr);

    expect((await api('caseworker').post(`/api/cases/${id}/submit`, {})).status).toBe(200);
    // Another number in the same field is not covered by that override.
    await api('caseworker').patch(`/api/cases/${id}`, { facts: `Kontonummer ${fnr} i søknaden, mor ${other}.` });
    expect((await api('caseworker').post(`/api/cases/${id}/submit`, {})).body.fields).toEqual({ facts: 'national_id' });
  });

  it('refuses to lock an item while its conclusion or a follow-up holds a number, naming the field', async () => {
    const chairId = (await db.user.findUniqueOrThrow({ where: { email: demo.chair } })).id;
    const startsAt = new Date(systemClock.now().getTime() + 400 * 24 * 3600_000);
    const meeting = await db.meeting.create({
      data: {
        unitId: fx.mainUnit.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 90 * 60_000),
        submissionDeadline: new Date(startsAt.getTime() - 24 * 3600_000),
        status: 'planned',
        chairId,
      },
    });
    const item = await db.agendaItem.create({
      data: { meetingId: meeting.id, title: 'Punkt med nummer', position: 1, plannedMinutes: 5, purpose: 'orientering', reason: 'added' },
    });
    const doc = new Y.Doc();
    applyItemContent(doc, {
      outcome: 'tatt_til_orientering',
      conclusion: `Gjelder ${fnr.slice(0, 6)}-${fnr.slice(6)}.`,
      followUps: [{ id: 'f1', ownerId: chairId, description: `Ring om ${other}`, dueDate: '' }],
    });
    await db.yDocState.create({ data: { name: `item:${item.id}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
    doc.destroy();

    const chair = await connectSocket(server.url, cookies.chair);
    sockets.push(chair);
    const refused = await chair.emitWithAck('meeting:lock-item', { meetingId: meeting.id, itemId: item.id, locked: true });
    expect(refused).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(Object.keys(refused.fields).sort()).toEqual(['national_id_conclusion', 'national_id_followUps']);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).locked).toBe(false);
  });

  it('masks a number stored before this change in the room, the minutes and the PDF, and keeps it out of the search index', async () => {
    // As an old installation holds it: in the submitted version, the notes, the conclusion, a follow-up and the index.
    const items = await db.agendaItem.findMany({
      where: { meetingId: fx.pastMeeting.id },
      include: { followUps: true },
      orderBy: { position: 'asc' },
    });
    const target = items.find((i) => i.caseId && i.followUps.length > 0)!;
    const version = await db.caseVersion.findFirstOrThrow({ where: { caseId: target.caseId! }, orderBy: { version: 'desc' } });
    const content = JSON.parse(version.content) as Record<string, string>;
    await db.caseVersion.update({
      where: { id: version.id },
      data: { content: JSON.stringify({ ...content, situation: `Bruker (fnr ${fnr}) bor alene.`, facts: `Fnr ${fnr}` }) },
    });
    await db.agendaItem.update({
      where: { id: target.id },
      data: { notes: `Notat om ${fnr}`, conclusion: `Konklusjon for 15.03.92 12258.` },
    });
    await db.followUp.update({ where: { id: target.followUps[0].id }, data: { description: `Vedtak for ${fnr}` } });
    const entry = await db.searchEntry.findUniqueOrThrow({ where: { itemId: target.id } });
    await db.searchEntry.update({ where: { id: entry.id }, data: { body: `${entry.body}\nFnr ${fnr}` } });

    const minutes = await html(`/moter/${fx.pastMeeting.id}/referat`, 'leader');
    expect(minutes).toContain(`Notat om ${masked}`);
    expect(minutes).toContain('Konklusjon for 15.03.92 *****');
    expect(minutes).toContain(`Vedtak for ${masked}`);
    expect(minutes).toContain(`bor alene`);
    expect(minutes).not.toContain(fnr);
    expect(minutes).not.toContain('15.03.92 12258');
    const pdfResponse = await fetch(`${server.url}/moter/${fx.pastMeeting.id}/referat/pdf`, { headers: { cookie: cookies.leader } });
    const pdf = pdfText(new Uint8Array(await pdfResponse.arrayBuffer())).replace(/\s+/g, ' ');
    expect(pdf).toContain(masked);
    expect(pdf).not.toContain(fnr);
    expect(pdf).not.toContain('12258');

    const room = await html(`/moter/${fx.pastMeeting.id}/rom`, 'leader');
    expect(room).toContain(`Fnr ${masked}`);
    expect(room).not.toContain(fnr);

    // The command line reports where (never the number), and --mask-index rewrites the old index entry.
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/national-ids.ts', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
      });
    // A version-history snapshot of the item holding the number (lib/versions/) is reported too.
    const snapshot = await db.documentVersion.create({
      data: { documentKind: 'item', itemId: target.id, kind: 'locked', content: JSON.stringify({ notes: `Fnr ${fnr}` }) },
    });
    const report = run();
    expect(report).toContain(`snapshot ${target.id} locked ${snapshot.id} of case ${target.caseId}: notes`);
    expect(report).not.toContain(fnr);
    expect(report).not.toContain('12258');
    expect(report).toContain(`Unit ${fx.mainUnit.name} (${fx.mainUnit.id})`);
    expect(report).toContain(`case-version ${target.caseId} version ${version.version}: situation, facts`);
    expect(report).toContain(`agenda-item ${target.id} of case ${target.caseId}: notes, conclusion`);
    expect(report).toContain(`follow-up ${target.followUps[0].id} of case ${target.caseId}: description`);
    expect(report).toContain(`search-entry ${target.id} of case ${target.caseId}: body`);
    expect(report).toMatch(/^\d+ place\(s\) hold a national identity number\. The numbers are not printed\.$/m);
    expect(run('--mask-index')).toMatch(/^Re-indexed 1 meeting\(s\) with masked text\.$/m);

    const index = await db.searchEntry.findUniqueOrThrow({ where: { itemId: target.id } });
    expect(`${index.title}\n${index.body}`).not.toContain(fnr);
    expect(index.body).toContain(masked);
    expect(run()).not.toContain(`search-entry ${target.id}`);
    // Searching for the number finds nothing; the birth date alone still finds the (masked) entry.
    const byNumber = await html(`/sok?q=${fnr}`, 'leader');
    expect(byNumber).not.toContain(`#punkt-${target.id}`);
    expect(byNumber).toContain('Ingen treff.');
    const byDate = await html('/sok?q=150392', 'leader');
    expect(byDate).toContain(`#punkt-${target.id}`);
    expect(byDate).not.toContain(fnr);
  });
});
