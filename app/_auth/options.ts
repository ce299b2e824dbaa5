import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { authenticateCredentials } from '@/lib/auth/authenticate-credentials';
import { resolveOidcAccount } from '@/lib/auth/oidc-account';
import { recordOidcLogin } from '@/lib/auth/record-oidc-login';
import { LoginThrottle } from '@/lib/auth/login-throttle';
import { sessionMaxAgeSeconds } from '@/lib/auth/session-cookie';
import { endUserSession, startUserSession } from '@/lib/auth/user-sessions';
import { endLiveSessions } from '@/lib/realtime/live-sessions';
import { getDb } from '@/lib/db/db';
import { runtimeConfig } from '@/lib/runtime/services';

/**
 * next-auth configuration, in one place. Sessions are encrypted JWT cookies so
 * the Node server can verify the very same cookie on websocket upgrades
 * (server/auth/session-resolver.ts); roles are never trusted from the cookie
 * but read from the database on each check.
 */
const throttle = new LoginThrottle();

/** Set by the Node server's request router from the socket (or a trusted proxy's X-Forwarded-For), never by the client. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const address = headers?.['x-samlet-client-address'];
  return typeof address === 'string' && address ? address : 'unknown';
}

function oidcProvider(): NextAuthOptions['providers'][number] | null {
  const oidc = runtimeConfig().oidc;
  if (!oidc) return null;
  const { issuer, clientId, clientSecret } = oidc;
  return {
    id: 'oidc',
    name: oidc.name,
    type: 'oauth',
    wellKnown: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    idToken: true,
    checks: ['pkce', 'state'],
    authorization: { params: { scope: 'openid email profile' } },
    // With the code flow a provider returns the scope's claims (email, name) from the userinfo
    // endpoint; the ID token may hold no more than `sub` (OIDC Core 5.4). The ID token is still
    // validated, and openid-client refuses a userinfo answer whose `sub` differs from it. (next-auth
    // passes the TokenSet from client.callback() but types it as plain token fields.)
    userinfo: {
      request: ({ client, tokens }) => client.userinfo(tokens as Parameters<typeof client.userinfo>[0]),
    },
    profile: (profile: { sub: string; email?: string; name?: string }) => ({
      id: profile.sub,
      email: profile.email?.toLowerCase() ?? null,
      name: profile.name ?? null,
    }),
  };
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'E-post og passord',
  credentials: { email: { type: 'email' }, password: { type: 'password' } },
  authorize: (input, req) =>
    authenticateCredentials({
      db: getDb(),
      throttle,
      input,
      address: clientAddress(req?.headers as Record<string, unknown> | undefined),
    }),
});

export function buildAuthOptions(): NextAuthOptions {
  // The configuration is read when next-auth reads these, on each request: the route module that
  // builds the options is also loaded where no server has registered it (`next build`).
  return {
    get secret() {
      return runtimeConfig().authSecret;
    },
    // The cookie lives as long as the server-side session (lib/auth/user-sessions.ts), which decides.
    get session() {
      return { strategy: 'jwt' as const, maxAge: sessionMaxAgeSeconds() };
    },
    pages: { signIn: '/login', error: '/login' },
    get providers() {
      const oidc = oidcProvider();
      return oidc ? [credentials, oidc] : [credentials];
    },
    callbacks: {
      // OIDC: only people who already have an active account may come in; no self-registration.
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        const resolved = await resolveOidcAccount(getDb(), { subject: account.providerAccountId, email: user.email ?? null });
        return resolved ? true : '/login?error=UnknownUser';
      },
      async jwt({ token, user, account }) {
        if (account?.provider === 'oidc' && user) {
          // Linked by signIn just before; the subject names the account from now on.
          const known = await recordOidcLogin({ db: getDb(), subject: account.providerAccountId });
          if (!known) return { ...token, sub: undefined };
          token.sub = known.id;
          token.name = known.name;
        }
        // A sign-in (credentials or OIDC) starts a server-side session; the cookie carries its id.
        if (user && token.sub) token.sid = (await startUserSession(getDb(), token.sub)).id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      // Logout ends the session on the server (a copied cookie stops working) and closes its websockets.
      async signOut({ token }) {
        if (typeof token?.sid === 'string' && (await endUserSession(getDb(), token.sid, 'logout'))) await endLiveSessions([token.sid]);
        if (token?.sub) {
          await recordAuditEvent(getDb(), { actorId: token.sub, action: 'auth.logout', entityType: 'user', entityId: token.sub });
        }
      },
    },
  };
}

export function oidcDisplayName(): string | null {
  return runtimeConfig().oidc?.name ?? null;
}
