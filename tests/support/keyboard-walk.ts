import type { Page } from 'playwright-core';
import { changedPixels } from './pixel-change';

/**
 * A keyboard-only walk of a page's main part (issue 20): Tab from where the
 * focus is until the footer, then Shift+Tab back to the first control. Each
 * control a keyboard must reach is numbered beforehand (data-walk, in
 * document order); a radio group is one control (Tab enters it once, the
 * arrows move inside), and so is a date field (day, month, year and its
 * calendar button). At each stop it records whether the focus can be seen
 * and whether the control lies wholly below the sticky header (WCAG 2.2
 * 2.4.11 — walking back up is where a sticky header would cover it).
 */
export type WalkResult = {
  /** The controls, by name, in the order the page lists them. */
  expected: string[];
  /** The order the controls were reached, each once per run of stops. */
  forward: string[];
  backward: string[];
  /** Whether Tab went on past the page's main part to the footer (no keyboard trap). */
  reachedFooter: boolean;
  /** Stops where the focus could not be seen or lay under the header, described. */
  hidden: string[];
};

/** Pixels that must change for a calendar button's focus to count as seen: a ring round a 16 px icon is about 140. */
const minRingPixels = 40;

type Box = { x: number; y: number; width: number; height: number };
/**
 * `pickerButton`: the focus is on a date field's calendar button. Chromium
 * makes it a Tab stop of its own after the day, month and year, inside the
 * browser's shadow tree, where neither :focus on the field nor the page's CSS
 * reaches; Chromium draws its own ring around the icon, so that stop is judged
 * by the screen (the field's pixels against the field at rest).
 */
type Stop = { walk: string | null; footer: boolean; visibleFocus: boolean; belowHeader: boolean; pickerButton: Box | null; label: string };

/** Numbers every control of the main part a keyboard must reach (data-walk), in document order. */
function markControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"], [contenteditable="true"]';
    // checkVisibility: also what a closed <details> hides (its content is content-visibility: hidden, laid out but
    // not rendered and not a Tab stop), as search's filters on a phone.
    const controls = [...document.querySelectorAll<HTMLElement>(`main ${selector}`)].filter(
      (el) => el.getClientRects().length > 0 && el.checkVisibility() && !el.closest('[inert]'),
    );
    const names: string[] = [];
    const groups = new Map<string, string>();
    for (const el of controls) {
      const group = el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `radio:${el.name}` : null;
      const known = group ? groups.get(group) : undefined;
      if (known !== undefined) {
        el.dataset.walk = known;
        continue;
      }
      const id = String(names.length);
      el.dataset.walk = id;
      if (group) groups.set(group, id);
      names.push(group ?? el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent?.trim() ?? el.tagName);
    }
    return names;
  });
}

/** Where the focus is now, and whether it can be seen. */
function stop(page: Page): Promise<Stop> {
  return page.evaluate((): Stop => {
    const el = document.activeElement as HTMLElement | null;
    const header = document.querySelector('header')!.getBoundingClientRect();
    if (!el || el === document.body)
      return { walk: null, footer: false, visibleFocus: true, belowHeader: true, pickerButton: null, label: 'body' };
    const outlined = (node: Element) => {
      const style = getComputedStyle(node);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    };
    // An editor's text (CodeMirror's contenteditable) is ringed by its field's frame ([data-field], focus-within).
    const frame = el.isContentEditable ? el.closest('[data-field]') : null;
    const framed = frame !== null && outlined(frame);
    const ring = getComputedStyle(el).boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    const inMain = Boolean(el.closest('main'));
    return {
      walk: el.dataset.walk ?? null,
      footer: Boolean(el.closest('footer')),
      visibleFocus: outlined(el) || ring || framed,
      pickerButton: el instanceof HTMLInputElement && el.type === 'date' && !el.matches(':focus') ? box.toJSON() : null,
      // A control in the page's content may not slip under the sticky header, not even in part.
      belowHeader: !inMain || box.top >= header.bottom - 0.5,
      label: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent?.trim().slice(0, 40)}`,
    };
  });
}

/** Walks the page as it is now (the focus at its top: load it or focus something above main first). */
export async function walkByKeyboard(page: Page): Promise<WalkResult> {
  const expected = await markControls(page);
  // Each date field at rest (focus on the page), to tell its calendar button's ring from no ring.
  const rest = new Map<string, Buffer>();
  for (const id of await page.$$eval('main input[type="date"][data-walk]', (els) => els.map((el) => (el as HTMLElement).dataset.walk!)))
    rest.set(id, await page.locator(`main [data-walk="${id}"]`).screenshot());
  const stopSeen = async () => {
    const at = await stop(page);
    if (at.pickerButton && at.walk) {
      const now = await page.locator(`main [data-walk="${at.walk}"]`).screenshot();
      at.visibleFocus = (await changedPixels(page, rest.get(at.walk)!, now)) >= minRingPixels;
    }
    return at;
  };

  const forward: Stop[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const at = await stopSeen();
    forward.push(at);
    if (at.footer) break;
  }
  const backward: Stop[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Shift+Tab');
    const at = await stopSeen();
    backward.push(at);
    if (at.walk === '0') break;
  }
  const order = (stops: Stop[]) => stops.map((s) => s.walk).filter((w, i, all): w is string => w !== null && w !== all[i - 1]);
  return {
    expected,
    forward: order(forward),
    backward: order(backward),
    reachedFooter: Boolean(forward.at(-1)?.footer),
    hidden: [...forward, ...backward]
      .filter((s) => !s.belowHeader || !s.visibleFocus)
      .map((s) => `${s.label}: ${s.visibleFocus ? '' : 'no visible focus '}${s.belowHeader ? '' : 'under the header'}`),
  };
}
