import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import type { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password';
import { systemClock } from '../time/clock';

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type AuthenticatedUser = { id: string; email: string; name: string };

/**
 * Checks e-mail and password. Any failure — unknown e-mail, wrong password,
 * deactivated account, throttled — returns null, so the caller can only show
 * one generic message and an attacker learns nothing about which it was.
 */
export async function authenticateCredentials(options: {
  db: Db;
  throttle: LoginThrottle;
  input: unknown;
  address: string;
}): Promise<AuthenticatedUser | null> {
  const { db, throttle, address } = options;
  const parsed = credentialsSchema.safeParse(options.input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await throttle.isBlocked(email, address)) {
    await verifyPassword(null, password); // same cost as a real attempt
    return null;
  }
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) {
    await throttle.recordFailure(email, address);
    if (user) {
      await recordAuditEvent(db, { actorId: null, action: 'auth.login_failed', entityType: 'user', entityId: user.id });
    }
    return null;
  }
  await throttle.recordSuccess(email);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: systemClock.now() } });
  await recordAuditEvent(db, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id });
  return { id: user.id, email: user.email, name: user.name };
}
