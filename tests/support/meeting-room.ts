import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser';
import { demo } from './fixtures';

/**
 * The chair makes an item the current one, through the page. Opening the
 * meeting before its submission deadline asks the chair to confirm (the demo
 * meeting's deadline is usually still ahead — it is the next meeting open for
 * submissions when the server seeded); the chair confirms. Waits with
 * Playwright's locators (usable in beforeAll, where expect.poll is not).
 */
export async function makeCurrent(chair: Page, title: string): Promise<void> {
  await chair.getByRole('button', { name: `Gjør til aktuelt punkt: ${title}` }).click();
  const dialog = chair.getByRole('dialog', { name: 'Fristen for innmelding er ikke ute' });
  // The current item's timer shows once it is current; the dialog comes first when the deadline is ahead.
  const timer = chair.getByRole('timer');
  await dialog.or(timer).first().waitFor();
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Åpne møtet likevel' }).click();
  await timer.waitFor();
}

/**
 * Mona the chair and Sara (a caseworker) signed in, each in a browser context
 * of one Chromium, both in the meeting's room — ready once Sara's screen shows
 * the chair present. The two-person set-up of the room's browser tests.
 */
export async function chairAndSaraInRoom(serverUrl: string, meetingId: string): Promise<{ browser: Browser; chair: Page; sara: Page }> {
  const browser = await launchBrowser();
  const chair = (await signIn(browser, serverUrl, demo.chair)).page;
  const sara = (await signIn(browser, serverUrl, demo.caseworker)).page;
  for (const page of [chair, sara]) await page.goto(`${serverUrl}/moter/${meetingId}/rom`);
  await sara.getByText(/Til stede:.*Mona Møteleder/).waitFor();
  return { browser, chair, sara };
}
