import type { Page } from 'playwright-core';

/** One change of a status region's text, and whether a screen reader is told it (aria-live not off). */
export type RegionChange = { text: string; live: boolean; testId: string | null };

/**
 * Records, from now on, every change of the page's status and alert regions
 * (role status/alert/log, or aria-live): what a screen reader is told as it
 * happens, and what a region marked aria-live="off" keeps to itself. The
 * screen-reader check (scripts/screen-reader-check.ts) heard Orca read each
 * live change; this lets a browser test assert which changes are live.
 * Lost on reload: record again after one.
 */
export async function recordRegionChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __regionChanges?: RegionChange[] };
    if (w.__regionChanges) return;
    const changes: RegionChange[] = [];
    w.__regionChanges = changes;
    const last = new WeakMap<Element, string>();
    const selector = '[role="status"], [role="alert"], [role="log"], [aria-live]';
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const node = mutation.target;
        const region = (node instanceof Element ? node : node.parentElement)?.closest(selector);
        if (!region) continue;
        // Not trim(): it strips the no-break space an announcer appends to say the same words again.
        const text = (region.textContent ?? '').replace(/^[ \t\n]+|[ \t\n]+$/g, '');
        if (!text || last.get(region) === text) continue;
        last.set(region, text);
        changes.push({ text, live: region.getAttribute('aria-live') !== 'off', testId: region.getAttribute('data-testid') });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function regionChanges(page: Page): Promise<RegionChange[]> {
  return page.evaluate(() => (window as unknown as { __regionChanges?: RegionChange[] }).__regionChanges ?? []);
}

/** The texts a screen reader was told. */
export async function liveAnnouncements(page: Page): Promise<string[]> {
  return (await regionChanges(page)).filter((c) => c.live).map((c) => c.text);
}
