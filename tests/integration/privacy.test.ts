import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { stemText } from '../../lib/history/norwegian-stems';
import { indexMeeting } from '../../lib/history/search-index';
import { anonymisedTitle, runRetention } from '../../lib/privacy/retention';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { systemClock } from '../../lib/time/clock';

const root = path.resolve(import.meta.dirname, '../..');
const month = 30 * 24 * 3600_000;

/**
 * Privacy on both databases: the audit log cannot be changed, retention
 * anonymises what is due and nothing else, and a right-of-access export holds
 * everything about one person and nothing about anyone else.
 */
describe.each(databaseKinds)('privacy on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let unitId: string;
  let caseworkerId: string;

  /** A case of `personRef` concluded in a meeting closed `monthsAgo` months ago, with content everywhere it can be. */
  const noRest = async () => undefined;
  /** Of these cases: how many are anonymised, and how many `case.anonymised` entries the audit log has for them. */
  async function anonymisedAndAudited(cases: { caseId: string }[]) {
    const ids = cases.map((c) => c.caseId);
    return {
      anonymised: await db.case.count({ where: { id: { in: ids }, anonymisedAt: { not: null } } }),
      audited: await db.auditEvent.count({ where: { action: 'case.anonymised', entityId: { in: ids } } }),
    };
  }

  async function decidedCase(personRef: string, monthsAgo: number, secret: string) {
    const closedAt = new Date(systemClock.now().getTime() - monthsAgo * month);
    const meeting = await db.meeting.create({
      data: { unitId, startsAt: closedAt, endsAt: closedAt, submissionDeadline: closedAt, status: 'closed', closedAt },
    });
    const created = await db.case.create({
      data: {
        unitId,
        createdById: caseworkerId,
        personRef,
        title: `Sak om ${secret}`,
        caseType: 'endring',
        purpose: 'avklaring',
        severityLevel: 'hoy',
        status: 'concluded',
        meetingId: meeting.id,
        version: 1,
        versions: {
          create: {
            version: 1,
            content: JSON.stringify({ facts: `Fakta om ${secret}`, alvorlighetLevel: 'hoy' }),
            submittedById: caseworkerId,
          },
        },
      },
    });
    const item = await db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        caseId: created.id,
        position: 1,
        plannedMinutes: 10,
        purpose: 'avklaring',
        reason: 'submitted',
        status: 'concluded',
        outcome: 'avklart',
        notes: `Notat om ${secret}`,
        conclusion: `Konklusjon om ${secret}`,
        dissent: `Dissens om ${secret}`,
        followUps: { create: { ownerId: caseworkerId, caseId: created.id, description: `Oppfølging om ${secret}` } },
      },
    });
    await db.yDocState.createMany({
      data: [
        { name: `case:${created.id}`, state: Buffer.from([0, 0]) },
        { name: `item:${item.id}`, state: Buffer.from([0, 0]) },
      ],
    });
    await db.yDocUpdate.create({ data: { docName: `case:${created.id}`, data: Buffer.from([0, 0]) } });
    // The version history's snapshots of the case and the item (lib/versions/).
    await db.documentVersion.createMany({
      data: [
        { documentKind: 'case', caseId: created.id, kind: 'meeting_closed', content: JSON.stringify({ facts: `Øyeblikk av ${secret}` }) },
        { documentKind: 'item', itemId: item.id, kind: 'locked', content: JSON.stringify({ notes: `Låst notat om ${secret}` }) },
      ],
    });
    await indexMeeting(db, meeting.id);
    return { caseId: created.id, itemId: item.id, meetingId: meeting.id };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // The server's own daily run is off here: the test runs retention itself, at the moments it chooses.
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, env: { SAMLET_RETENTION_MONTHS: '0' } });
    db = openDb(database.url);
    unitId = (await demoFixtures(db)).mainUnit.id;
    caseworkerId = (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id;
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('the audit log is append-only: an update or a delete fails and leaves the row as it was', async () => {
    const row = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: 'auth.logout' } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = ${row.id}`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });

  it('retention anonymises a person’s history once their last conclusion is old enough and nothing is open — and nothing else', async () => {
    const old = await decidedCase('PRIV-1', 30, 'gammel hemmelighet');
    const reopened = await decidedCase('PRIV-2', 30, 'åpen hemmelighet');
    await db.case.create({ data: { unitId, createdById: caseworkerId, personRef: 'PRIV-2', title: 'Ny sak', caseType: 'endring' } }); // a draft: still open
    const recent = await decidedCase('PRIV-3', 6, 'fersk hemmelighet');
    const olderOfTwo = await decidedCase('PRIV-4', 40, 'eldste hemmelighet');
    await decidedCase('PRIV-4', 12, 'nyere hemmelighet'); // the person's last conclusion is recent: both stay

    const result = await runRetention(db, { months: 24 });
    expect(result.cases).toBeGreaterThanOrEqual(1);
    const anonymised = await db.case.findMany({ where: { anonymisedAt: { not: null } }, select: { id: true } });
    expect(anonymised.map((c) => c.id)).toEqual([old.caseId]);

    const gone = await db.case.findUniqueOrThrow({ where: { id: old.caseId }, include: { versions: true } });
    expect(gone).toMatchObject({
      personRef: '',
      title: anonymisedTitle,
      caseType: 'endring',
      purpose: 'avklaring',
      severityLevel: 'hoy',
      status: 'concluded',
    });
    expect(gone.versions.map((v) => v.content)).toEqual(['{}']);
    const snapshots = await db.documentVersion.findMany({ where: { OR: [{ caseId: old.caseId }, { itemId: old.itemId }] } });
    expect(snapshots.map((v) => v.content)).toEqual(['{}', '{}']);
    const keptSnapshot = await db.documentVersion.findFirstOrThrow({ where: { caseId: recent.caseId } });
    expect(keptSnapshot.content).toContain('fersk hemmelighet');
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: old.itemId } })).toMatchObject({
      notes: null,
      conclusion: null,
      dissent: null,
      outcome: 'avklart',
    });
    expect((await db.followUp.findFirstOrThrow({ where: { caseId: old.caseId } })).description).toBe(anonymisedTitle);
    expect(await db.yDocState.count({ where: { name: { in: [`case:${old.caseId}`, `item:${old.itemId}`] } } })).toBe(0);
    expect(await db.yDocUpdate.count({ where: { docName: `case:${old.caseId}` } })).toBe(0);
    const entry = await db.searchEntry.findUniqueOrThrow({ where: { itemId: old.itemId } });
    expect(entry).toMatchObject({ personRef: null, title: anonymisedTitle, body: '', outcome: 'avklart', severityLevel: 'hoy' });
    // The stems the SQLite index holds go with the words (they would find the entry by them otherwise).
    expect(entry).toMatchObject({ titleStems: stemText(anonymisedTitle), bodyStems: '' });
    const audit = await db.auditEvent.findMany({ where: { action: 'case.anonymised' } });
    expect(audit.map((a) => [a.entityId, JSON.parse(a.detail!)])).toEqual([[old.caseId, { reason: 'retention', months: 24 }]]);

    // Untouched: an open person, a recent conclusion, a person whose last conclusion is recent.
    for (const kept of [reopened, recent, olderOfTwo]) {
      expect((await db.case.findUniqueOrThrow({ where: { id: kept.caseId } })).title).toMatch(/^Sak om /);
      expect(await db.yDocState.count({ where: { name: `case:${kept.caseId}` } })).toBe(1);
    }
    // Again: nothing more to do.
    expect(await runRetention(db, { months: 24 })).toEqual({ histories: 0, cases: 0 });

    // The pages cope: the minutes show the decision's facets and none of the words.
    const minutes = await fetch(`${server.url}/moter/${old.meetingId}/referat`, { headers: { cookie: cookies.leader } });
    expect(minutes.status).toBe(200);
    const html = await minutes.text();
    expect(html).toContain(anonymisedTitle);
    expect(html).not.toContain('gammel hemmelighet');
    const search = await (await fetch(`${server.url}/sok?q=hemmelighet`, { headers: { cookie: cookies.leader } })).text();
    expect(search).not.toContain('gammel'); // (matches are marked, so look for the word beside it)
    expect(search).toContain('fersk');
  });

  it('retention works through a backlog in batches of whole histories and rests between batches', async () => {
    const cases = [
      await decidedCase('PRIV-20', 30, 'a'),
      await decidedCase('PRIV-21', 40, 'b'),
      await decidedCase('PRIV-21', 30, 'c'),
      await decidedCase('PRIV-22', 30, 'd'),
    ];
    const rests: number[] = [];
    const rest = async (ms: number) => void rests.push(ms);
    const result = await runRetention(db, { months: 24, batchCases: 1, rest });
    expect(result.histories).toBeGreaterThanOrEqual(3);
    // One batch per history here (PRIV-21's two cases are never split), a rest between each, as long as the batch took.
    expect(rests).toHaveLength(result.histories - 1);
    for (const ms of rests) expect(ms).toBeGreaterThan(0);
    expect(await anonymisedAndAudited(cases)).toEqual({ anonymised: 4, audited: 4 });
  });

  it('retention leaves a history that got an open case while the run was under way', async () => {
    const first = await decidedCase('PRIV-30', 30, 'e');
    const second = await decidedCase('PRIV-31', 30, 'f');
    let opened = false;
    // After the first batch, both people get a new draft (spelled differently: the reference is the same person).
    const rest = async () => {
      if (opened) return;
      opened = true;
      for (const personRef of [' priv-30', 'PRIV-31 '])
        await db.case.create({ data: { unitId, createdById: caseworkerId, personRef, title: 'Ny sak', caseType: 'endring' } });
    };
    expect(await runRetention(db, { months: 24, batchCases: 1, rest })).toEqual({ histories: 1, cases: 1 });
    expect(await db.case.count({ where: { id: { in: [first.caseId, second.caseId] }, anonymisedAt: { not: null } } })).toBe(1);
  });

  it('retention takes an abandoned draft along with its person’s history, unless its document was worked on lately', async () => {
    const longAgo = new Date(systemClock.now().getTime() - 30 * month);
    const draft = (personRef: string) =>
      db.case.create({
        data: {
          unitId,
          createdById: caseworkerId,
          personRef,
          title: 'Glemt utkast',
          caseType: 'endring',
          createdAt: longAgo,
          updatedAt: longAgo,
        },
      });
    const gone = await decidedCase('PRIV-50', 30, 'h');
    const goneDraft = await draft('PRIV-50');
    await db.yDocUpdate.create({ data: { docName: `case:${goneDraft.id}`, data: Buffer.from([0, 0]), createdAt: longAgo } });
    const kept = await decidedCase('PRIV-51', 30, 'i');
    const keptDraft = await draft('PRIV-51');
    // Typed in the editor last week: the case row is old, its document is not.
    await db.yDocUpdate.create({
      data: {
        docName: `case:${keptDraft.id}`,
        data: Buffer.from([0, 0]),
        createdAt: new Date(systemClock.now().getTime() - 7 * 24 * 3600_000),
      },
    });

    await runRetention(db, { months: 24, rest: noRest });
    const anonymised = async (id: string) => (await db.case.findUniqueOrThrow({ where: { id } })).anonymisedAt !== null;
    expect([await anonymised(gone.caseId), await anonymised(goneDraft.id)]).toEqual([true, true]);
    // Closed with it: out of the queue, read-only, never to be submitted.
    expect((await db.case.findUniqueOrThrow({ where: { id: goneDraft.id } })).status).toBe('withdrawn');
    expect(await db.yDocUpdate.count({ where: { docName: `case:${goneDraft.id}` } })).toBe(0);
    expect([await anonymised(kept.caseId), await anonymised(keptDraft.id)]).toEqual([false, false]);
  });

  it('retention leaves a history whose document is loaded on some node for its next run', async () => {
    const held = await decidedCase('PRIV-60', 30, 'j');
    const asked: string[] = [];
    const inUse = (loaded: string[]) => async (names: string[]) => {
      asked.push(...names);
      return new Set(names.filter((name) => loaded.includes(name)));
    };
    await runRetention(db, { months: 24, rest: noRest, documentsInUse: inUse([`item:${held.itemId}`]) });
    expect(asked).toEqual(expect.arrayContaining([`case:${held.caseId}`, `item:${held.itemId}`]));
    expect((await db.case.findUniqueOrThrow({ where: { id: held.caseId } })).anonymisedAt).toBeNull();
    await runRetention(db, { months: 24, rest: noRest, documentsInUse: inUse([]) });
    expect((await db.case.findUniqueOrThrow({ where: { id: held.caseId } })).anonymisedAt).not.toBeNull();
  });

  it('two retention runs at once anonymise and audit each case once', async () => {
    const cases = await Promise.all(['PRIV-40', 'PRIV-41', 'PRIV-42'].map((ref) => decidedCase(ref, 30, 'g')));
    const [a, b] = await Promise.all([runRetention(db, { months: 24, rest: noRest }), runRetention(db, { months: 24, rest: noRest })]);
    expect(a.cases + b.cases).toBe(3);
    expect(await anonymisedAndAudited(cases)).toEqual({ anonymised: 3, audited: 3 });
  });

  it('exports everything about one person reference to a leader or an admin, and nothing about anyone else', async () => {
    const first = await decidedCase('PRIV-9', 3, 'første innsynssak');
    const second = await decidedCase('PRIV-9', 1, 'andre innsynssak');
    await decidedCase('PRIV-10', 1, 'en annen person');
    const url = `${server.url}/historikk/person/innsyn?unit=${unitId}&ref=PRIV-9`;
    // The chair reads the minutes first: the export's access log must show it.
    expect((await fetch(`${server.url}/moter/${first.meetingId}/referat`, { headers: { cookie: cookies.chair } })).status).toBe(200);

    const response = await fetch(url, { headers: { cookie: cookies.leader } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('innsyn-PRIV-9.json');
    const body = await response.text();
    const data = JSON.parse(body) as {
      personRef: string;
      cases: { id: string; submittedVersions: unknown[]; meetings: { notes: string; followUps: unknown[] }[] }[];
      accessLog: { action: string; who: string }[];
    };
    expect(data.personRef).toBe('PRIV-9');
    expect(data.cases.map((c) => c.id).sort()).toEqual([first.caseId, second.caseId].sort());
    for (const secret of [
      'Fakta om første innsynssak',
      'Notat om andre innsynssak',
      'Konklusjon om første innsynssak',
      'Dissens om andre innsynssak',
      'Oppfølging om første innsynssak',
      'Øyeblikk av første innsynssak',
      'Låst notat om andre innsynssak',
    ]) {
      expect(body).toContain(secret);
    }
    expect(body).not.toContain('en annen person');
    expect(data.accessLog).toContainEqual(expect.objectContaining({ action: 'case.read', who: 'Mona Møteleder' }));
    expect(await db.auditEvent.count({ where: { action: 'person.export', entityId: unitId } })).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { action: 'case.read', entityId: { in: [first.caseId, second.caseId] }, detail: { contains: 'innsyn' } },
      }),
    ).toBe(2);

    expect((await fetch(url, { headers: { cookie: cookies.admin } })).status).toBe(200);
    for (const who of ['caseworker', 'chair', 'otherUnit']) {
      expect((await fetch(url, { headers: { cookie: cookies[who] } })).status, who).toBe(404);
    }
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${server.url}/historikk/person/innsyn?unit=${unitId}`, { headers: { cookie: cookies.leader } })).status).toBe(400);

    // After anonymisation the export holds no content.
    await runRetention(db, { months: 24, now: new Date(systemClock.now().getTime() + 48 * month) });
    const later = await (
      await fetch(`${server.url}/historikk/person/innsyn?unit=${unitId}&ref=PRIV-9`, { headers: { cookie: cookies.leader } })
    ).text();
    expect(JSON.parse(later).cases).toEqual([]);
  });

  it('the command line counts what is due without changing anything (--dry-run)', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/retention.ts', '--dry-run', '--months=1'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    expect(output).toMatch(/^Would anonymise \d+ case\(s\) of \d+ person\(s\) \(retention 1 months\)\.$/m);
  });
});
