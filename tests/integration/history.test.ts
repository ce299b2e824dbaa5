import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { nbErrors } from '../../lib/i18n/nb-errors';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { pdfText } from '../support/pdf-text';
import { startTestServer, type TestServer } from '../support/test-server';

const bpa = 'Økning av BPA fra 20 til 28 timer per uke etter fall og brudd?';
const avlastning = 'Søknad om avlastning for familie med barn med autisme';

/**
 * History through the real server: who sees which past meetings and minutes,
 * the minutes as PDF, and the audit log with its filters and CSV export.
 */
describe('meeting history, minutes and the audit log', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let pastMeetingId: string;
  const get = (path: string, who: string) =>
    fetch(`${server.url}${path}`, { headers: cookies[who] ? { cookie: cookies[who] } : {}, redirect: 'manual' });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    pastMeetingId = (await demoFixtures(db)).pastMeeting.id;
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('lists past meetings for a leader with counts, and their full minutes with the assessment as submitted', async () => {
    const list = await (await get('/historikk', 'leader')).text();
    expect(list).toContain(`/moter/${pastMeetingId}/referat`);
    expect(list).toContain('Mona Møteleder');
    expect(list).toContain('Avklart 1');

    const minutes = await get(`/moter/${pastMeetingId}/referat`, 'leader');
    expect(minutes.status).toBe(200);
    const html = await minutes.text();
    expect(html).toContain(bpa);
    expect(html).toContain(avlastning);
    expect(html).toContain('Vurdering ved innmelding');
    expect(html).toContain('tidsavgrensningen holder ressursbruken forholdsmessig');
  });

  it('tells each reader what they see: the leader the whole unit, the caseworker their own cases', async () => {
    const text = async (path: string, who: string) =>
      (await (await get(path, who)).text()).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '');
    for (const path of ['/historikk', '/oppfolging']) {
      const leader = await text(path, 'leader');
      const caseworker = await text(path, 'caseworker');
      expect(leader, path).not.toContain('Som saksbehandler');
      expect(leader, path).not.toContain('egne saker');
      expect(caseworker, path).toContain('egne saker');
    }
    expect(await text('/historikk', 'leader')).toContain(nb.history.scope(true, false));
    expect(await text('/oppfolging', 'leader')).toContain(nb.history.followUps.scope(true, false));
    expect(await text('/historikk', 'caseworker')).toContain(nb.history.scope(false, true));
  });

  it('minutes read without doubled labels or "?:"', async () => {
    const html = (await (await get(`/moter/${pastMeetingId}/referat`, 'leader')).text())
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, '');
    expect(html).toContain('Drøftet – råd gitt: Start med avlastning');
    expect(html).not.toMatch(/Råd: Råd|råd gitt: Råd:|\?:/);
  });

  it('logs the minutes as a read of the meeting and of each case in it', async () => {
    const leaderId = (await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).id;
    await get(`/moter/${pastMeetingId}/referat`, 'leader');
    const reads = await db.auditEvent.findMany({ where: { actorId: leaderId, action: { in: ['meeting.read', 'case.read'] } } });
    expect(reads.filter((r) => r.action === 'meeting.read' && r.entityId === pastMeetingId).length).toBeGreaterThan(0);
    const items = await db.agendaItem.findMany({ where: { meetingId: pastMeetingId } });
    for (const item of items) expect(reads.some((r) => r.action === 'case.read' && r.entityId === item.caseId)).toBe(true);
  });

  it('shows a caseworker only the items of their own cases', async () => {
    expect(await (await get('/historikk', 'caseworker')).text()).toContain('bare dine saker');
    const html = await (await get(`/moter/${pastMeetingId}/referat`, 'caseworker')).text();
    expect(html).toContain(bpa);
    expect(html).not.toContain(avlastning);
    const pdf = pdfText(new Uint8Array(await (await get(`/moter/${pastMeetingId}/referat/pdf`, 'caseworker')).arrayBuffer()));
    expect(pdf).toContain('BPA');
    expect(pdf).not.toContain('avlastning for familie');
  });

  it('keeps a colleague’s concluded case out of a caseworker’s reach: case page and the closed meeting’s room', async () => {
    const sindreCase = await db.case.findFirstOrThrow({ where: { title: { startsWith: 'Søknad om avlastning for familie' } } });
    expect((await get(`/saker/${sindreCase.id}`, 'caseworker')).status).toBe(404);
    expect((await get(`/saker/${sindreCase.id}`, 'caseworker2')).status).toBe(200);
    const room = await (await get(`/moter/${pastMeetingId}/rom`, 'caseworker')).text();
    expect(room).toContain('Økning av BPA');
    expect(room).not.toContain('avlastning for familie');
  });

  it('sends a Content-Security-Policy whose nonce is on every script of the page, with no unsafe-inline scripts', async () => {
    const response = await get('/historikk/statistikk', 'leader');
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce for every response.
    const again = (await get('/historikk/statistikk', 'leader')).headers.get('content-security-policy');
    expect(again).not.toBe(csp);
  });

  it('hides another unit’s history entirely', async () => {
    expect((await get(`/moter/${pastMeetingId}/referat`, 'otherUnit')).status).toBe(404);
    const pdf = await get(`/moter/${pastMeetingId}/referat/pdf`, 'otherUnit');
    expect(pdf.status).toBe(404);
    // The person followed a link: the answer is a Norwegian sentence, not a code.
    expect(pdf.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await pdf.text()).toBe(nbErrors.not_found);
    expect(await (await get('/historikk', 'otherUnit')).text()).not.toContain(pastMeetingId);
  });

  it('produces the minutes as a PDF with the right items', async () => {
    const response = await get(`/moter/${pastMeetingId}/referat/pdf`, 'chair');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="referat-\d{4}-\d{2}-\d{2}\.pdf"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    // Words may be split at kerning points inside a line, so check distinctive fragments.
    expect(text.replace(/\s+/g, ' ')).toContain('BPA');
    expect(text).toContain('Avklart');
    expect(text).toContain('Vurdering ved innmelding');
    expect(text).toContain('Skriv vedtak om midlertidig økning');
    const anonymous = await get(`/moter/${pastMeetingId}/referat/pdf`, 'anonymous');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe(nbErrors.unauthenticated);
  });

  it('opens the audit log to leaders and admins only, with filters and CSV export', async () => {
    await get(`/moter/${pastMeetingId}/referat`, 'leader');
    const page = await get(`/revisjon?action=meeting.read&entityId=${pastMeetingId}`, 'leader');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Leste referatet');
    expect(html).toContain('Lars Leder');
    expect((await get('/revisjon', 'admin')).status).toBe(200);
    for (const who of ['caseworker', 'chair', 'otherUnit']) expect((await get('/revisjon', who)).status).toBe(404);
    for (const who of ['caseworker', 'chair']) expect((await get('/revisjon/csv', who)).status).toBe(404);

    const csv = await get(`/revisjon/csv?action=meeting.read&entityId=${pastMeetingId}`, 'leader');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Tidspunkt,Ansatt,Handling,Gjelder,Sak,Personreferanse,Detaljer,Tidspunkt (UTC),Ansatt-id,Handlingskode,Type,Id,Hendelse',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes('meeting.read') && line.includes(pastMeetingId))).toBe(true);
    // The minutes just read, in words (a read from the meeting room says "Leste møtet").
    expect(lines.slice(1).some((line) => line.includes('Lars Leder,Leste referatet'))).toBe(true);
  });

  it('refuses a malformed filter with a clear message, and a date range filters by Oslo days', async () => {
    expect(await (await get('/revisjon?from=2026-13-45', 'leader')).text()).toContain('Filteret er ugyldig');
    expect((await get('/revisjon/csv?from=2026-13-45', 'leader')).status).toBe(400);
    expect((await get('/revisjon/csv?unknown=1', 'leader')).status).toBe(400);
    const future = await (await get('/revisjon/csv?from=2099-01-01', 'leader')).text();
    expect(
      future
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
  });
});
