import NextAuth from 'next-auth';
import { buildAuthOptions } from '@/app/_auth/options';
import { withLiveSessionCheck } from '@/app/_auth/session-endpoint';

const handler = withLiveSessionCheck(NextAuth(buildAuthOptions()));

export { handler as GET, handler as POST };
export const dynamic = 'force-dynamic';
