import type { Browser, BrowserContext, Page, WebSocket as PageWebSocket, WebSocketRoute } from 'playwright-core';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { caretAt, caretLabels, editorField, editorText, typeInto } from '../support/editor-field';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { readItemContent, type FollowUpDraft } from '../../lib/meetings/item-content';
import { storedDocument, storedText } from '../support/stored-document';
import { makeCurrent } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const avklaringTitle = 'Søknad om støttekontakt for ungdom (15 år): individuell støttekontakt eller gruppetilbud?';
const notesLabel = 'Notater fra møtet';
/** About a person's typing speed. */
const humanMs = 150;

type Person = { name: string; context: BrowserContext; page: Page; yjsCloses: string[]; network: NetworkSwitch };

/**
 * The person's Yjs connections go through Playwright, so a test can cut them
 * as a lost network would (Chromium's offline emulation leaves open
 * websockets open): while off, open ones are dropped and new ones fail.
 */
type NetworkSwitch = {
  set(online: boolean): Promise<void>;
  /** Entries about other people in the presence (awareness) messages the page has sent: echoes of what it heard. */
  echoesSent(): number;
};

/** The y-websocket protocol's first byte of a presence message (y-protocols' messageAwareness). */
const messageAwareness = 1;

/** The client ids a presence message speaks for (y-protocols' awareness update: count, then id, clock, state each). */
function awarenessIds(message: Buffer): number[] {
  const outer = decoding.createDecoder(new Uint8Array(message));
  decoding.readVarUint(outer); // the message type
  const update = decoding.createDecoder(decoding.readVarUint8Array(outer));
  const ids: number[] = [];
  for (let left = decoding.readVarUint(update); left > 0; left--) {
    ids.push(decoding.readVarUint(update));
    decoding.readVarUint(update);
    decoding.readVarString(update);
  }
  return ids;
}

async function yjsNetwork(context: BrowserContext): Promise<NetworkSwitch> {
  let online = true;
  let echoes = 0;
  const open = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/yjs\//, (ws) => {
    if (!online) return void ws.close({ code: 1006, reason: 'offline' }).catch(() => undefined);
    const server = ws.connectToServer();
    // What the page sends is passed on as it is; in its presence messages, entries for an id other than the
    // page's own (the first it announced on this connection) are counted.
    let ownId: number | null = null;
    ws.onMessage((message) => {
      if (typeof message !== 'string' && message[0] === messageAwareness) {
        for (const id of awarenessIds(message)) {
          ownId ??= id;
          if (id !== ownId) echoes += 1;
        }
      }
      server.send(message);
    });
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  return {
    echoesSent: () => echoes,
    async set(next) {
      online = next;
      if (!next) await Promise.all([...open].map((ws) => ws.close({ code: 1006, reason: 'offline' }).catch(() => undefined)));
    },
  };
}

/**
 * Co-editing as people do it: two and three people in their own browsers,
 * typing through the page into the same field of the meeting room at the
 * same time — at a person's speed, at a dictation tool's, and by pasting.
 * What each typed must stay whole, on every screen and in the database.
 */
