/**
 * The screen-reader check (issue 20), run by hand: Orca 43 reads Samlet in
 * Debian's Chromium, headed, on a virtual display, and the transcript of what
 * Orca spoke after each step goes to test-artifacts/screen-reader/transcript.txt.
 *
 *   npx tsx scripts/screen-reader-check.ts
 *
 * Needs packages CI does not install (docs/accessibility.md has the apt-get
 * line). The person listening is Sara, in the headed browser Orca reads;
 * the chair acts from a headless browser of its own, which Orca never sees
 * (as a colleague in another room). Keys go to the page through Playwright,
 * not through X, so Orca hears the page's focus and live regions, not the
 * keys themselves (no key echo, no Orca commands).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { launchBrowser, signIn } from '../tests/support/browser';
import { createTestDatabase, type TestDatabase } from '../tests/support/databases';
import { demo, demoFixtures, openDb } from '../tests/support/fixtures';
import { makeCurrent } from '../tests/support/meeting-room';
import { startTestServer, type TestServer } from '../tests/support/test-server';
import { missingPackages, startDesktop, type Desktop } from './screen-reader/desktop';
import { OrcaSpeech } from './screen-reader/orca-speech';
import { Transcript } from './screen-reader/transcript';
import { waitUntil } from './screen-reader/wait-until';

const root = path.resolve(import.meta.dirname, '..');
const workDir = path.join(root, 'test-artifacts', 'screen-reader');
const avklaringTitle = 'Søknad om støttekontakt for ungdom (15 år): individuell støttekontakt eller gruppetilbud?';

async function main(): Promise<void> {
  const missing = missingPackages();
  if (missing.length > 0) {
    console.error(`Missing: apt-get install ${missing.join(' ')} (see docs/accessibility.md)`);
    process.exit(2);
  }
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });

  let desktop: Desktop | undefined;
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  let listenerBrowser: BrowserContext | undefined;
  let chairBrowser: Browser | undefined;
  try {
    desktop = await startDesktop(workDir);
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    const db = openDb(database.url);
    const fixtures = await demoFixtures(db);
    await db.$disconnect();

    const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
    const orcaVersion = execFileSync('/usr/bin/orca', ['--version'], { encoding: 'utf8' }).trim();
    const transcript = new Transcript(path.join(workDir, 'transcript.txt'), [
      `What Orca spoke, step by step — Orca ${orcaVersion}, ${chromiumVersion}, Orca's locale ${desktop.locale}, ${new Date().toISOString()}`,
      'Each «…» is one utterance Orca sent to speech-dispatcher (the SPEECH OUTPUT lines of its debug log), with Orca’s time.',
      'Listener: Sara Saksbehandler in headed Chromium; the chair (Mona Møteleder) acts from a browser Orca does not see.',
    ]);
    const speech = new OrcaSpeech(desktop.orcaLog);
    const step = async (title: string, action: () => Promise<unknown>, timing?: { quietMs?: number; silentMs?: number }) => {
      const mark = speech.mark();
      await action();
      const spoken = await speech.settle(mark, timing);
      transcript.step(title, spoken);
      console.log(`${title}: ${spoken.map((u) => `«${u.text}»`).join(' ') || '(nothing)'}`);
    };

    // A profile of its own whose languages are Norwegian and that saves no passwords: Debian's Chromium has only its
    // English UI, and Orca read its offers ("Translate this page?", "Save password?") aloud over the page.
    const profile = path.join(workDir, 'chromium-profile');
    mkdirSync(path.join(profile, 'Default'), { recursive: true });
    writeFileSync(
      path.join(profile, 'Default', 'Preferences'),
      JSON.stringify({
        translate: { enabled: false },
        intl: { accept_languages: 'nb-NO,nb,no' },
        credentials_enable_service: false,
        profile: { password_manager_enabled: false },
      }),
    );
    listenerBrowser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: false,
      env: desktop.env,
      viewport: { width: 1280, height: 900 },
      locale: 'nb-NO',
      args: [
        '--force-renderer-accessibility',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-sync',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
      ],
    });
    const sara = listenerBrowser.pages()[0] ?? (await listenerBrowser.newPage());
    await sara.bringToFront();

    await loginFlow(step, sara, server.url);
    await caseFormFlow(step, sara, `${server.url}/saker/${fixtures.draftCase.id}`);

    chairBrowser = await launchBrowser();
    const chair = (await signIn(chairBrowser, server.url, demo.chair)).page;
    const roomUrl = `${server.url}/moter/${fixtures.meeting.id}/rom`;
    await chair.goto(roomUrl);
    await roomFlow(step, sara, chair, roomUrl);

    const port = server.port;
    const roomNews = sara.locator('[data-announcer="room"]');
    await step('The connection is lost (the server stops)', async () => {
      await server!.stop('SIGTERM');
      await waitForText(roomNews, 'Frakoblet møterommet');
    });
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, port });
    // The page's own region says it is back before the step listens for what Orca made of it.
    let reconnected = true;
    await step('The server is back; the room reconnects by itself (up to 30 s)', () =>
      waitForText(roomNews, 'Tilkoblet møterommet.').catch(() => (reconnected = false)),
    );
    if (!reconnected) transcript.note(`   The room itself did not reconnect: its region still reads «${await roomNews.textContent()}».`);

    const audio = existsSync(desktop.audioFile) ? statSync(desktop.audioFile).size : 0;
    transcript.note(`espeak-ng synthesised ${audio} bytes of audio for this run (ALSA file output): the speech was really produced.`);
    console.log(`\nTranscript: ${path.relative(root, path.join(workDir, 'transcript.txt'))}`);
  } finally {
    await listenerBrowser?.close().catch(() => undefined);
    await chairBrowser?.close().catch(() => undefined);
    await server?.stop('SIGTERM');
    await database?.drop();
    await desktop?.stop();
  }
}

/** Until the element's text contains `text` (what the page did), so that the step then hears what Orca did with it. */
async function waitForText(locator: Locator, text: string): Promise<void> {
  await waitUntil(`«${text}» in the page`, async () => ((await locator.textContent()) ?? '').includes(text), 30_000);
}

