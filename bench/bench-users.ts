import { hashPassword } from '../lib/auth/password';
import type { Db } from '../lib/db/db';
import { demo } from '../tests/support/fixtures';
import { login } from '../tests/support/login';

/**
 * Logged-in caseworkers of a unit, enough for `clients` websockets: a node
 * allows 50 per user (server/realtime/yjs/limits.ts), so a load of many
 * meetings needs many accounts, as a real unit has.
 */
export async function benchUsers(db: Db, serverUrl: string, unitId: string, clients: number): Promise<string[]> {
  const count = Math.ceil(clients / 40);
  const passwordHash = await hashPassword(demo.password);
  const cookies: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const email = `bench${i}.${Date.now()}@bench.test`;
    await db.user.create({ data: { email, name: `Benk ${i}`, passwordHash, memberships: { create: { unitId, role: 'saksbehandler' } } } });
    const cookie = await login(serverUrl, email, demo.password);
    if (!cookie) throw new Error(`bench login failed for ${email}`);
    cookies.push(cookie);
  }
  return cookies;
}
