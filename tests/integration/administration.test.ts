import { spawnSync } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { demoUnitNames } from '../../lib/seed/demo-seed';
import { apiClient } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, demoItemDocument, openDb } from '../support/fixtures';
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
  let itemDoc: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const fixtures = await demoFixtures(db);
    mainUnitId = fixtures.mainUnit.id;
    meetingId = fixtures.meeting.id;
    itemDoc = await demoItemDocument(db);
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
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${itemDoc}`, { headers: { cookie } });
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
    expect((await rawUpgrade(server.url, `/yjs/${itemDoc}`, cookie)).status).toBe(403);
    expect((await page(`/moter/${meetingId}`, cookie)).status).toBe(404);
    expect((await apiClient(server.url, cookie).post('/api/cases', { unitId: mainUnitId })).status).toBe(403);
  });

  it('deactivation ends every session of the person at once: websockets 4401, requests 401, no new login', async () => {
    const caseworker = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker2 } });
    const cookie = (await login(server.url, demo.caseworker2, demo.password))!;
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${itemDoc}`, { headers: { cookie } });
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

/**
 * Issue 16: account takeover across units. A unit's admin runs memberships of
 * their own units; powers over the account of someone who also belongs
 * elsewhere (password, deactivation, name, e-mail, OIDC link) are a system
 * administrator's — who in turn reads no case of a unit they are not in.
 */
