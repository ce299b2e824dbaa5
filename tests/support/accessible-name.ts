import type { Page } from 'playwright-core';

/**
 * The accessible names Chromium itself computes for the page's nodes of one
 * role (its accessibility tree over CDP) — what it hands a screen reader.
 * Playwright's `getByRole` name is its own computation and may differ (it puts
 * spaces between block elements where Chromium does not).
 */
export async function chromiumNames(page: Page, role: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[];
    };
    return nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
  } finally {
    await cdp.detach();
  }
}

/** The accessible names and descriptions Chromium gives a screen reader for the page's nodes of one role. */
export async function chromiumDescriptions(page: Page, role: string): Promise<{ name: string; description: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; description?: { value?: string }; ignored?: boolean }[];
    };
    return nodes
      .filter((n) => !n.ignored && n.role?.value === role)
      .map((n) => ({ name: n.name?.value ?? '', description: n.description?.value ?? '' }));
  } finally {
    await cdp.detach();
  }
}
