// `npm run admin:grant -- <e-mail> [--name="Full Name"] [--revoke]`: makes an account a system administrator (or no
// longer one). The only way to grant the role (issue 16); the same for accounts with a password and OIDC-only ones.
// --name makes the account when the e-mail is unknown (no password, no unit: it logs in through OIDC).
import { grantSystemAdmin, parseGrantArguments } from '../../lib/admin/grant-system-admin';
import { createPrismaClient } from '../db/create-prisma-client';
import { resolveDatabaseTarget } from '../db/database-url';
import { loadCliEnvironment } from './cli-environment';

const env = loadCliEnvironment();
const args = parseGrantArguments(process.argv.slice(2));
if (!args) {
  console.error('usage: npm run admin:grant -- <e-mail> [--name="Full Name"] [--revoke]');
  process.exit(2);
}
const db = createPrismaClient(resolveDatabaseTarget(env.DATABASE_URL));
const { outcome, email } = await grantSystemAdmin(db, args);
await db.$disconnect();
const messages = {
  granted: `${email} is now a system administrator.`,
  created: `Made the account ${email} (no password, no unit: it logs in through OIDC) and made it a system administrator.`,
  revoked: `${email} is no longer a system administrator.`,
  unchanged: `${email} ${args.revoke ? 'was not' : 'is already'} a system administrator; nothing changed.`,
  unknown: `No account has the e-mail ${email}. Give --name="Full Name" to make it (it then logs in through OIDC).`,
  inactive: `The account ${email} is deactivated; reactivate it first.`,
};
console.log(messages[outcome]);
process.exit(outcome === 'unknown' || outcome === 'inactive' ? 1 : 0);
