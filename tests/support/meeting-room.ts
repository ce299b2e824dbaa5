import type { Page } from 'playwright-core';

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