describe('typing together in the meeting room', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let roomUrl: string;
  let itemDocument: string;
  let chair: Person;
  let sara: Person;
  let sindre: Person;
  printLogsOnFailure(() => server, browserTraces);

  const join = async (email: string, name: string): Promise<Person> => {
    const { context, page } = await signIn(browser, server.url, email);
    const person: Person = { name, context, page, yjsCloses: [], network: await yjsNetwork(context) };
    watchYjsSockets(person);
    return person;
  };
  /** Every websocket to /yjs that closes, for the "nobody was disconnected" checks. */
  const watchYjsSockets = (person: Person) =>
    person.page.on('websocket', (ws: PageWebSocket) => {
      if (new URL(ws.url()).pathname.startsWith('/yjs')) ws.on('close', () => person.yjsCloses.push(new URL(ws.url()).pathname));
    });
  const notes = (person: Person) => editorField(person.page, notesLabel);
  /** The notes field's undo or redo button (named by what it does, described by the field's label). */
  const historyButton = (person: Person, name: 'Angre' | 'Gjør om') =>
    person.page.getByRole('button', { name, exact: true }).and(person.page.locator('[aria-describedby="felt-notes-label"]'));
  /** A paste as the browser delivers one: a ClipboardEvent carrying the text. */
  const pasteInto = (field: ReturnType<typeof notes>, text: string) =>
    field.evaluate((content, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  const everyone = () => [chair, sara, sindre];
  const stored = () => storedText(db, itemDocument, 'item.notes');

  /** Empties the notes through Sindre's page (not the chair's or Sara's, whose undo the tests check) and waits until every screen and the store show it. */
  const clearNotes = async () => {
    await notes(sindre).focus();
    await sindre.page.keyboard.press('Control+A');
    await sindre.page.keyboard.press('Delete');
    for (const person of everyone()) await expect.poll(() => editorText(notes(person))).toBe('');
    await expect.poll(stored).toBe('');
  };
  const setNotes = async (text: string) => {
    await clearNotes();
    await notes(sindre).focus();
    await sindre.page.keyboard.insertText(text);
    for (const person of everyone()) await expect.poll(() => editorText(notes(person))).toBe(text);
    await expect.poll(stored).toBe(text);
  };
  /** Every screen and the store hold the same text; returned. */
  const settled = async () => {
    await expect.poll(stored, { timeout: 20_000 }).not.toBe('');
    let text = '';
    await expect
      .poll(
        async () => {
          text = await stored();
          const screens = await Promise.all(everyone().map((person) => editorText(notes(person))));
          return screens.every((screen) => screen === text);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    return text;
  };

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, env: { LOG_LEVEL: 'debug' } });
    db = openDb(database.url);
    browser = await launchBrowser();
    const { meeting } = await demoFixtures(db);
    roomUrl = `${server.url}/moter/${meeting.id}/rom`;
    chair = await join(demo.chair, 'Mona Møteleder');
    sara = await join(demo.caseworker, 'Sara Saksbehandler');
    sindre = await join(demo.caseworker2, 'Sindre Saksbehandler');
    for (const person of everyone()) await person.page.goto(roomUrl);
    await makeCurrent(chair.page, avklaringTitle);
    for (const person of everyone())
      await person.page.getByRole('heading', { name: avklaringTitle, level: 2 }).waitFor({ timeout: 10_000 });
    const avklaring = await db.case.findFirstOrThrow({ where: { title: avklaringTitle } });
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: meeting.id, caseId: avklaring.id } });
    itemDocument = `item:${item.id}`;
    // Yjs and the editor loaded: the field is the editable one, not the text shown while loading.
    for (const person of everyone()) await notes(person).and(person.page.locator('[contenteditable="true"]')).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('keeps two people’s sentences whole when both type into the empty field at a person’s speed', async () => {
    await clearNotes();
    const mona = 'Mona: vi ser på gruppetilbud først.';
    const saraSays = 'Sara: foreldrene ønsker det også.';
    await Promise.all([caretAt(notes(chair), 'start'), caretAt(notes(sara), 'start')]);
    await Promise.all([typeInto(notes(chair), mona, humanMs), typeInto(notes(sara), saraSays, humanMs)]);
    const text = await settled();
    expect(text).toHaveLength(mona.length + saraSays.length);
    expect(text).toContain(mona);
    expect(text).toContain(saraSays);
  });

  for (const where of ['start', 'middle', 'end'] as const) {
    it(`keeps three people’s words whole when they type at once at the ${where} of existing text`, async () => {
      const before = 'Første del av notatet. Andre del av notatet.';
      const middle = before.indexOf(' Andre');
      await setNotes(before);
      const words = { chair: ' [Mona skriver her]', sara: ' [Sara skriver her]', sindre: ' [Sindre skriver her]' };
      const at = where === 'middle' ? middle : where;
      await Promise.all([caretAt(notes(chair), at), caretAt(notes(sara), at), caretAt(notes(sindre), at)]);
      await Promise.all([
        typeInto(notes(chair), words.chair, humanMs),
        typeInto(notes(sara), words.sara, humanMs),
        typeInto(notes(sindre), words.sindre, humanMs),
      ]);
      const text = await settled();
      expect(text).toHaveLength(before.length + words.chair.length + words.sara.length + words.sindre.length);
      for (const typed of Object.values(words)) expect(text).toContain(typed);
      // What was there stays whole, around what was typed.
      const inserted = text.replace(words.chair, '').replace(words.sara, '').replace(words.sindre, '');
      expect(inserted).toBe(before);
      if (where === 'start') expect(text.endsWith(before)).toBe(true);
      if (where === 'end') expect(text.startsWith(before)).toBe(true);
      if (where === 'middle') expect(text.startsWith(before.slice(0, middle)) && text.endsWith(before.slice(middle))).toBe(true);
    });
  }

  it('keeps Norwegian letters typed by composition (a dead key, an input method) whole while another person types', async () => {
    await clearNotes();
    // Each letter æ, ø, å is composed: a pending composition first, then the letter committed — as a dead key or an IME does.
    const composed = async (person: Person, text: string) => {
      const cdp = await person.context.newCDPSession(person.page);
      for (const char of text) {
        if ('æøåÆØÅ'.includes(char)) {
          await cdp.send('Input.imeSetComposition', { text: '˚', selectionStart: 1, selectionEnd: 1 });
          await cdp.send('Input.insertText', { text: char });
        } else {
          await person.page.keyboard.type(char);
        }
        await person.page.waitForTimeout(humanMs / 3);
      }
      await cdp.detach();
    };
    const saraSays = 'Sara: blåbærsyltetøy på søndag.';
    const mona = 'Mona: ærlig talt, god løsning.';
    await Promise.all([caretAt(notes(chair), 'start'), caretAt(notes(sara), 'start')]);
    await Promise.all([composed(sara, saraSays), composed(chair, mona)]);
    const text = await settled();
    expect(text).toHaveLength(saraSays.length + mona.length);
    expect(text).toContain(saraSays);
    expect(text).toContain(mona);
    expect(text).not.toContain('˚');
  });

  it('draws the others’ carets in the text with their names, each in one colour on every screen and every visit', async () => {
    await setNotes('Linje én.\nLinje to.');
    await caretAt(notes(sara), 'end');
    await caretAt(notes(sindre), 4);
    const seenBy = async (viewer: Person) => {
      let labels: { name: string; color: string }[] = [];
      await expect
        .poll(async () => {
          labels = await caretLabels(notes(viewer));
          return labels.map((l) => l.name).sort();
        })
        .toEqual(['Sara Saksbehandler', 'Sindre Saksbehandler']);
      return Object.fromEntries(labels.map((l) => [l.name, l.color]));
    };
    const onChair = await seenBy(chair);
    // The carets and their name labels drawn in the text pass axe (contrast of the label on its colour, too).
    expect(await accessibilityViolations(chair.page)).toEqual([]);
    // Two people, two colours, and not the library's default for "no colour given".
    expect(onChair['Sara Saksbehandler']).not.toBe(onChair['Sindre Saksbehandler']);
    expect(Object.values(onChair)).not.toContain('rgb(48, 188, 237)');
    // Sara's caret as the chair sees it; the chair's as Siv sees it, from a fresh visit.
    await caretAt(notes(chair), 2);
    const onSiv = await (async () => {
      let color = '';
      await expect
        .poll(async () => {
          const labels = await caretLabels(notes(sindre));
          color = labels.find((l) => l.name === 'Mona Møteleder')?.color ?? '';
          return labels.map((l) => l.name).sort();
        })
        .toEqual(['Mona Møteleder', 'Sara Saksbehandler']);
      return color;
    })();
    await chair.page.reload();
    await chair.page.getByRole('heading', { name: avklaringTitle, level: 2 }).waitFor();
    // As a person would: the caret goes in once the page says it is connected (under load that takes a while).
    await chair.page.getByText('Tilkoblet.', { exact: false }).first().waitFor();
    await caretAt(notes(chair), 2);
    await expect.poll(async () => (await caretLabels(notes(sindre))).find((l) => l.name === 'Mona Møteleder')?.color ?? '').toBe(onSiv);
    await expect.poll(async () => (await seenBy(chair))['Sara Saksbehandler']).toBe(onChair['Sara Saksbehandler']);
  });

  it('sends only the person’s own presence, never an echo of the others’ while they type', async () => {
    await setNotes('Notat.');
    await caretAt(notes(chair), 'end');
    await caretAt(notes(sara), 'start');
    await expect.poll(async () => (await caretLabels(notes(sindre))).length).toBe(2);
    const before = sindre.network.echoesSent();
    await Promise.all([typeInto(notes(chair), ' Mona skriver.', humanMs), typeInto(notes(sara), 'Sara skriver. ', humanMs)]);
    // The marker: Sindre's screen has both sentences, and so both typists' carets moved there.
    await expect.poll(() => editorText(notes(sindre))).toBe('Sara skriver. Notat. Mona skriver.');
    // The stock client would have sent each of their ~40 caret moves back (counted against his rate limit).
    expect(sindre.network.echoesSent() - before).toBe(0);
    expect(chair.network.echoesSent() + sara.network.echoesSent()).toBe(0);
  });

  it('undoes only the person’s own edits, by keyboard and by button', async () => {
    await clearNotes();
    await caretAt(notes(chair), 'start');
    await typeInto(notes(chair), 'Mona først.', 20);
    await expect.poll(stored).toBe('Mona først.');
    await caretAt(notes(sara), 'end');
    await typeInto(notes(sara), ' Sara etterpå.', 20);
    await expect.poll(stored).toBe('Mona først. Sara etterpå.');
    // The chair's Ctrl+Z takes back the chair's words, not Sara's, although hers came last.
    await notes(chair).focus();
    await chair.page.keyboard.press('Control+z');
    await expect.poll(stored).toBe(' Sara etterpå.');
    await chair.page.keyboard.press('Control+y');
    await expect.poll(stored).toBe('Mona først. Sara etterpå.');
    // Sara's button does the same for hers.
    await historyButton(sara, 'Angre').click();
    await expect.poll(stored).toBe('Mona først.');
    await historyButton(sara, 'Gjør om').click();
    await expect.poll(stored).toBe('Mona først. Sara etterpå.');
    for (const person of everyone()) await expect.poll(() => editorText(notes(person))).toBe('Mona først. Sara etterpå.');
  });

  it('never disconnects a person typing at over 150 keys a second, and loses nothing', async () => {
    await clearNotes();
    const closesBefore = everyone().map((p) => p.yjsCloses.length);
    const burst = 'rask diktering uten pause, '.repeat(30); // 810 keys
    await caretAt(notes(sara), 'start');
    // Key by key, each its own input event, sent without waiting for the one before (as a dictation tool does).
    const cdp = await sara.context.newCDPSession(sara.page);
    const started = performance.now();
    await Promise.all([...burst].map((key) => cdp.send('Input.insertText', { text: key })));
    const keysPerSecond = burst.length / ((performance.now() - started) / 1000);
    await cdp.detach();
    expect(keysPerSecond).toBeGreaterThan(150);
    await expect.poll(stored, { timeout: 20_000 }).toBe(burst);
    for (const person of everyone()) await expect.poll(() => editorText(notes(person))).toBe(burst);
    expect(everyone().map((p) => p.yjsCloses.length)).toEqual(closesBefore);
    await expect.poll(() => sara.page.getByText('Frakoblet', { exact: false }).count()).toBe(0);
  });

  it('takes a 50 KB paste without disconnecting anyone, and stores all of it', async () => {
    await clearNotes();
    const closesBefore = everyone().map((p) => p.yjsCloses.length);
    const line =
      'Avsnitt fra fagsystemet: vurdering av behov, tiltak og oppfølging – økt bistand på ettermiddag, så få søvnløse netter i måneden.';
    const paste = Array.from({ length: 357 }, (_, i) => `${i + 1}. ${line}`).join('\n');
    // Over 50 KiB as UTF-8, under the field's cap of 50 000 characters.
    expect(Buffer.byteLength(paste)).toBeGreaterThan(50 * 1024);
    expect(paste.length).toBeLessThan(50_000);
    await caretAt(notes(chair), 'start');
    await pasteInto(notes(chair), paste);
    await expect.poll(stored, { timeout: 30_000 }).toBe(paste);
    // The others see its start, and its end once they go there.
    for (const person of [sara, sindre]) {
      await expect.poll(async () => (await editorText(notes(person))).startsWith(`1. ${line}`)).toBe(true);
      await caretAt(notes(person), 'end');
      await expect.poll(async () => (await editorText(notes(person))).includes(`357. ${line}`)).toBe(true);
    }
    expect(everyone().map((p) => p.yjsCloses.length)).toEqual(closesBefore);
  });

  it('cuts a paste that would pass the field’s cap at the cap and says so, and nobody is disconnected', async () => {
    await setNotes('Innledning. ');
    const closesBefore = everyone().map((p) => p.yjsCloses.length);
    const tooMuch = 'x'.repeat(50_500);
    await caretAt(notes(chair), 'end');
    await pasteInto(notes(chair), tooMuch);
    const expected = `Innledning. ${'x'.repeat(50_000 - 'Innledning. '.length)}`;
    await expect.poll(stored, { timeout: 30_000 }).toBe(expected);
    await chair.page.getByText('Feltet er fullt: det kan ha høyst 50 000 tegn.').waitFor();
    // The cut paste reached the others too (the server took it: no 4400), and nobody's socket closed.
    // (CodeMirror draws a long line only around what is in view: Sara goes to the start to see it.)
    await caretAt(notes(sara), 'start');
    await expect.poll(async () => (await editorText(notes(sara))).slice(0, 20), { timeout: 20_000 }).toBe('Innledning. xxxxxxxx');
    expect(everyone().map((p) => p.yjsCloses.length)).toEqual(closesBefore);
  });

  it('keeps both follow-ups when two people add one at once, and both people’s words in each description', async () => {
    const descriptions = (person: Person) => person.page.getByRole('textbox', { name: 'Hva skal gjøres', exact: true });
    const storedFollowUps = async () => {
      const doc = await storedDocument(db, itemDocument);
      const list = (readItemContent(doc).followUps ?? []) as FollowUpDraft[];
      doc.destroy();
      return list;
    };
    // Follow-ups are part of the conclusion: the chair names Sara referent, so that both may write them.
    await expect.poll(() => sara.page.getByRole('button', { name: 'Legg til oppfølging' }).isDisabled()).toBe(true);
    await chair.page.getByLabel('Referent', { exact: true }).selectOption({ label: 'Sara Saksbehandler' });
    await expect.poll(() => sara.page.getByRole('button', { name: 'Legg til oppfølging' }).isEnabled(), { timeout: 10_000 }).toBe(true);
    // Both click "Legg til oppfølging" at the same moment: two rows, on every screen (one list would keep one).

    await Promise.all([chair, sara].map((person) => person.page.getByRole('button', { name: 'Legg til oppfølging' }).click()));
    // Sara's connection to the item was re-checked (closed, reconnected) by the referent change: under load her row may come with it.
    for (const person of everyone()) await expect.poll(() => descriptions(person).count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(async () => (await storedFollowUps()).length).toBe(2);

    // Each writes a row at a person's speed while the other does, then both write in the first row: at its end and its start.
    const first = 'Fatte vedtak om støttekontakt.';
    const second = 'Avklare gruppetilbud med Frivilligsentralen.';
    await Promise.all([typeInto(descriptions(chair).nth(0), first, humanMs), typeInto(descriptions(sara).nth(1), second, humanMs)]);
    for (const person of everyone()) await expect.poll(() => editorText(descriptions(person).nth(1))).toBe(second);
    await caretAt(descriptions(chair).nth(0), 'end');
    await caretAt(descriptions(sara).nth(0), 'start');
    await Promise.all([
      typeInto(descriptions(chair).nth(0), ' Innen fredag.', humanMs),
      typeInto(descriptions(sara).nth(0), 'Mona: ', humanMs),
    ]);
    const expected = `Mona: ${first} Innen fredag.`;
    for (const person of everyone()) await expect.poll(() => editorText(descriptions(person).nth(0))).toBe(expected);

    // An owner chosen on one row and a due date on the other at once: both kept.
    await Promise.all([
      chair.page.getByLabel('Ansvarlig', { exact: true }).nth(0).selectOption({ label: 'Sara Saksbehandler' }),
      sara.page.getByLabel('Frist', { exact: true }).nth(1).fill('15.1.2027'),
    ]);
    const saraId = (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id;
    await expect
      .poll(async () => (await storedFollowUps()).map(({ description, ownerId, dueDate }) => ({ description, ownerId, dueDate })))
      .toEqual([
        { description: expected, ownerId: saraId, dueDate: '' },
        { description: second, ownerId: '', dueDate: '2027-01-15' },
      ]);
    await expect.poll(() => sindre.page.getByLabel('Ansvarlig', { exact: true }).nth(0).inputValue()).toBe(saraId);
    // Typed the Norwegian way, stored as the calendar date, shown to the others as dd.mm.åååå.
    await expect.poll(() => sindre.page.getByLabel('Frist', { exact: true }).nth(1).inputValue()).toBe('15.01.2027');

    // Removed by the chair: gone on every screen and from the store, its description with it.
    await chair.page.getByRole('button', { name: 'Fjern oppfølging 2' }).click();
    for (const person of everyone()) await expect.poll(() => descriptions(person).count()).toBe(1);
    await expect.poll(async () => (await storedFollowUps()).map((f) => f.description)).toEqual([expected]);
  });

  it('keeps what was typed offline in a tab that was closed, and sends it when the person is back', async () => {
    await setNotes('Før bruddet.');
    await caretAt(notes(sara), 'end');
    await sara.network.set(false);
    await sara.page.getByText('Frakoblet', { exact: false }).first().waitFor();
    await typeInto(notes(sara), ' Skrevet uten nett.', 30);
    await expect.poll(() => editorText(notes(sara))).toBe('Før bruddet. Skrevet uten nett.');
    // Closed at once: the local copy (IndexedDB) must already hold it.
    await sara.page.close();
    await sara.network.set(true);
    expect(await stored()).toBe('Før bruddet.');
    sara.page = await sara.context.newPage();
    watchYjsSockets(sara);
    await sara.page.goto(roomUrl);
    await sara.page.getByRole('heading', { name: avklaringTitle, level: 2 }).waitFor();
    await expect.poll(stored, { timeout: 20_000 }).toBe('Før bruddet. Skrevet uten nett.');
    await expect.poll(() => editorText(notes(chair))).toBe('Før bruddet. Skrevet uten nett.');
  });
});
