import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { apiClient } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
import { connectSocket, nextEvent } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { rawUpgrade } from '../support/yjs-client';

/**
 * Administration through its real forms (server actions posted as the page
 * rendered them), on a real server: units, members, roles, passwords — and
 * that a change takes effect at once, on the next request and on live sockets.
 */
describe('administration of units and members', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let adminCookie: string;
  let mainUnitId: string;
  let meetingId: string;
  const strongPassword = 'grønn-sykkel-under-fjellet';

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const fixtures = await demoFixtures(db);
    mainUnitId = fixtures.mainUnit.id;
    meetingId = fixtures.meeting.id;
    adminCookie = (await login(server.url, demo.admin, demo.password))!;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const page = async (path: string, cookie: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
    return { status: response.status, html: await response.text() };
  };
  /** Loads a page as `cookie`, finds the form by a marker, and submits it with `fields`. */
  const submit = async (path: string, marker: string, fields: Record<string, string>, cookie = adminCookie) => {
    const { html } = await page(path, adminCookie);
    return submitRenderedForm(server.url, path, formWith(html, marker), fields, { cookie });
  };
  const unitPath = (unitId: string) => `/admin/enheter/${unitId}`;

  it('an admin creates and renames a unit, and becomes its admin', async () => {
    const refused = await submit('/admin', 'Opprett', { name: 'x' });
    expect(refused.body).toContain('For kort.');
    const before = await db.unit.count();
    expect((await submit('/admin', 'Opprett', { name: 'Enhet for miljøarbeidertjenester' })).body).toContain('Enheten er opprettet.');
    expect(await db.unit.count()).toBe(before + 1);
    const unit = await db.unit.findFirstOrThrow({ where: { name: 'Enhet for miljøarbeidertjenester' } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: demo.admin } });
    expect(await db.membership.findUnique({ where: { userId_unitId: { userId: admin.id, unitId: unit.id } } })).toMatchObject({
      role: 'admin',
    });

    const renamed = await submit(unitPath(unit.id), 'Lagre', { name: 'Enhet for miljøarbeidertjenester øst' });
    expect(renamed.body).toContain('Navnet er endret.');
    expect((await db.unit.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe('Enhet for miljøarbeidertjenester øst');
    expect(await db.auditEvent.count({ where: { action: { in: ['unit.create', 'unit.rename'] }, entityId: unit.id } })).toBe(2);
  });

  it('adds a new member with a password only when it is strong enough, and never shows or logs it', async () => {
    const weak = await submit(unitPath(mainUnitId), 'Legg til', {
      email: 'ny.person@demo.test',
      name: 'Ny Person',
      role: 'saksbehandler',
      password: 'sommer2026',
    });
    expect(weak.body).toContain('Passordet er for lett å gjette.');
    expect(await db.user.count({ where: { email: 'ny.person@demo.test' } })).toBe(0);
    const personal = await submit(unitPath(mainUnitId), 'Legg til', {
      email: 'ny.person@demo.test',
      name: 'Ny Person',
      role: 'saksbehandler',
      password: 'person-ny-2026-blå',
    });
    expect(personal.body).toContain('Passordet kan ikke inneholde navnet eller e-postadressen.');
    const badEmail = await submit(unitPath(mainUnitId), 'Legg til', { email: 'ikke-en-adresse', name: 'Ny Person', role: 'saksbehandler' });
    expect(badEmail.body).toContain('Skriv en gyldig e-postadresse.');
    const badRole = await submit(unitPath(mainUnitId), 'Legg til', { email: 'ny.person@demo.test', name: 'Ny Person', role: 'sjef' });
    expect(badRole.body).toContain('Velg et av alternativene.');
    expect(await db.user.count({ where: { email: 'ny.person@demo.test' } })).toBe(0);

    const added = await submit(unitPath(mainUnitId), 'Legg til', {
      email: 'Ny.Person@demo.test',
      name: 'Ny Person',
      role: 'saksbehandler',
      password: strongPassword,
    });
    expect(added.body).toContain('Medlemmet er lagt til.');
    const cookie = await login(server.url, 'ny.person@demo.test', strongPassword);
    expect(cookie).toBeTruthy();
    expect((await page('/', cookie!)).html).toContain('Demo bydel — Enhet for miljøarbeidertjenester');

    const again = await submit(unitPath(mainUnitId), 'Legg til', { email: 'ny.person@demo.test', name: '', role: 'leder' });
    expect(again.body).toContain('Personen er allerede medlem av enheten.');
    expect(server.logs.join('')).not.toContain(strongPassword);
    const audit = await db.auditEvent.findMany({ where: { action: 'member.add' } });
    expect(JSON.stringify(audit)).not.toContain(strongPassword);
  });

  it('a changed role closes the person’s live connections so they are checked again; a removed member is refused at once', async () => {
    // A member of its own, so this test does not lean on the one another test adds.
    const email = 'rolle.person@demo.test';
    const added = await submit(unitPath(mainUnitId), 'Legg til', {
      email,
      name: 'Rolle Person',
      role: 'saksbehandler',
      password: strongPassword,
    });
    expect(added.body).toContain('Medlemmet er lagt til.');
    const member = await db.user.findUniqueOrThrow({ where: { email } });
    const cookie = (await login(server.url, email, strongPassword))!;
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/meeting:${meetingId}`, { headers: { cookie } });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const socket = await connectSocket(server.url, cookie);
    const changed = nextEvent(socket, 'access:changed');

    const roleForm = `value="${member.id}"`;
    expect((await submit(unitPath(mainUnitId), roleForm, { role: 'moteleder' })).body).toContain('Rollen er endret.');
    expect(await closed).toBe(4100);
    await changed;
    expect((await db.membership.findUniqueOrThrow({ where: { userId_unitId: { userId: member.id, unitId: mainUnitId } } })).role).toBe(
      'moteleder',
    );

    // Removed: the next request and the next upgrade are refused, though the session lives on.
    const { html } = await page(unitPath(mainUnitId), adminCookie);
    const removeForm = formWith(html, `value="${member.id}"`, 'Fjern fra enheten');
    expect(removeForm.hidden.userId).toBe(member.id);
    expect((await submitRenderedForm(server.url, unitPath(mainUnitId), removeForm, {}, { cookie: adminCookie })).body).toContain(
      'Medlemmet er fjernet fra enheten.',
    );
    expect((await rawUpgrade(server.url, `/yjs/meeting:${meetingId}`, cookie)).status).toBe(403);
    expect((await page(`/moter/${meetingId}`, cookie)).status).toBe(404);
    expect((await apiClient(server.url, cookie).post('/api/cases', { unitId: mainUnitId })).status).toBe(403);
  });

  it('deactivation ends every session of the person at once: websockets 4401, requests 401, no new login', async () => {
    const caseworker = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker2 } });
    const cookie = (await login(server.url, demo.caseworker2, demo.password))!;
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/meeting:${meetingId}`, { headers: { cookie } });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const socket = await connectSocket(server.url, cookie);
    const ended = nextEvent(socket, 'session:ended');

    const { html } = await page(unitPath(mainUnitId), adminCookie);
    const form = formWith(html, `value="${caseworker.id}"`, 'Deaktiver kontoen');
    expect(form.hidden.userId).toBe(caseworker.id);
    expect((await submitRenderedForm(server.url, unitPath(mainUnitId), form, {}, { cookie: adminCookie })).body).toContain(
      'Kontoen er deaktivert',
    );
    expect(await closed).toBe(4401);
    await ended;
    expect((await apiClient(server.url, cookie).get('/api/cases')).status).toBe(401);
    expect(await login(server.url, demo.caseworker2, demo.password)).toBeNull();
    expect(await db.userSession.count({ where: { userId: caseworker.id, endedAt: null } })).toBe(0);

    const activate = formWith((await page(unitPath(mainUnitId), adminCookie)).html, `value="${caseworker.id}"`, 'Aktiver kontoen');
    expect((await submitRenderedForm(server.url, unitPath(mainUnitId), activate, {}, { cookie: adminCookie })).body).toContain(
      'Kontoen er aktivert igjen.',
    );
    expect(await login(server.url, demo.caseworker2, demo.password)).toBeTruthy();
  });

  it('a password reset by the admin ends the person’s sessions; the person can change their own with the current one', async () => {
    const chair = await db.user.findUniqueOrThrow({ where: { email: demo.chair } });
    const oldCookie = (await login(server.url, demo.chair, demo.password))!;
    const { html } = await page(unitPath(mainUnitId), adminCookie);
    const form = formWith(html, `value="${chair.id}"`, 'Sett passord');
    expect(form.hidden.userId).toBe(chair.id);
    expect(
      (await submitRenderedForm(server.url, unitPath(mainUnitId), form, { password: '1234' }, { cookie: adminCookie })).body,
    ).toContain('Passordet må ha minst 10 tegn.');
    expect(
      (await submitRenderedForm(server.url, unitPath(mainUnitId), form, { password: strongPassword }, { cookie: adminCookie })).body,
    ).toContain('Passordet er satt.');
    expect((await apiClient(server.url, oldCookie).get('/api/cases')).status).toBe(401);
    expect(await login(server.url, demo.chair, demo.password)).toBeNull();
    const cookie = (await login(server.url, demo.chair, strongPassword))!;

    const account = await page('/konto', cookie);
    const own = formWith(account.html, 'Bytt passord');
    const wrong = await submitRenderedForm(
      server.url,
      '/konto',
      own,
      { current: 'feil', password: 'en-helt-annen-lang-setning' },
      { cookie },
    );
    expect(wrong.body).toContain('Feil passord.');
    const right = await submitRenderedForm(
      server.url,
      '/konto',
      own,
      { current: strongPassword, password: 'en-helt-annen-lang-setning' },
      { cookie },
    );
    expect(right.body).toContain('Passordet ditt er endret.');
    expect(await login(server.url, demo.chair, 'en-helt-annen-lang-setning')).toBeTruthy();
  });

  it('only a unit’s admin administers it: a leder, a caseworker and another unit’s admin get nothing and change nothing', async () => {
    const leader = (await login(server.url, demo.leader, demo.password))!;
    const other = (await login(server.url, demo.otherUnit, demo.password))!;
    // A leader has /admin for the unit's meetings only: no member list, no new units.
    const leaderAdmin = await page('/admin', leader);
    expect(leaderAdmin.status).toBe(200);
    expect(leaderAdmin.html).toContain(`/admin/enheter/${mainUnitId}/moter`);
    expect(leaderAdmin.html).not.toContain(`href="/admin/enheter/${mainUnitId}"`);
    expect(leaderAdmin.html).not.toContain('Opprett enhet');
    expect((await page(unitPath(mainUnitId), leader)).status).toBe(404);
    const nameBefore = (await db.unit.findUniqueOrThrow({ where: { id: mainUnitId } })).name;
    for (const cookie of [leader, other]) {
      const answer = await submit(unitPath(mainUnitId), 'Lagre', { name: 'Kapret enhet' }, cookie);
      expect(answer.body).toContain('Finnes ikke, eller du har ikke tilgang.');
      const added = await submit(
        unitPath(mainUnitId),
        'Legg til',
        { email: 'inntrenger@demo.test', name: 'Inn Trenger', role: 'admin' },
        cookie,
      );
      expect(added.body).toContain('Finnes ikke, eller du har ikke tilgang.');
    }
    expect((await db.unit.findUniqueOrThrow({ where: { id: mainUnitId } })).name).toBe(nameBefore);
    expect(await db.user.count({ where: { email: 'inntrenger@demo.test' } })).toBe(0);
  });

  it('a unit keeps at least one admin', async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: demo.admin } });
    const answer = await submit(unitPath(mainUnitId), `value="${admin.id}"`, { role: 'leder' });
    expect(answer.body).toContain('Enheten må ha minst én aktiv administrator.');
    expect((await db.membership.findUniqueOrThrow({ where: { userId_unitId: { userId: admin.id, unitId: mainUnitId } } })).role).toBe(
      'admin',
    );
  });
});
