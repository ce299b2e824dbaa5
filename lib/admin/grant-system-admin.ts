import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';

/**
 * Grants or revokes the system administrator role (issue 16). Only the command
 * line does this (`npm run admin:grant -- <e-mail> [--revoke]`): whoever runs
 * it already holds the server's configuration, so no power in the app can
 * make a system administrator — not even another one. The account is found by
 * e-mail, whether it logs in with a password or only through OIDC. An
 * unknown e-mail is refused unless a name is given (`--name=…`): then an
 * account without password or unit is made, which the person's first login
 * through the municipality's OIDC provider links (the usual e-mail match), so
 * an installation without local passwords gets its first system administrator
 * the same way. Audited with no actor, `via: cli`.
 */
export type GrantResult = { outcome: 'granted' | 'created' | 'revoked' | 'unchanged' | 'unknown' | 'inactive'; email: string };

const emailArg = z.string().trim().toLowerCase().pipe(z.email());

const nameArg = z.string().trim().min(2).max(120);

export type GrantArguments = { email: string; revoke: boolean; name?: string };

export function parseGrantArguments(args: readonly string[]): GrantArguments | null {
  const revoke = args.includes('--revoke');
  const nameFlag = args.find((a) => a.startsWith('--name='));
  const name = nameFlag === undefined ? undefined : nameArg.safeParse(nameFlag.slice('--name='.length));
  const rest = args.filter((a) => a !== '--revoke' && a !== nameFlag);
  const email = rest.length === 1 ? emailArg.safeParse(rest[0]) : null;
  if (!email?.success || name?.success === false || (revoke && name)) return null;
  return { email: email.data, revoke, ...(name ? { name: name.data } : {}) };
}

export async function grantSystemAdmin(db: Db, options: GrantArguments): Promise<GrantResult> {
  const { email, revoke } = options;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true, systemAdmin: true } });
  if (!user && options.name && !revoke) {
    await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, name: options.name!, systemAdmin: true } });
      await recordAuditEvent(tx, {
        actorId: null,
        action: 'user.system_admin_grant',
        entityType: 'user',
        entityId: created.id,
        detail: { via: 'cli', newAccount: true },
      });
    });
    return { outcome: 'created', email };
  }
  if (!user) return { outcome: 'unknown', email };
  // A deactivated account cannot become one (it could not log in anyway); revoking always works.
  if (!revoke && !user.active) return { outcome: 'inactive', email };
  if (user.systemAdmin === !revoke) return { outcome: 'unchanged', email };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { systemAdmin: !revoke } });
    await recordAuditEvent(tx, {
      actorId: null,
      action: revoke ? 'user.system_admin_revoke' : 'user.system_admin_grant',
      entityType: 'user',
      entityId: user.id,
      detail: { via: 'cli' },
    });
  });
  // This command runs beside the servers, not in them: each node's session cache (lib/auth/session-cache.ts) may
  // keep the old flag for up to SAMLET_SESSION_CACHE_MS (5 s); after that every request reads the change.
  return { outcome: revoke ? 'revoked' : 'granted', email };
}
