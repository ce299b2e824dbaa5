// `npm run privacy:retention -- [--dry-run] [--months=N]`: anonymises (or, dry, counts) the case
// histories whose last conclusion is older than SAMLET_RETENTION_MONTHS (default 24). Prints counts only.
import { z } from 'zod';
import { runRetention } from '../../lib/privacy/retention';
import { createPrismaClient } from '../db/create-prisma-client';
import { resolveDatabaseTarget } from '../db/database-url';
import { loadCliEnvironment } from './cli-environment';

const env = loadCliEnvironment();
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const monthsArg = args.find((a) => a.startsWith('--months='))?.slice('--months='.length);
// --months overrides the configured period for one run; it is held to the same bounds.
const months =
  monthsArg === undefined
    ? { success: true as const, data: env.SAMLET_RETENTION_MONTHS }
    : z.coerce.number().int().min(0).max(600).safeParse(monthsArg);
if (!months.success) {
  console.error(`months must be a whole number from 0 to 600, not "${monthsArg}"`);
  process.exit(2);
}
const db = createPrismaClient(resolveDatabaseTarget(env.DATABASE_URL));
// A process of its own: no meeting shares its event loop, so it need not rest between batches.
const result = await runRetention(db, { months: months.data, dryRun, rest: async () => undefined });
console.log(
  `${dryRun ? 'Would anonymise' : 'Anonymised'} ${result.cases} case(s) of ${result.histories} person(s) (retention ${months.data} months).`,
);
await db.$disconnect();
