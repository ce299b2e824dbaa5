import NextAuth from 'next-auth';
import { buildAuthOptions } from '@/app/_auth/options';

const handler = NextAuth(buildAuthOptions());

export { handler as GET, handler as POST };
export const dynamic = 'force-dynamic';
