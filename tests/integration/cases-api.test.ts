import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../lib/access/access-service';
import type { CaseContentStore } from '../../lib/cases/case-content-store';
import { submitCase } from '../../lib/cases/submit-case';
import type { Db } from '../../lib/db/db';
import { apiClient, completeCase } from '../support/api';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectionClosed, connectYjs, markerSeen, waitFor, whenSynced } from '../support/yjs-client';
import { systemClock } from '../../lib/time/clock';

describe.each(databaseKinds)('case API on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let fixtures: Awaited<ReturnType<typeof demoFixtures>>;
  const as: Record<string, ReturnType<typeof apiClient>> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    fixtures = await demoFixtures(db);
    Object.assign(cookies, await loginDemoUsers(server.url, demo, demo.password));
    for (const [role, cookie] of Object.entries(cookies)) as[role] = apiClient(server.url, cookie);
    as.anonymous = apiClient(server.url, null);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('refuses every route without a session', async () => {
    const id = fixtures.submittedCase.id;
    for (const response of [
      await as.anonymous.get('/api/cases'),
      await as.anonymous.post('/api/cases', {}),
      await as.anonymous.get(`/api/cases/${id}`),
      await as.anonymous.patch(`/api/cases/${id}`, { facts: 'x' }),
      await as.anonymous.post(`/api/cases/${id}/submit`),
      await as.anonymous.post(`/api/cases/${id}/withdraw`),
      await as.anonymous.post(`/api/cases/${id}/accept-late`),
    ]) {
      expect(response.status).toBe(401);
    }
  });

  it('hides another unit’s case and refuses the wrong role', async () => {
    const id = fixtures.submittedCase.id;
    expect((await as.otherUnit.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await as.otherUnit.patch(`/api/cases/${id}`, { facts: 'x' })).status).toBe(404);
    expect((await as.otherUnit.post(`/api/cases/${id}/submit`)).status).toBe(404);
    expect((await as.admin.get(`/api/cases/${id}`)).status).toBe(200); // admins read
    expect((await as.admin.patch(`/api/cases/${id}`, { facts: 'x' })).status).toBe(403);
    expect((await as.admin.post('/api/cases', { content: {} })).status).toBe(403);
    // A colleague reads a submitted case but does not change it before the meeting.
    const author = await db.case.findUniqueOrThrow({ where: { id }, include: { createdBy: true } });
    const colleague = author.createdBy.email === demo.caseworker ? as.caseworker2 : as.caseworker;
    expect((await colleague.patch(`/api/cases/${id}`, { facts: 'x' })).status).toBe(403);
    expect((await as.caseworker.get('/api/cases/notanid!')).status).toBe(404);
  });

  it('answers bad bodies with 400 and field errors, and changes nothing', async () => {
    const created = await as.caseworker.post('/api/cases', { content: { question: 'Opprinnelig' } });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const bad = [
      await as.caseworker.post('/api/cases', { content: { purpose: 'vedtak' } }),
      await as.caseworker.patch(`/api/cases/${id}`, { question: 'Endret', nickname: 'x' }),
      await as.caseworker.patch(`/api/cases/${id}`, { question: 'x'.repeat(20_001) }),
      await as.caseworker.patch(`/api/cases/${id}`, '{"question": '),
      await as.caseworker.patch(`/api/cases/${id}`, { personRef: '01010012356' }),
      await as.caseworker.patch(`/api/cases/${id}`, 'question=x', { 'content-type': 'application/x-www-form-urlencoded' }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(bad[0].body.fields).toEqual({ purpose: 'invalid' });
    expect(bad[1].body.fields).toEqual({ _: 'unknown_field' });
    expect(bad[2].body.fields).toEqual({ question: 'too_long' });
    expect(bad[4].body.fields).toEqual({ personRef: 'national_id_not_allowed' });
    const after = await as.caseworker.get(`/api/cases/${id}`);
    expect(after.body.content).toEqual({ question: 'Opprinnelig' });

    const incomplete = await as.caseworker.post(`/api/cases/${id}/submit`);
    expect(incomplete.status).toBe(400);
    expect(Object.keys(incomplete.body.fields).sort()).toEqual(
      [
        'alvorlighetReasons',
        'caseType',
        'facts',
        'nytteReasons',
        'personRef',
        'proposal',
        'purpose',
        'ressursReasons',
        'samletVurdering',
      ].sort(),
    );
    const row = await db.case.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'draft', version: 0, meetingId: null });
    expect(await db.caseVersion.count({ where: { caseId: id } })).toBe(0);
  });

  it('creates, fills in, submits to the next open meeting and lists the case; every step is audited', async () => {
    const { id } = (await as.caseworker.post('/api/cases', { content: {} })).body as { id: string };
    expect((await as.caseworker.patch(`/api/cases/${id}`, completeCase)).status).toBe(200);
    const submitted = await as.caseworker.post(`/api/cases/${id}/submit`);
    expect(submitted.status).toBe(200);
    const nextOpen = await db.meeting.findFirstOrThrow({
      where: { unitId: fixtures.mainUnit.id, status: 'planned', submissionDeadline: { gt: systemClock.now() } },
      orderBy: { startsAt: 'asc' },
    });
    expect(submitted.body).toMatchObject({ version: 1, meetingId: nextOpen.id, lateRequestFor: null, warnings: {} });

    const details = await as.caseworker.get(`/api/cases/${id}`);
    expect(details.body).toMatchObject({
      status: 'submitted',
      version: 1,
      title: completeCase.question,
      personRef: completeCase.personRef,
    });
    expect(details.body.versions[0].content).toEqual(completeCase);

    const queue = await as.caseworker.get('/api/cases?sort=age');
    const listed = [...queue.body.waiting, ...queue.body.nextAgenda].map((c: { id: string }) => c.id);
    expect(listed).toContain(id);
    expect((await as.caseworker.get('/api/cases?sort=nonsense')).status).toBe(400);

    const actions = (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.create', 'case.update', 'case.submit', 'case.read']));
  });

  it('sends a late case to the following meeting until the chair accepts it', async () => {
    const soon = await db.meeting.create({
      data: {
        unitId: fixtures.mainUnit.id,
        startsAt: new Date(systemClock.now().getTime() + 2 * 3600_000),
        endsAt: new Date(systemClock.now().getTime() + 3 * 3600_000),
        submissionDeadline: new Date(systemClock.now().getTime() - 3600_000),
      },
    });
    const { id } = (await as.caseworker.post('/api/cases', { content: completeCase })).body as { id: string };
    const late = await as.caseworker.post(`/api/cases/${id}/submit`, { meetingId: soon.id });
    expect(late.status).toBe(200);
    expect(late.body.lateRequestFor).toBe(soon.id);
    expect(late.body.meetingId).not.toBe(soon.id);
    expect((await as.caseworker.post(`/api/cases/${id}/accept-late`)).status).toBe(403);
    expect((await as.chair.post(`/api/cases/${id}/accept-late`)).body).toEqual({ meetingId: soon.id });
    expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({
      meetingId: soon.id,
      acceptedLate: true,
      lateRequestMeetingId: null,
    });
  });

  it('keeps the case on its meeting when changes are sent in, as a new version', async () => {
    const { id } = (await as.caseworker.post('/api/cases', { content: completeCase })).body as { id: string };
    const first = await as.caseworker.post(`/api/cases/${id}/submit`);
    await as.caseworker.patch(`/api/cases/${id}`, { proposal: 'Redusere til 12 timer.' });
    const second = await as.caseworker.post(`/api/cases/${id}/submit`);
    expect(second.body).toMatchObject({ version: 2, meetingId: first.body.meetingId });
    const versions = await db.caseVersion.findMany({ where: { caseId: id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => JSON.parse(v.content).proposal)).toEqual([completeCase.proposal, 'Redusere til 12 timer.']);
    // The chair's agenda says it changed, and what.
    const agenda = await fetch(`${server.url}/moter/${first.body.meetingId}`, { headers: { cookie: cookies.chair } });
    const html = await agenda.text();
    expect(html).toContain('Endret etter innmelding (versjon 2)');
    expect(html).toContain(completeCase.proposal);
    expect(html).toContain('Redusere til 12 timer.');
  });

  it('never half-applies two submissions at once: each is a clean version or a 409', async () => {
    const { id } = (await as.caseworker.post('/api/cases', { content: completeCase })).body as { id: string };
    const results = await Promise.all([as.caseworker.post(`/api/cases/${id}/submit`), as.caseworker.post(`/api/cases/${id}/submit`)]);
    // Run one after the other (SQLite serialises them) they are a submission and a resubmission;
    // truly at once (PostgreSQL) the second finds the version changed and gets 409 — never a 500.
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const versions = await db.caseVersion.findMany({ where: { caseId: id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.version)).toEqual(statuses.filter((s) => s === 200).map((_, i) => i + 1));
    expect((await db.case.findUniqueOrThrow({ where: { id } })).version).toBe(versions.length);
  });

  it('lets one of two submissions made from the same version through, and answers the other with a conflict', async () => {
    // The first submission is held while it reads the form, until the second has been made in full. It
    // read the case's version before the form, so the version it writes against is gone by then. (Had it
    // read the version after the form, it would see the second's version and freeze its older text
    // as a third.) Over HTTP, SQLite would run the two one after the other.
    const { id } = (await as.caseworker.post('/api/cases', { content: completeCase })).body as { id: string };
    const actor = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id))!;
    let secondDone: () => void = () => undefined;
    const second = new Promise<void>((resolve) => (secondDone = resolve));
    let firstReading: () => void = () => undefined;
    const firstIsReading = new Promise<void>((resolve) => (firstReading = resolve));
    let reads = 0;
    const store: CaseContentStore = {
      read: async () => {
        if (++reads === 1) {
          firstReading();
          await second;
        }
        return completeCase;
      },
      write: async () => undefined,
      recheckAccess: async () => undefined,
    };
    // If the first fails before it reads the form, the second still starts, and the first's error shows below.
    const first = submitCase({ db, store, actor, caseId: id, input: {} }).finally(firstReading);
    const results = await Promise.allSettled([
      first,
      // Only once the first is waiting in its read of the form; it is let go once the second is over, however that ends.
      firstIsReading.then(() => submitCase({ db, store, actor, caseId: id, input: {} }).finally(secondDone)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ name: 'AppError', code: 'conflict' });
    expect((await db.caseVersion.findMany({ where: { caseId: id } })).map((v) => v.version)).toEqual([1]);
    expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('takes edit access from a co-author’s open editor when the case is submitted', async () => {
    const { id } = (await as.caseworker.post('/api/cases', { content: completeCase })).body as { id: string };
    const coauthor = connectYjs(server.url, `case:${id}`, cookies.caseworker2);
    await whenSynced(coauthor);
    const closed = connectionClosed(coauthor);
    expect((await as.caseworker.post(`/api/cases/${id}/submit`)).status).toBe(200);
    // It is closed with 4100 ("access changed") and reconnects by itself — read-only now.
    expect((await closed)?.code).toBe(4100);
    await waitFor(() => coauthor.provider.wsconnected && coauthor.provider.synced, 5000, 'the co-author to reconnect');
    const author = connectYjs(server.url, `case:${id}`, cookies.caseworker);
    await whenSynced(author);
    const facts = coauthor.doc.getText('form.facts');
    facts.insert(facts.length, ' ENDRET AV MEDFORFATTER');
    // Sent after the edit on the same connection: once the author sees it, an accepted edit would be there too.
    await markerSeen(coauthor, [author]);
    expect(author.doc.getText('form.facts').toString()).toBe(completeCase.facts);
    expect((await as.caseworker.get(`/api/cases/${id}`)).body.content.facts).toBe(completeCase.facts);
    coauthor.destroy();
    author.destroy();
  });

  it('lets the author delete a draft: gone for everyone, its open editors closed, audited once; a co-author may not, nor may a submitted case go', async () => {
    const { id } = (await as.caseworker.post('/api/cases', { content: completeCase })).body as { id: string };
    expect((await as.caseworker2.post(`/api/cases/${id}/delete-draft`)).status).toBe(403);
    const coauthor = connectYjs(server.url, `case:${id}`, cookies.caseworker2);
    await whenSynced(coauthor);
    const closed = connectionClosed(coauthor);
    expect((await as.caseworker.post(`/api/cases/${id}/delete-draft`)).status).toBe(200);
    expect((await closed)?.code).toBe(4100);
    expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'deleted' });
    for (const who of ['caseworker', 'caseworker2', 'chair', 'leader']) expect((await as[who].get(`/api/cases/${id}`)).status).toBe(404);
    const queue = (await as.caseworker.get('/api/cases')).body as { drafts: { id: string }[] };
    expect(queue.drafts.map((d) => d.id)).not.toContain(id);
    expect(await db.auditEvent.count({ where: { action: 'case.delete_draft', entityId: id } })).toBe(1);
    // Once deleted it is not found, and nothing more is logged.
    expect((await as.caseworker.post(`/api/cases/${id}/delete-draft`)).status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: 'case.delete_draft', entityId: id } })).toBe(1);
    coauthor.destroy();

    const sent = (await as.caseworker.post('/api/cases', { content: completeCase })).body as { id: string };
    expect((await as.caseworker.post(`/api/cases/${sent.id}/submit`)).status).toBe(200);
    expect((await as.caseworker.post(`/api/cases/${sent.id}/delete-draft`)).status).toBe(409);
    expect(await db.case.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: 'submitted' });
  });

  it('withdraws a case from its meeting', async () => {
    const { id } = (await as.caseworker.post('/api/cases', { content: completeCase })).body as { id: string };
    await as.caseworker.post(`/api/cases/${id}/submit`);
    expect((await as.caseworker.post(`/api/cases/${id}/withdraw`)).status).toBe(200);
    expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'withdrawn', meetingId: null });
    expect((await as.caseworker.patch(`/api/cases/${id}`, { facts: 'x' })).status).toBe(403);
  });

  it('shows an API change to someone editing the case live', async () => {
    const { id } = (await as.caseworker.post('/api/cases', { content: { facts: 'Start.' } })).body as { id: string };
    const editor = connectYjs(server.url, `case:${id}`, cookies.caseworker2);
    await whenSynced(editor);
    const facts = () => editor.doc.getText('form.facts').toString();
    expect(facts()).toBe('Start.');
    await as.caseworker.patch(`/api/cases/${id}`, { facts: 'Start. Fra API.' });
    await waitFor(() => facts() === 'Start. Fra API.', 5000, 'live update');
    editor.destroy();
  });

  it('audits a live editing session once, and keeps the draft’s summary in step with what is typed', async () => {
    const { id } = (await as.caseworker.post('/api/cases', { content: {} })).body as { id: string };
    const editor = connectYjs(server.url, `case:${id}`, cookies.caseworker2);
    await whenSynced(editor);
    const question = editor.doc.getText('form.question');
    for (const word of ['Trengs ', 'mer ', 'hjelp?']) question.insert(question.length, word);
    // The summary column follows within the debounce (1.5 s), without any API call.
    await expect.poll(async () => (await db.case.findUniqueOrThrow({ where: { id } })).title).toBe('Trengs mer hjelp?');

    editor.destroy();
    const colleague = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker2 } });
    const edits = () => db.auditEvent.findMany({ where: { entityId: id, action: 'case.update', actorId: colleague.id } });
    await expect.poll(async () => (await edits()).length).toBe(1);
    expect(JSON.parse((await edits())[0].detail!)).toMatchObject({ channel: 'realtime', updates: 3 });
  });

  it('warns in the queue, page and API, about a draft nobody has worked on for almost the retention period', async () => {
    const caseworker = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    const longAgo = new Date(systemClock.now().getTime() - 23 * 30 * 24 * 3600_000);
    const old = await db.case.create({
      data: {
        unitId: fixtures.mainUnit.id,
        createdById: caseworker.id,
        personRef: 'EPJ 2024/0001',
        title: 'Gammelt utkast',
        caseType: 'endring',
        createdAt: longAgo,
        updatedAt: longAgo,
      },
    });
    type Drafts = { drafts: { id: string; abandonedFrom: string | null }[] };
    const drafts = async () => ((await as.caseworker.get('/api/cases')).body as Drafts).drafts;
    const before = await drafts();
    expect(before.find((d) => d.id === old.id)?.abandonedFrom).toBeTruthy();
    expect(before.filter((d) => d.id !== old.id).every((d) => d.abandonedFrom === null)).toBe(true);
    const html = await (await fetch(`${server.url}/saker`, { headers: { cookie: cookies.caseworker } })).text();
    expect(html).toContain('Ingen har arbeidet med utkastet på lenge');
    // Worked on in the editor (its document written just now): no warning.
    await db.yDocUpdate.create({ data: { docName: `case:${old.id}`, data: Buffer.from([0, 0]) } });
    expect((await drafts()).find((d) => d.id === old.id)?.abandonedFrom).toBeNull();
    expect(await (await fetch(`${server.url}/saker`, { headers: { cookie: cookies.caseworker } })).text()).not.toContain(
      'Ingen har arbeidet med utkastet på lenge',
    );
  });
});