describe('accounts that span units (issue 16)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let adminCookie: string;
  let mainUnitId: string;
  const strongPassword = 'grønn-sykkel-under-fjellet';
  const attackerPassword = 'kapret-konto-over-fjorden';
  const errors = nb.admin.errors;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    mainUnitId = (await demoFixtures(db)).mainUnit.id;
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
  const unitPath = (unitId: string) => `/admin/enheter/${unitId}`;
  /** Posts the form found by `markers` on `path` as rendered for `renderedFor`, as `cookie`, with `fields` over its hidden ones. */
  const post = async (path: string, markers: string[], fields: Record<string, string>, cookie = adminCookie, renderedFor = cookie) => {
    const { html } = await page(path, renderedFor);
    return submitRenderedForm(server.url, path, formWith(html, ...markers), fields, { cookie });
  };
  const userByEmail = (email: string) => db.user.findUniqueOrThrow({ where: { email } });

  /** Z2, set up through the forms as the probe did: a unit with its own leader V and admin W, which the demo admin then leaves. */
  async function unitWithLeader(tag: string) {
    const unitName = `Enhet Z2 ${tag}`;
    expect((await post('/admin', ['Opprett'], { name: unitName })).body).toContain('Enheten er opprettet.');
    const unit = await db.unit.findFirstOrThrow({ where: { name: unitName } });
    const email = `v.leder.${tag}@z2.test`;
    const add = (fields: Record<string, string>) => post(unitPath(unit.id), ['Legg til'], fields);
    expect((await add({ email, name: `Vera Leder ${tag}`, role: 'leder', password: strongPassword })).body).toContain(
      'Medlemmet er lagt til.',
    );
    expect((await add({ email: `w.admin.${tag}@z2.test`, name: 'Wenche Admin', role: 'admin', password: '' })).body).toContain(
      'Medlemmet er lagt til.',
    );
    const admin = await userByEmail(demo.admin);
    expect((await post(unitPath(unit.id), [`value="${admin.id}"`, 'Fjern fra enheten'], {})).body).toContain(
      'Medlemmet er fjernet fra enheten.',
    );
    const vCookie = (await login(server.url, email, strongPassword))!;
    const created = await apiClient(server.url, vCookie).post('/api/cases', { unitId: unit.id, content: { question: `Z2-sak ${tag}` } });
    expect(created.status).toBe(200);
    return { unit, email, vCookie, caseId: created.body.id as string };
  }

  it('the probe’s steps: adding V from Z2 to the own unit gives no power over V’s password, so Z2’s cases and audit log stay out of reach', async () => {
    const z2 = await unitWithLeader('probe');
    // The demo admin adds V's e-mail to the demo unit: allowed (a membership of the own unit), and V is told.
    expect(
      (await post(unitPath(mainUnitId), ['Legg til'], { email: z2.email, name: '', role: 'saksbehandler', password: '' })).body,
    ).toContain('Medlemmet er lagt til.');
    const v = await userByEmail(z2.email);
    const before = { passwordHash: v.passwordHash, email: v.email, name: v.name, active: v.active };

    // Then sets V's password, with the password form as the member list renders it for a member of the unit only.
    const sara = await userByEmail(demo.caseworker);
    const answer = await post(unitPath(mainUnitId), [`value="${sara.id}"`, 'Sett passord'], { userId: v.id, password: attackerPassword });
    const attacker = await login(server.url, z2.email, attackerPassword);
    const caseRead = attacker ? (await apiClient(server.url, attacker).get(`/api/cases/${z2.caseId}`)).status : null;
    const auditCsv = attacker ? await page('/revisjon/csv', attacker) : null;
    expect({
      refused: answer.body.includes(errors.account_elsewhere) && !answer.body.includes(nb.admin.done.passwordSet),
      attackerLoggedIn: attacker !== null,
      caseRead,
      z2AuditInCsv: auditCsv?.html.includes(z2.caseId) ?? false,
    }).toEqual({ refused: true, attackerLoggedIn: false, caseRead: null, z2AuditInCsv: false });

    // Nothing changed, and V's own session still works.
    const after = await userByEmail(z2.email);
    expect({ passwordHash: after.passwordHash, email: after.email, name: after.name, active: after.active }).toEqual(before);
    expect((await apiClient(server.url, z2.vCookie).get(`/api/cases/${z2.caseId}`)).status).toBe(200);
    expect(await login(server.url, z2.email, strongPassword)).toBeTruthy();
    expect(await db.auditEvent.count({ where: { action: 'user.password_set', entityId: v.id } })).toBe(0);

    // V was told in the app, and the membership is in the audit log.
    const notices = await db.notification.findMany({ where: { userId: v.id } });
    expect(notices.map((n) => n.text)).toEqual([nb.notifications.addedToUnit(demoUnitNames.main, 'saksbehandler')]);
    expect((await page('/', z2.vCookie)).html).toContain(`Du er lagt til i «${demoUnitNames.main}»`);
    const added = await db.auditEvent.findFirstOrThrow({ where: { action: 'member.add', entityId: v.id, unitId: mainUnitId } });
    expect(JSON.parse(added.detail!)).toMatchObject({ newAccount: false, role: 'saksbehandler' });
  });

  it('nor its deactivation, name or e-mail: the member list says why instead of offering them, and forged posts change nothing', async () => {
    const z2 = await unitWithLeader('navn');
    await post(unitPath(mainUnitId), ['Legg til'], { email: z2.email, name: '', role: 'saksbehandler', password: '' });
    const v = await userByEmail(z2.email);
    const { html } = await page(unitPath(mainUnitId), adminCookie);
    const row = html.slice(html.indexOf(z2.email));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain(nb.admin.accountElsewhere);
    for (const control of ['Sett passord', 'Deaktiver kontoen', nb.admin.saveName, nb.admin.saveEmail])
      expect(() => formWith(html, `value="${v.id}"`, control), control).toThrow();
    // The role and the membership stay the unit admin's to change.
    expect(formWith(html, `value="${v.id}"`, nb.admin.saveRole).hidden.userId).toBe(v.id);
    expect(formWith(html, `value="${v.id}"`, 'Fjern fra enheten').hidden.userId).toBe(v.id);

    const sara = await userByEmail(demo.caseworker);
    const forged = [
      await post(unitPath(mainUnitId), [`value="${sara.id}"`, 'Deaktiver kontoen'], { userId: v.id }),
      await post(unitPath(mainUnitId), [`value="${sara.id}"`, nb.admin.saveName], { userId: v.id, name: 'Kapret Navn' }),
      await post(unitPath(mainUnitId), [`value="${sara.id}"`, nb.admin.saveEmail], { userId: v.id, email: 'angriper@demo.test' }),
    ];
    for (const answer of forged) expect(answer.body).toContain(errors.account_elsewhere);
    expect(await userByEmail(z2.email)).toMatchObject({ active: true, name: v.name, email: v.email, passwordHash: v.passwordHash });
    expect(await db.user.count({ where: { email: 'angriper@demo.test' } })).toBe(0);
    // Someone in no unit of the admin's is not there at all.
    const w = await userByEmail('w.admin.navn@z2.test');
    const hidden = await post(unitPath(mainUnitId), [`value="${sara.id}"`, nb.admin.saveName], { userId: w.id, name: 'Kapret Navn' });
    expect(hidden.body).toContain(errors.not_found);
    expect((await userByEmail(w.email)).name).toBe('Wenche Admin');
  });

  it('a unit admin keeps the account powers over a person who belongs only to their units: name, e-mail, password', async () => {
    const added = await post(unitPath(mainUnitId), ['Legg til'], {
      email: 'bare.her@demo.test',
      name: 'Bare Her',
      role: 'saksbehandler',
      password: strongPassword,
    });
    expect(added.body).toContain('Medlemmet er lagt til.');
    const person = await userByEmail('bare.her@demo.test');
    const form = (control: string) => [`value="${person.id}"`, control];
    expect((await post(unitPath(mainUnitId), form(nb.admin.saveName), { name: 'Bare Her Hansen' })).body).toContain('Navnet er endret.');
    expect((await post(unitPath(mainUnitId), form(nb.admin.saveEmail), { email: 'Bare.Hansen@demo.test' })).body).toContain(
      'E-postadressen er endret.',
    );
    expect((await post(unitPath(mainUnitId), form(nb.admin.saveEmail), { email: demo.leader })).body).toContain(errors.email_taken);
    expect((await post(unitPath(mainUnitId), form('Sett passord'), { password: attackerPassword })).body).toContain('Passordet er satt.');
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      name: 'Bare Her Hansen',
      email: 'bare.hansen@demo.test',
    });
    expect(await login(server.url, 'bare.hansen@demo.test', attackerPassword)).toBeTruthy();
    const actions = (await db.auditEvent.findMany({ where: { entityId: person.id }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['member.add', 'user.rename', 'user.email_change', 'user.password_set']));
  });

  it('the system administrator manages the account of someone in several units, but reads no case and runs no membership', async () => {
    const z2 = await unitWithLeader('system');
    await post(unitPath(mainUnitId), ['Legg til'], { email: z2.email, name: '', role: 'saksbehandler', password: '' });
    const v = await userByEmail(z2.email);
    const system = (await login(server.url, demo.system, demo.password))!;
    const home = await page('/admin', system);
    expect(home.html).toContain('href="/admin/kontoer"');
    expect((await page(`/admin/kontoer?q=${encodeURIComponent(z2.email)}`, system)).html).toContain(`/admin/kontoer/${v.id}`);
    const accountPage = `/admin/kontoer/${v.id}`;
    const account = await page(accountPage, system);
    expect(account.html).toContain(demoUnitNames.main);
    expect(account.html).toContain('Enhet Z2 system');

    const reset = await post(accountPage, ['Sett passord'], { password: attackerPassword }, system);
    expect(reset.body).toContain('Passordet er satt.');
    expect((await apiClient(server.url, z2.vCookie).get('/api/cases')).status).toBe(401);
    expect(await login(server.url, z2.email, attackerPassword)).toBeTruthy();
    expect((await post(accountPage, [nb.admin.saveName], { name: 'Vera Leder Nilsen' }, system)).body).toContain('Navnet er endret.');
    expect((await post(accountPage, [nb.admin.saveEmail], { email: 'vera.nilsen@z2.test' }, system)).body).toContain(
      'E-postadressen er endret.',
    );
    expect((await post(accountPage, ['Deaktiver kontoen'], {}, system)).body).toContain('Kontoen er deaktivert');
    expect(await db.user.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      name: 'Vera Leder Nilsen',
      email: 'vera.nilsen@z2.test',
      active: false,
    });
    const audited = await db.auditEvent.findMany({ where: { entityId: v.id, actorId: (await userByEmail(demo.system)).id } });
    expect(audited.map((e) => e.action).sort()).toEqual(['user.deactivate', 'user.email_change', 'user.password_set', 'user.rename']);
    expect(audited.every((e) => JSON.parse(e.detail!).as === 'system_admin')).toBe(true);

    // Data minimisation: the role manages accounts, not cases or units.
    expect((await apiClient(server.url, system).get(`/api/cases/${z2.caseId}`)).status).toBe(404);
    expect((await page(unitPath(z2.unit.id), system)).status).toBe(404);
    expect((await page(unitPath(mainUnitId), system)).status).toBe(404);
    const joined = await post(
      unitPath(mainUnitId),
      ['Legg til'],
      { email: demo.system, name: '', role: 'leder', password: '' },
      system,
      adminCookie,
    );
    expect(joined.body).toContain(errors.not_found);
    expect(await db.membership.count({ where: { user: { email: demo.system } } })).toBe(0);
    // Nobody else has the pages.
    expect((await page('/admin/kontoer', adminCookie)).status).toBe(404);
    expect((await page(accountPage, adminCookie)).status).toBe(404);
  });

  it('a system administrator who is also a member of a unit is beyond that unit admin’s account powers', async () => {
    const system = await userByEmail(demo.system);
    await post(unitPath(mainUnitId), ['Legg til'], { email: demo.system, name: '', role: 'saksbehandler', password: '' });
    const { html } = await page(unitPath(mainUnitId), adminCookie);
    expect(html).toContain(nb.admin.accountSystemAdmin);
    const sara = await userByEmail(demo.caseworker);
    const answer = await post(unitPath(mainUnitId), [`value="${sara.id}"`, 'Sett passord'], {
      userId: system.id,
      password: attackerPassword,
    });
    expect(answer.body).toContain(errors.account_elsewhere);
    expect((await userByEmail(demo.system)).passwordHash).toBe(system.passwordHash);
    expect(await login(server.url, demo.system, attackerPassword)).toBeNull();
    await db.membership.deleteMany({ where: { userId: system.id } });
  });

  it('npm run admin:grant makes an account a system administrator and --revoke takes it back, audited; OIDC-only accounts alike', async () => {
    const grant = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/admin-grant.ts', ...args], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
      });
    // An account that only logs in through OIDC (no password), in a unit.
    const oidcOnly = await db.user.create({
      data: {
        email: 'kun.oidc@demo.test',
        name: 'Kun Oidc',
        oidcSubject: 'oidc-sub-kun',
        memberships: { create: { unitId: mainUnitId, role: 'leder' } },
      },
    });
    const granted = grant('Kun.Oidc@demo.test');
    expect([granted.status, granted.stdout.trim()]).toEqual([0, 'kun.oidc@demo.test is now a system administrator.']);
    expect((await db.user.findUniqueOrThrow({ where: { id: oidcOnly.id } })).systemAdmin).toBe(true);
    expect(grant('kun.oidc@demo.test').stdout).toContain('is already a system administrator');
    const revoked = grant('kun.oidc@demo.test', '--revoke');
    expect([revoked.status, revoked.stdout.trim()]).toEqual([0, 'kun.oidc@demo.test is no longer a system administrator.']);
    expect((await db.user.findUniqueOrThrow({ where: { id: oidcOnly.id } })).systemAdmin).toBe(false);
    const audit = await db.auditEvent.findMany({ where: { entityId: oidcOnly.id }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => [e.action, e.actorId, e.detail])).toEqual([
      ['user.system_admin_grant', null, JSON.stringify({ via: 'cli' })],
      ['user.system_admin_revoke', null, JSON.stringify({ via: 'cli' })],
    ]);

    // An unknown e-mail is refused; with --name a new OIDC-only account is made (no password, no unit).
    const unknown = grant('ny.sysadm@demo.test');
    expect(unknown.status).toBe(1);
    expect(await db.user.count({ where: { email: 'ny.sysadm@demo.test' } })).toBe(0);
    const created = grant('ny.sysadm@demo.test', '--name=Nina Systemansvarlig');
    expect(created.status).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { email: 'ny.sysadm@demo.test' }, include: { memberships: true } })).toMatchObject({
      name: 'Nina Systemansvarlig',
      passwordHash: null,
      systemAdmin: true,
      memberships: [],
    });
    expect(grant('ikke-en-adresse').status).toBe(2);
    // Six CLI processes, each loading tsx and Prisma: 61 s on a machine at load 13 (CI beside three builds).
  }, 180_000);
});
