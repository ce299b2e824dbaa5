import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import Provider from 'oidc-provider';
import { freePort } from './test-server';

/**
 * A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1, with
 * one client for Samlet. Its built-in development login form accepts any login
 * name with any password; the login name is the person's e-mail. Claims follow
 * the provider's spec-conformant default: e-mail and name are served by the
 * userinfo endpoint, not put in the ID token.
 */
export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop: () => Promise<void>;
};

export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'samlet';
  const clientSecret = randomBytes(24).toString('base64url');
  // Our own signing key and cookie keys keep the provider off its shared development defaults.
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    // PKCE is only recommended for confidential clients; requiring it proves Samlet sends it.
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The login name is the e-mail, and also the subject unless given as "email#subject" (another
    // identity at the provider with the same e-mail).
    findAccount: (_ctx, login) => {
      const [email, subject = email] = login.split('#');
      return { accountId: login, claims: () => ({ sub: subject, email, email_verified: true, name: email.split('@')[0] }) };
    },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Ten minutes outlive any test; stating them also keeps the provider's reminders out of the output.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
  });
  const server = provider.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
