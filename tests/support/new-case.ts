import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { editorField } from './editor-field';

/** The case id in a case page's address (`/saker/<id>`), once the first edit has made the draft. */
export const caseAddress = /\/saker\/([a-z0-9]{20,})$/;

/**
 * *Ny sak* as a person starts one: the link on *Mine saker*, the empty form
 * (nothing stored yet), and the first thing typed makes the draft, whose
 * address the page then takes. `first` is typed into its field at `delayMs`
 * a key; without it, a key is typed and taken back (an empty draft). Returns
 * the case id, once the page says everything is stored.
 */
export async function startNewCase(page: Page, first?: { field: string; text: string; delayMs?: number }): Promise<string> {
  await page.getByRole('link', { name: 'Ny sak', exact: true }).click();
  await page.waitForURL(/\/saker\/ny(\?|$)/);
  await page.getByText('Ikke lagret ennå.', { exact: false }).waitFor();
  const field = editorField(page, first?.field ?? 'Fakta i saken');
  // The editor binds once Yjs has loaded (until then the field is read-only, and keys go nowhere).
  await expect.poll(() => field.getAttribute('contenteditable')).toBe('true');
  if (first) await field.pressSequentially(first.text, { delay: first.delayMs ?? 20 });
  else {
    await field.pressSequentially('x');
    await field.press('Backspace');
  }
  await page.waitForURL(caseAddress);
  await page.getByText('Alle endringer er lagret.').waitFor();
  return caseAddress.exec(new URL(page.url()).pathname)![1];
}
