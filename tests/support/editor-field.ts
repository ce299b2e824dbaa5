import type { Locator, Page } from 'playwright-core';

/**
 * The collaborative fields are CodeMirror editors (app/_collab/editor-kit.ts):
 * a contenteditable with role textbox, labelled by the field's label. These
 * helpers read and drive them through the page, as a person would.
 */
export function editorField(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

/**
 * The text a person sees in the field: its lines, without the other people's
 * caret labels drawn into it. CodeMirror renders the lines in view; the
 * fields these tests use are short enough to be in view whole, and the long
 * ones are checked in the database.
 */
export function editorText(field: Locator): Promise<string> {
  return field.evaluate((content) =>
    Array.from(content.querySelectorAll(':scope > .cm-line'))
      .map((line) => {
        const copy = line.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.cm-ySelectionCaret, .cm-widgetBuffer').forEach((widget) => widget.remove());
        return (copy.textContent ?? '').replace(/\u2060/g, '');
      })
      .join('\n'),
  );
}

/** The names drawn at other people's carets in this field. */
export function caretLabels(field: Locator): Promise<{ name: string; color: string }[]> {
  return field.evaluate((content) =>
    Array.from(content.querySelectorAll('.cm-ySelectionInfo')).map((label) => ({
      name: label.textContent ?? '',
      color: getComputedStyle(label).backgroundColor,
    })),
  );
}

/** Types `text` key by key, `delayMs` between keys (150 ms ≈ a person; 0 ≈ a dictation or paste tool). */
export async function typeInto(field: Locator, text: string, delayMs: number): Promise<void> {
  await field.pressSequentially(text, { delay: delayMs });
}

/** Puts the caret at `index` of the field's text (from the start, with the arrow keys). */
export async function caretAt(field: Locator, index: number | 'start' | 'end'): Promise<void> {
  await field.focus();
  const page = field.page();
  await page.keyboard.press('Control+Home');
  if (index === 'start') return;
  if (index === 'end') return page.keyboard.press('Control+End');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
}
