import * as encoding from 'lib0/encoding';
import type { Browser, Page } from 'playwright-core';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { apiClient, completeCase } from '../support/api';
import { browserTraces, launchBrowser, signIn } from '../support/browser';
import { editorText } from '../support/editor-field';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { writeStoredEdit } from '../support/stored-document';
import { makeCurrent } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const avklaringTitle = 'Søknad om støttekontakt for ungdom (15 år): individuell støttekontakt eller gruppetilbud?';

/**
 * Stored content that fails the schema (written straight into the database:
 * the server's guard refuses it over the socket) never takes a page down: the
 * bad field shows empty with a notice and the rest renders.
 */
describe('pages over stored content that fails the schema', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  const pageErrors: string[] = [];
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  async function open(email: string): Promise<Page> {
    const { page } = await signIn(browser, server.url, email);
    page.on('pageerror', (error) => pageErrors.push(`${email}: ${error.message}`));
    return page;
  }

  it('the chair opens a room whose item has followUps: "boom" stored: the page renders, with a notice, and no page error', async () => {
    const { meeting } = await demoFixtures(db);
    const items = await syncAgenda(db, meeting.id);
    const avklaring = items.find((i) => i.purpose === 'avklaring')!;
    await writeStoredEdit(db, `item:${avklaring.id}`, (doc) => {
      doc.getMap('item').set('followUps', 'boom');
      doc.getText('item.notes').insert(0, 'Lagret før vakten kom.');
    });
    const chair = await open(demo.chair);
    await chair.goto(`${server.url}/moter/${meeting.id}/rom`);
    await makeCurrent(chair, avklaringTitle);
    await chair.getByRole('heading', { name: avklaringTitle, level: 2 }).waitFor();
    await chair.getByText('kunne ikke leses og vises tomt: Oppfølging').waitFor();
    await expect.poll(() => editorText(chair.getByRole('textbox', { name: 'Notater fra møtet' }))).toBe('Lagret før vakten kom.');
    // The follow-up list is empty and usable: adding one replaces the bad value.
    await chair.getByRole('button', { name: 'Legg til oppfølging' }).click();
    await chair.getByLabel('Hva skal gjøres').first().fill('Ring pårørende');
    expect(pageErrors).toEqual([]);
  });

  it('the case editor shows a bad caseType and a factor list that is no list as empty, with a notice, and the rest of the form', async () => {
    const cookies = await loginDemoUsers(server.url, { caseworker: demo.caseworker }, demo.password);
    const api = apiClient(server.url, cookies.caseworker);
    const created = await api.post('/api/cases', { content: completeCase });
    const name = `case:${created.body.id}`;
    await expect
      .poll(
        async () =>
          (await db.yDocState.count({ where: { name } })) === 1 && (await db.yDocUpdate.count({ where: { docName: name } })) === 0,
      )
      .toBe(true);
    await writeStoredEdit(db, name, (doc) => {
      doc.getMap('form').set('caseType', 'tull');
      doc.getMap('form').set('nytteFactors', 'mestring'); // a word, not a list
    });
    const sara = await open(demo.caseworker);
    await sara.goto(`${server.url}/saker/${created.body.id}`);
    await sara.getByText('kunne ikke leses og vises tomt: Sakstype, Momenter som gjelder for nytte').waitFor();
    await expect.poll(() => editorText(sara.getByRole('textbox', { name: /Fakta i saken/ }))).toBe(completeCase.facts);
    expect(await sara.getByRole('radio', { checked: true }).count()).toBeGreaterThan(0); // purpose and level still chosen
    // The bad list shows empty and works: ticking a factor writes a proper list over it.
    const factor = sara.getByRole('checkbox', { name: 'Bedre (eller mindre tap av) mestring' });
    expect(await factor.isChecked()).toBe(false);
    await factor.check();
    await expect.poll(() => factor.isChecked()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('a page the server closes with 4400 says so and reloads from the server’s state', async () => {
    const cookies = await loginDemoUsers(server.url, { caseworker: demo.caseworker }, demo.password);
    const created = await apiClient(server.url, cookies.caseworker).post('/api/cases', { content: completeCase });
    const { page: sara } = await signIn(browser, server.url, demo.caseworker);
    sara.on('pageerror', (error) => pageErrors.push(`${demo.caseworker}: ${error.message}`));
    // Keep a handle on the page's Yjs websocket, to send what no form field would (a tick box that is not a boolean).
    await sara.addInitScript(() => {
      const Native = window.WebSocket;
      const sockets: WebSocket[] = [];
      (window as unknown as { yjsSockets: WebSocket[] }).yjsSockets = sockets;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          if (String(url).includes('/yjs/')) sockets.push(this);
        }
      };
    });
    await sara.goto(`${server.url}/saker/${created.body.id}`);
    await expect.poll(() => editorText(sara.getByRole('textbox', { name: /Fakta i saken/ }))).toContain(completeCase.facts);
    const bad = new Y.Doc();
    bad.getMap('form').set('urgent', 'yes'); // a field the case has no value in (a value set before would win over a fresh doc's)
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(bad));
    const frame = [...encoding.toUint8Array(encoder)];
    await sara.evaluate((bytes) => {
      const sockets = (window as unknown as { yjsSockets: WebSocket[] }).yjsSockets;
      sockets[sockets.length - 1].send(new Uint8Array(bytes));
    }, frame);
    await sara.getByText('Serveren avviste en endring fra denne siden').waitFor();
    await expect.poll(() => editorText(sara.getByRole('textbox', { name: /Fakta i saken/ }))).toContain(completeCase.facts);
    const read = await apiClient(server.url, cookies.caseworker).get(`/api/cases/${created.body.id}`);
    expect(read.body.content.urgent).toBeUndefined();
    expect(read.body.invalidFields).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