/** A person pausing before writing on: the conclusion is announced again after a pause (item-panel.tsx). */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type Step = (title: string, action: () => Promise<unknown>, timing?: { quietMs?: number; silentMs?: number }) => Promise<void>;

/** Tab until the element matching `selector` has the focus, one transcript step per key. */
async function tabTo(step: Step, page: Page, selector: string, label: string, shift = false): Promise<void> {
  for (let press = 0; press < 20; press++) {
    await step(`${shift ? 'Shift+Tab' : 'Tab'} (towards ${label})`, () => page.keyboard.press(shift ? 'Shift+Tab' : 'Tab'));
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${label} not reached by Tab`);
}

async function loginFlow(step: Step, page: Page, baseUrl: string): Promise<void> {
  await step('Login: the page opens', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#email').waitFor();
  });
  await tabTo(step, page, '#email', 'E-postadresse');
  await step('Login: types an e-mail address', () => page.keyboard.type(demo.caseworker));
  await tabTo(step, page, '#password', 'Passord');
  await step('Login: types a wrong password and presses Enter', async () => {
    await page.keyboard.type('feil-passord');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
  });
  await tabTo(step, page, '#email', 'E-postadresse', true);
  await step('Login: the right password, Enter', async () => {
    await page.locator('#password').fill(demo.password);
    await page.locator('#password').press('Enter');
    await page.waitForURL(`${baseUrl}/`);
  });
}

async function caseFormFlow(step: Step, page: Page, caseUrl: string): Promise<void> {
  await step('Case form: the draft opens', async () => {
    await page.goto(caseUrl);
    await page.locator('#felt-samletVurdering[contenteditable="true"]').waitFor();
  });
  const nav = page.getByRole('navigation', { name: 'Deler av skjemaet' });
  const alternatives = nav.getByRole('link', { name: /Alternativer/ });
  await step('Case form: focus on the section navigation’s link to «Alternativer»', () => alternatives.focus());
  await step('Case form: Enter on the link', () => page.keyboard.press('Enter'));
  await step('Case form: Tab from there', () => page.keyboard.press('Tab'));
  const facts = page.getByRole('textbox', { name: 'Fakta i saken' });
  await step('Case form: focus on «Fakta i saken»', () => facts.focus());
  await step('Case form: types a sentence in it', () => page.keyboard.type('Bor alene. Trenger hjelp i helgene.', { delay: 60 }));
  const submit = page.getByRole('button', { name: 'Meld inn saken' });
  await step('Case form: focus on «Meld inn saken»', () => submit.focus());
  await step('Case form: Enter (the form is not complete)', () => page.keyboard.press('Enter'));
  await step('Case form: Tab into the error summary', () => page.keyboard.press('Tab'));
  await step('Case form: Enter on the first error', () => page.keyboard.press('Enter'));
}

async function roomFlow(step: Step, sara: Page, chair: Page, roomUrl: string): Promise<void> {
  await step('Room: Sara opens the meeting room', async () => {
    await sara.goto(roomUrl);
    await sara.getByText(/Til stede:.*Mona Møteleder/).waitFor();
  });
  await step('Room: the chair makes the avklaring the current item', async () => {
    await makeCurrent(chair, avklaringTitle);
    await sara.getByRole('heading', { name: avklaringTitle, level: 2 }).waitFor();
  });
  const notes = sara.getByRole('textbox', { name: 'Notater fra møtet' });
  await step('Room: Sara moves to the notes', () => notes.focus());
  await step('Room: the chair chooses the outcome «Avklart»', async () => {
    await chair.getByRole('radio', { name: 'Avklart', exact: true }).check();
    await sara.getByRole('radio', { name: 'Avklart', exact: true, checked: true }).waitFor();
  });
  const conclusion = chair.getByRole('textbox', { name: 'Konklusjon med begrunnelse' });
  await step('Room: the chair types a conclusion', async () => {
    await conclusion.click();
    await conclusion.pressSequentially('Gruppetilbud gir god nytte; ');
  });
  await step('Room: the chair types more of the conclusion at once', () => conclusion.pressSequentially('alvorlighet '));
  await step('Room: the chair pauses for four seconds, then writes on', async () => {
    await pause(4000);
    await conclusion.pressSequentially('er moderat.');
  });
  await chair.getByRole('button', { name: 'Legg til oppfølging' }).click();
  await chair.getByLabel('Hva skal gjøres').fill('Fatte vedtak om gruppetilbud');
  await chair.getByLabel('Ansvarlig', { exact: true }).selectOption({ label: 'Sara Saksbehandler' });
  await step('Room: the chair locks the item', async () => {
    await chair.getByRole('button', { name: 'Lås punktet' }).click();
    await sara.getByText('Punktet er låst. Ingen kan endre det.').waitFor();
  });
}

await main();
