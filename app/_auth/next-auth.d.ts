import 'next-auth';

declare module 'next-auth' {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The server-side session (UserSession.id) this cookie belongs to. */
    sid?: string;
  }
}
