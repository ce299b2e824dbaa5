import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { systemClock } from '../../lib/time/clock';

/**
 * Debian's Chromium driven by playwright-core: no browser is ever downloaded.
 * The flags keep it off the network this machine does not have.
 */
export async function launchBrowser(): Promise<Browser> {
  const movedClock = Boolean(process.env.LD_PRELOAD?.includes('faketime'));
  const browser = await chromium.launch({
    executablePath: process.env.SAMLET_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Under `npm run test:any-hour` libfaketime moves this process's and the servers' clocks, but Chromium
    // with libfaketime preloaded takes over a minute to start. So Chromium runs on the real clock and each of
    // its pages gets the moved time through Playwright's clock (below): pages, servers and tests agree.
    env: movedClock ? withoutFaketime(process.env) : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  if (movedClock) giveContextsThisClock(browser);
  return browser;
}

function withoutFaketime(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value !== undefined && key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME')),
  ) as Record<string, string>;
}

/** Every context starts at this process's (moved) time; time then flows and timers fire as usual. */
function giveContextsThisClock(browser: Browser): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    await context.clock.install({ time: systemClock.now() });
    return context;
  };
  browser.newPage = async (...args) => {
    const context = await browser.newContext(...args);
    const page = await context.newPage();
    // As Playwright's own newPage: closing the page closes its context.
    page.on('close', () => void context.close());
    return page;
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core in the page against WCAG 2.0/2.1 level A and AA rules. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  return axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
}

/** The same with WCAG 2.2's AA additions (target size, focus not obscured …), as the every-page test runs it. */
export async function wcagViolations(page: Page): Promise<AxeViolation[]> {
  return axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
}

/**
 * Designsystemet fades dialogs and popovers in: axe measuring contrast mid-fade reports colours nobody sees
 * once it ends. Waits for the running finite animations and transitions (a spinner's infinite one never ends).
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

async function axeViolations(page: Page, tags: string[]): Promise<AxeViolation[]> {
  // Next streams a dynamic page's metadata after its body: let the <title> arrive (if it never does, axe says so).
  // (After a server action the page's tree is streamed again; on a loaded machine that has taken over 5 s.)
  await page.waitForFunction(() => document.title.trim().length > 0, null, { timeout: 15_000 }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  await settleAnimations(page);
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, tags);
}

/** Logs in through the real login form in a context of its own; confirm dialogs are accepted. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password = 'demo1234',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  traceForFailures(page, email);
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${baseUrl}/`);
  return { context, page };
}

/**
 * What a browser did that a failing test should show: console errors and
 * websocket opens and closes, with the time. Read by `browserTraces`, which a
 * test passes to `printLogsOnFailure` (tests/support/test-server.ts).
 */
const traces: string[] = [];

function traceForFailures(page: Page, who: string): void {
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      traces.push(`${at()} ${who} console.${message.type()}: ${message.text()}`);
  });
  page.on('websocket', (ws) => {
    traces.push(`${at()} ${who} websocket open ${new URL(ws.url()).pathname}`);
    ws.on('close', () => traces.push(`${at()} ${who} websocket closed ${new URL(ws.url()).pathname}`));
  });
}

export function browserTraces(): string {
  return traces.slice(-150).join('\n');
}
