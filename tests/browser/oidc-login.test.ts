import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { freePort, startTestServer, type TestServer } from '../support/test-server';

const providerName = 'Testkommunens innlogging';

describe('logging in with the municipality’s OpenID Connect provider', () => {
  let database: TestDatabase;
  let identityProvider: TestOidcProvider;
  let server: TestServer;
  let browser: Browser;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // The provider must know Samlet's redirect URI before Samlet starts, so the port is chosen first.
    const port = await freePort();
    identityProvider = await startOidcProvider(`http://127.0.0.1:${port}/api/auth/callback/oidc`);
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      port,
      env: {
        OIDC_ISSUER: identityProvider.issuer,
        OIDC_CLIENT_ID: identityProvider.clientId,
        OIDC_CLIENT_SECRET: identityProvider.clientSecret,
        OIDC_NAME: providerName,
      },
    });
    browser = await launchBrowser();
    db = openDb(database.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await identityProvider?.stop();
    await db?.$disconnect();
    await database?.drop();
  });

  /**
   * From Samlet's login page through the provider's own login and consent
   * forms. Each login gets a context of its own, so no provider or Samlet
   * session carries over from another case.
   */
  async function loginThroughProvider(login: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: `Logg inn med ${providerName}` }).click();
    await page.waitForURL(`${identityProvider.issuer}/interaction/**`);
    await page.locator('input[name="login"]').fill(login);
    // The development login form takes any password; who logs in is decided by the login name.
    await page.locator('input[name="password"]').fill('hva-som-helst');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The first authorization of a client asks for consent to the scopes (openid, email, profile).
    await page.getByRole('button', { name: 'Continue' }).click();
    return { context, page };
  }

  it('shows the provider’s button on the login page without WCAG 2.1 A/AA violations', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: `Logg inn med ${providerName}` }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('logs a known user in through the provider and lands on the home page', async () => {
    const { context, page } = await loginThroughProvider(demo.leader);
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('link', { name: 'Innlogget som Lars Leder' }).waitFor();

    const leader = await db.user.findUniqueOrThrow({ where: { email: demo.leader } });
    const logins = await db.auditEvent.findMany({ where: { action: 'auth.login', actorId: leader.id } });
    expect(logins.map((event) => event.detail)).toContainEqual(expect.stringContaining('oidc'));
    // The first login linked the account to the provider's subject.
    expect((await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).oidcSubject).toBe(demo.leader);
    expect(await db.auditEvent.count({ where: { action: 'user.oidc_link', entityId: leader.id } })).toBe(1);
    await context.close();
  });

  it('after linking, the subject decides: a changed e-mail still finds the account, another identity with the same e-mail is refused', async () => {
    const moved = await loginThroughProvider(`lars.leder.ny@demo.test#${demo.leader}`);
    await moved.page.waitForURL(`${server.url}/`);
    await moved.page.getByRole('link', { name: 'Innlogget som Lars Leder' }).waitFor();
    await moved.context.close();

    const impostor = await loginThroughProvider(`${demo.leader}#en-annen-identitet`);
    await impostor.page.waitForURL(`${server.url}/login?error=UnknownUser`);
    expect((await impostor.context.cookies(server.url)).map((cookie) => cookie.name)).not.toContain('next-auth.session-token');
    await impostor.context.close();
  });

  it('refuses a person who is not a Samlet user and leaves no session', async () => {
    const { context, page } = await loginThroughProvider('ukjent@demo.test');
    await page.waitForURL(`${server.url}/login?error=UnknownUser`);
    // (Next's route announcer is an empty role=alert too, hence the text filter.)
    await page.getByRole('alert').filter({ hasText: nb.login.unknownUser }).waitFor();

    expect((await context.cookies(server.url)).map((cookie) => cookie.name)).not.toContain('next-auth.session-token');
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await context.close();
  });
});
