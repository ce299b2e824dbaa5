import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { systemClock } from '../../lib/time/clock';
import { apiClient } from '../support/api';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 16, item 3: every view that shows case content logs a `case.read`
 * for exactly the cases it shows, in one insert, before it answers (a failed
 * write fails the view); and the audit log a leader reads names people and
 * cases, filters by staff member and person reference, and logs its own reads.
 */
describe.each(databaseKinds)('the audit log on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let fx: Awaited<ReturnType<typeof demoFixtures>>;
  const users: Record<string, string> = {};
  printLogsOnFailure(() => server);

  const get = (path: string, who: string) => fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] }, redirect: 'manual' });
  const lastId = async () => (await db.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0;

  /**
   * The reads `who` caused after `since` (case reads of `onlyView` only, when given: a page can hold several views,
   * as the room holds the similar cases): their case ids and views, and how many INSERT statements wrote them.
   */
  async function readsSince(since: number, who: string, onlyView?: string) {
    const rows = (
      await db.auditEvent.findMany({
        where: { id: { gt: since }, actorId: users[who], action: { in: ['case.read', 'meeting.read', 'person.export'] } },
        orderBy: { id: 'asc' },
      })
    ).filter((r) => !onlyView || r.action !== 'case.read' || JSON.parse(r.detail ?? '{}').view === onlyView);
    return {
      rows,
      caseIds: rows.filter((r) => r.action === 'case.read').map((r) => r.entityId),
      views: new Set(rows.filter((r) => r.action === 'case.read').map((r) => JSON.parse(r.detail ?? '{}').view as string)),
      inserts: rows.length === 0 ? 0 : await statementsThatWrote(kind, rows),
    };
  }

  /**
   * PostgreSQL: rows written by one statement (outside a transaction) share their transaction id (`xmin`);
   * separate statements never do. SQLite has no such column: one statement gives its rows one `at`
   * (Prisma fills the default once per query) and consecutive ids.
   */
  async function statementsThatWrote(on: DatabaseKind, rows: { id: number; at: Date }[]): Promise<number> {
    const ids = rows.map((r) => r.id);
    if (on === 'postgresql') {
      const found = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
        `SELECT COUNT(DISTINCT xmin::text) AS n FROM "AuditEvent" WHERE "id" IN (${ids.join(',')})`,
      );
      return Number(found[0].n);
    }
    const consecutive = ids.every((id, i) => i === 0 || id === ids[i - 1] + 1);
    return consecutive ? new Set(rows.map((r) => r.at.getTime())).size : rows.length;
  }

  /** The case ids a page links to (`/saker/<id>`). */
  const linkedCases = (html: string) => [...new Set([...html.matchAll(/href="\/saker\/([a-z0-9]{8,40})"/g)].map((m) => m[1]))];
  const escaped = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    fx = await demoFixtures(db);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    for (const [role, email] of Object.entries(demo)) {
      if (role !== 'password') users[role] = (await db.user.findUniqueOrThrow({ where: { email } })).id;
    }
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('the agenda logs the meeting and each case it shows (late requests too), in one insert', async () => {
    const shown = await db.case.findMany({
      where: { status: 'submitted', OR: [{ meetingId: fx.meeting.id }, { lateRequestMeetingId: fx.meeting.id }] },
      select: { id: true, title: true },
    });
    expect(shown.length).toBeGreaterThan(1);
    const since = await lastId();
    const page = await get(`/moter/${fx.meeting.id}`, 'chair');
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const c of shown) expect(html).toContain(escaped(c.title));
    const reads = await readsSince(since, 'chair');
    expect(reads.caseIds.sort()).toEqual(shown.map((c) => c.id).sort());
    expect(reads.rows.filter((r) => r.action === 'meeting.read').map((r) => r.entityId)).toEqual([fx.meeting.id]);
    expect(reads.views).toEqual(new Set(['agenda']));
    expect(reads.inserts).toBe(1);
  });

  it('the meeting room, the minutes and an innsyn export each log their entry and each case shown, in one insert', async () => {
    let since = await lastId();
    expect((await get(`/moter/${fx.meeting.id}/rom`, 'chair')).status).toBe(200);
    const roomItems = await db.agendaItem.findMany({
      where: { meetingId: fx.meeting.id, caseId: { not: null } },
      select: { caseId: true },
    });
    let reads = await readsSince(since, 'chair', 'meeting_room');
    expect(reads.caseIds.sort()).toEqual(roomItems.map((i) => i.caseId).sort());
    expect(reads.views).toEqual(new Set(['meeting_room']));
    expect(reads.inserts).toBe(1);

    since = await lastId();
    expect((await get(`/moter/${fx.pastMeeting.id}/referat`, 'leader')).status).toBe(200);
    const pastItems = await db.agendaItem.findMany({
      where: { meetingId: fx.pastMeeting.id, caseId: { not: null } },
      select: { caseId: true },
    });
    reads = await readsSince(since, 'leader', 'minutes');
    expect(reads.caseIds.sort()).toEqual(pastItems.map((i) => i.caseId).sort());
    expect(reads.rows.filter((r) => r.action === 'meeting.read')).toHaveLength(1);
    expect(reads.inserts).toBe(1);

    const ref = 'EPJ 2025/0712';
    since = await lastId();
    expect((await get(`/historikk/person/innsyn?unit=${fx.mainUnit.id}&ref=${encodeURIComponent(ref)}`, 'leader')).status).toBe(200);
    const ofPerson = await db.case.findMany({ where: { unitId: fx.mainUnit.id, personRef: ref }, select: { id: true } });
    reads = await readsSince(since, 'leader');
    expect(reads.caseIds.sort()).toEqual(ofPerson.map((c) => c.id).sort());
    expect(reads.rows.filter((r) => r.action === 'person.export')).toHaveLength(1);
    expect(reads.inserts).toBe(1);
  });

  it('an agenda with no cases logs the meeting and no case', async () => {
    const empty = await db.meeting.findFirstOrThrow({
      where: { unitId: fx.mainUnit.id, status: 'planned', cases: { none: {} }, id: { not: fx.meeting.id } },
    });
    expect(await db.case.count({ where: { lateRequestMeetingId: empty.id } })).toBe(0);
    const since = await lastId();
    expect((await get(`/moter/${empty.id}`, 'chair')).status).toBe(200);
    const reads = await readsSince(since, 'chair');
    expect(reads.caseIds).toEqual([]);
    expect(reads.rows.map((r) => r.action)).toEqual(['meeting.read']);
  });

  it('the queue (/saker) logs exactly the cases it lists, in one insert', async () => {
    const since = await lastId();
    const page = await get('/saker', 'caseworker');
    expect(page.status).toBe(200);
    const listed = linkedCases(await page.text());
    expect(listed.length).toBeGreaterThan(1);
    const reads = await readsSince(since, 'caseworker');
    expect(reads.caseIds.sort()).toEqual(listed.sort());
    expect(reads.views).toEqual(new Set(['queue']));
    expect(reads.inserts).toBe(1);
  });

  it('GET /api/cases logs exactly the cases it returns, in one insert', async () => {
    const since = await lastId();
    const response = await apiClient(server.url, cookies.caseworker).get('/api/cases');
    expect(response.status).toBe(200);
    const { drafts, waiting, nextAgenda, followUps } = response.body as Record<string, { id: string; caseId?: string | null }[]>;
    const returned = new Set([...drafts, ...waiting, ...nextAgenda].map((c) => c.id));
    for (const f of followUps) if (f.caseId) returned.add(f.caseId);
    expect(returned.size).toBeGreaterThan(1);
    const reads = await readsSince(since, 'caseworker');
    expect(reads.caseIds.sort()).toEqual([...returned].sort());
    expect(reads.views).toEqual(new Set(['api_list']));
    expect(reads.inserts).toBe(1);
  });

  it('a queue with no cases logs none', async () => {
    expect(await db.case.count({ where: { createdById: users.leader } })).toBe(0);
    const since = await lastId();
    expect((await get('/saker', 'leader')).status).toBe(200);
    expect((await apiClient(server.url, cookies.leader).get('/api/cases')).status).toBe(200);
    expect((await readsSince(since, 'leader')).rows).toEqual([]);
  });

  it('the follow-ups (/oppfolging) log exactly the cases whose titles they show, in one insert', async () => {
    const since = await lastId();
    const page = await get('/oppfolging', 'leader');
    expect(page.status).toBe(200);
    const html = await page.text();
    const cases = await db.case.findMany({ where: { unitId: fx.mainUnit.id }, select: { id: true, title: true } });
    // A title is shown as a cell of its own (follow-ups) or a heading line (re-assessments).
    const shown = cases.filter((c) => html.includes(`>${escaped(c.title)}<`)).map((c) => c.id);
    expect(shown.length).toBeGreaterThan(0);
    const reads = await readsSince(since, 'leader');
    expect(reads.caseIds.sort()).toEqual(shown.sort());
    expect(reads.views).toEqual(new Set(['follow_ups']));
    expect(reads.inserts).toBe(1);
    // Someone with no follow-ups and no re-assessments in sight: nothing.
    const before = await lastId();
    expect((await get('/oppfolging', 'otherUnit')).status).toBe(200);
    expect((await readsSince(before, 'otherUnit')).rows).toEqual([]);
  });

  it('the notices on the front page log the case each one names', async () => {
    await db.notification.createMany({
      data: [
        { userId: users.caseworker, text: `Møtet er flyttet: ${fx.draftCase.title}`, link: `/saker/${fx.draftCase.id}` },
        { userId: users.caseworker, text: 'En beskjed uten sak' },
      ],
    });
    const since = await lastId();
    expect(await (await get('/', 'caseworker')).text()).toContain(escaped(fx.draftCase.title));
    const reads = await readsSince(since, 'caseworker');
    expect(reads.caseIds).toEqual([fx.draftCase.id]);
    expect(reads.views).toEqual(new Set(['notices']));
  });

  it('never shows the cases when their reads cannot be written: the view fails instead', async () => {
    const refuse = `%"view":"api_list"%`;
    if (kind === 'sqlite') {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER "test_refuse_reads" BEFORE INSERT ON "AuditEvent" WHEN NEW."detail" LIKE '${refuse}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION test_refuse_reads() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER "test_refuse_reads" BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW."detail" LIKE '${refuse}') EXECUTE FUNCTION test_refuse_reads()`,
      );
    }
    try {
      const response = await fetch(`${server.url}/api/cases`, { headers: { cookie: cookies.caseworker } });
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(await response.text()).not.toContain(fx.draftCase.personRef);
    } finally {
      await db.$executeRawUnsafe(
        kind === 'sqlite' ? `DROP TRIGGER "test_refuse_reads"` : `DROP TRIGGER "test_refuse_reads" ON "AuditEvent"`,
      );
    }
    expect((await apiClient(server.url, cookies.caseworker).get('/api/cases')).status).toBe(200);
  });

  describe('what a leader reads in it', () => {
    const ref = 'EPJ 2025/0712';
    let bpa: { id: string; title: string };
    let anonymised: { id: string };

    beforeAll(async () => {
      bpa = await db.case.findFirstOrThrow({ where: { personRef: ref }, select: { id: true, title: true } });
      // The caseworker reads her case in the past meeting's minutes: entries about this person by someone else.
      expect((await get(`/moter/${fx.pastMeeting.id}/referat`, 'caseworker')).status).toBe(200);
      // A case retention has anonymised, with an entry about it.
      anonymised = await db.case.create({
        data: {
          unitId: fx.mainUnit.id,
          createdById: users.caseworker,
          personRef: '',
          title: 'Anonymisert sak',
          caseType: 'endring',
          status: 'concluded',
          anonymisedAt: systemClock.now(),
        },
      });
      await db.auditEvent.create({
        data: {
          unitId: fx.mainUnit.id,
          actorId: users.chair,
          action: 'case.read',
          entityType: 'case',
          entityId: anonymised.id,
          detail: '{"view":"agenda"}',
        },
      });
    });

    it('shows names, the case and its person reference, and Norwegian words instead of ids and JSON', async () => {
      const html = await (await get(`/revisjon?actorId=${users.caseworker}&entityId=${bpa.id}`, 'leader')).text();
      // The rendered rows only (the filter's choices and the page's data carry the action codes).
      const table = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
      const has = (text: string) => table.includes(text);
      expect(has('<tr')).toBe(true);
      expect(has('Sara Saksbehandler')).toBe(true);
      expect(has('Leste saken i referatet')).toBe(true);
      expect(has(escaped(bpa.title))).toBe(true);
      expect(has(ref)).toBe(true);
      expect(has('{&quot;')).toBe(false);
      expect(has('case.read')).toBe(false);
      expect(has(users.caseworker)).toBe(false);
    });

    it('filters by person reference: only entries about that person’s cases, items and follow-ups', async () => {
      const rows = csvRows(await (await get(`/revisjon/csv?personRef=${encodeURIComponent(ref.toLowerCase())}`, 'leader')).text());
      expect(rows[0].slice(0, 7)).toEqual(['Tidspunkt', 'Ansatt', 'Handling', 'Gjelder', 'Sak', 'Personreferanse', 'Detaljer']);
      const body = rows.slice(1);
      expect(body.length).toBeGreaterThan(1);
      expect(new Set(body.map((r) => r[5]))).toEqual(new Set([ref]));
      expect(body.some((r) => r[1] === 'Sara Saksbehandler' && r[2] === 'Leste saken i referatet' && r[4] === bpa.title)).toBe(true);
      // The same entries the database holds for that person's case (and its items), nothing else.
      const caseIds = (await db.case.findMany({ where: { personRef: ref }, select: { id: true } })).map((c) => c.id);
      const items = await db.agendaItem.findMany({ where: { caseId: { in: caseIds } }, select: { id: true } });
      const followUps = await db.followUp.findMany({ where: { caseId: { in: caseIds } }, select: { id: true } });
      const about = { unitId: fx.mainUnit.id, entityId: { in: [...caseIds, ...items.map((i) => i.id), ...followUps.map((f) => f.id)] } };
      // The export's own reads are written after it has read the log, so they are not in it.
      const own = await db.auditEvent.count({ where: { ...about, detail: { contains: 'audit_csv' } } });
      expect(body.length).toBe((await db.auditEvent.count({ where: about })) - own);
    });

    it('filters by staff member: only what that person did', async () => {
      const rows = csvRows(await (await get(`/revisjon/csv?actorId=${users.chair}`, 'leader')).text()).slice(1);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Mona Møteleder']));
    });

    it('says "anonymisert" for a case retention anonymised', async () => {
      const rows = csvRows(await (await get(`/revisjon/csv?entityId=${anonymised.id}`, 'leader')).text()).slice(1);
      expect(rows).toHaveLength(1);
      expect(rows[0].slice(1, 6)).toEqual(['Mona Møteleder', 'Leste saken på sakslisten', 'Sak', 'anonymisert', 'anonymisert']);
      expect((await (await get(`/revisjon?entityId=${anonymised.id}`, 'leader')).text()).includes('Anonymisert sak')).toBe(false);
    });

    it('logs reading the log for a person reference as a read of that person’s cases', async () => {
      const since = await lastId();
      const page = await get(`/revisjon?personRef=${encodeURIComponent(ref)}`, 'leader');
      expect(page.status).toBe(200);
      const reads = await readsSince(since, 'leader');
      expect(reads.caseIds).toEqual([bpa.id]);
      expect(reads.views).toEqual(new Set(['audit_log']));
      // The export too, and an anonymised case (nothing of it is shown) is not logged.
      const before = await lastId();
      await get(`/revisjon/csv?entityId=${anonymised.id}`, 'leader');
      expect((await readsSince(before, 'leader')).rows).toEqual([]);
      const csvSince = await lastId();
      await get(`/revisjon/csv?personRef=${encodeURIComponent(ref)}`, 'leader');
      const csvReads = await readsSince(csvSince, 'leader');
      expect(csvReads.caseIds).toEqual([bpa.id]);
      expect(csvReads.views).toEqual(new Set(['audit_csv']));
    });

    it('refuses a malformed filter in Norwegian, not with a 500', async () => {
      const long = encodeURIComponent('x'.repeat(41));
      const page = await get(`/revisjon?personRef=${long}`, 'leader');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Filteret er ugyldig');
      expect(html).toContain('Feil i: Personreferanse.');
      expect(await (await get('/revisjon?actorId=NOT-AN-ID', 'leader')).text()).toContain('Feil i: Ansatt.');
      expect((await get(`/revisjon/csv?personRef=${long}`, 'leader')).status).toBe(400);
    });

    it('pages on with `before`: the next page starts below the last row shown', async () => {
      const first = csvRows(await (await get('/revisjon/csv', 'leader')).text()).slice(1);
      const newest = Number(first[0][12]);
      const older = csvRows(await (await get(`/revisjon/csv?before=${newest}`, 'leader')).text()).slice(1);
      expect(Number(older[0][12])).toBeLessThan(newest);
      const html = await (await get('/revisjon', 'leader')).text();
      if (first.length >= 100) expect(html).toContain('Eldre hendelser');
    });
  });
});

/** A small CSV reader for the export (quoted fields, doubled quotes, BOM). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
