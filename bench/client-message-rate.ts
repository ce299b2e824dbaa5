/**
 * Messages a person's page sends to the Yjs server, measured in Debian's
 * Chromium through the real page (the meeting room's "Notater fra møtet"): human
 * typing at ~150 ms a key, a typing tool at 150+ keys a second
 * (`keyboard.type` with a 5 ms delay) and a 50 KB paste. The server's
 * per-connection limit (server/realtime/yjs/limits.ts) is sized from these
 * figures; docs/performance.md has the last run.
 *
 *   npx tsx bench/client-message-rate.ts
 *
 * Prints figures; it is not a test and fails on nothing but a crash.
 */
import type { Page, WebSocket } from 'playwright-core';
import { yjsLimits } from '../server/realtime/yjs/limits';
import { launchBrowser, signIn } from '../tests/support/browser';
import { createTestDatabase } from '../tests/support/databases';
import { editorField } from '../tests/support/editor-field';
import { demo, demoFixtures, openDb } from '../tests/support/fixtures';
import { startTestServer } from '../tests/support/test-server';

type Frame = { at: number; bytes: number };
/** The item panel's status once the server has confirmed everything stored (save-tracking.ts). */
const savedText = 'Tilkoblet. Alle endringer er lagret.';

/** Every frame the page sends on its /yjs/ websockets, and whether one of them closed. */
function watchYjsFrames(page: Page) {
  const frames: Frame[] = [];
  let closes = 0;
  page.on('websocket', (ws: WebSocket) => {
    if (!new URL(ws.url()).pathname.startsWith('/yjs/')) return;
    ws.on('framesent', (frame) =>
      frames.push({ at: performance.now(), bytes: typeof frame.payload === 'string' ? frame.payload.length : frame.payload.byteLength }),
    );
    ws.on('close', () => (closes += 1));
  });
  return { frames, closes: () => closes };
}

/** The most frames in any window of `ms` (sliding). */
function peak(frames: Frame[], ms: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < frames.length; i++) {
    while (frames[i].at - frames[j].at >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function measure(page: Page, watch: ReturnType<typeof watchYjsFrames>, name: string, act: () => Promise<void>) {
  const from = watch.frames.length;
  const closesBefore = watch.closes();
  const start = performance.now();
  await act();
  // Whatever the client still holds goes out within its coalescing window; then the status says saved.
  await page.getByText(savedText).waitFor({ timeout: 30_000 });
  const seconds = (performance.now() - start) / 1000;
  const frames = watch.frames.slice(from);
  const bytes = frames.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `${name.padEnd(34)} ${String(frames.length).padStart(5)} frames in ${seconds.toFixed(1).padStart(5)} s = ` +
      `${(frames.length / seconds).toFixed(1).padStart(5)}/s; peak ${String(peak(frames, 1000)).padStart(3)} in 1 s, ` +
      `${String(peak(frames, 100)).padStart(2)} in 100 ms; ${(bytes / 1024).toFixed(1)} KiB; disconnects: ${watch.closes() - closesBefore}`,
  );
}

const avklaringTitle = 'Søknad om støttekontakt for ungdom (15 år): individuell støttekontakt eller gruppetilbud?';
const database = await createTestDatabase('sqlite');
const server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
const browser = await launchBrowser();
try {
  const db = openDb(database.url);
  const roomUrl = `${server.url}/moter/${(await demoFixtures(db)).meeting.id}/rom`;
  await db.$disconnect();
  const { page } = await signIn(browser, server.url, demo.chair);
  const watch = watchYjsFrames(page);
  await page.goto(roomUrl);
  await page.getByRole('button', { name: `Gjør til aktuelt punkt: ${avklaringTitle}` }).click();
  // Before the submission deadline the room asks the chair to confirm opening the meeting.
  const early = page.getByRole('dialog', { name: 'Fristen for innmelding er ikke ute' });
  await early.or(page.getByRole('timer')).first().waitFor();
  if (await early.isVisible()) await early.getByRole('button', { name: 'Åpne møtet likevel' }).click();
  await page.getByRole('heading', { name: avklaringTitle, level: 2 }).waitFor();
  await page.getByText(savedText).waitFor();
  const field = editorField(page, 'Notater fra møtet');
  await field.focus();

  const sentence = 'Bruker bor alene og ønsker hjelp til innkjøp og matlaging i helgene. ';
  console.log(`limit: ${yjsLimits.messagesPerSecond}/s sustained, bursts of ${yjsLimits.messageBurst}`);
  await measure(page, watch, 'human typing, 150 ms a key', () => page.keyboard.type(sentence.slice(0, 40), { delay: 150 }));
  await measure(page, watch, 'typing tool, 5 ms a key', () => page.keyboard.type(sentence.repeat(6), { delay: 5 }));
  await measure(page, watch, 'typing tool, no delay', () => page.keyboard.type(sentence.repeat(6), { delay: 0 }));
  // As tests/browser/co-editing.test.ts: key by key, each its own input event, none waiting for the one before.
  const burst = 'rask diktering uten pause, '.repeat(30);
  await measure(page, watch, `dictation, ${burst.length} keys at once`, async () => {
    const cdp = await page.context().newCDPSession(page);
    const started = performance.now();
    await Promise.all([...burst].map((key) => cdp.send('Input.insertText', { text: key })));
    console.log(`  (${(burst.length / ((performance.now() - started) / 1000)).toFixed(0)} keys/s)`);
    await cdp.detach();
  });
  // Over 50 KB of UTF-8 (the notes take 50,000 characters): as the browser test pastes it.
  const line = 'Avsnitt fra fagsystemet med vurderinger, tiltak og oppfølging i kommunen.';
  const paste = Array.from({ length: 600 }, (_, i) => `${i + 1}. ${line}`).join('\n');
  await measure(page, watch, `paste, ${(Buffer.byteLength(paste) / 1024).toFixed(0)} KiB`, () =>
    field.evaluate((content, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, paste),
  );
} finally {
  await browser.close();
  await server.stop('SIGTERM');
  await database.drop();
}
