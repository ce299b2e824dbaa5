// `npm run db:migrate`: the one command a deploy runs to apply migrations.
import { restemSearchEntries } from '../../lib/history/restem-search-entries';
import { applyMigrations } from '../db/apply-migrations';
import { createPrismaClient } from '../db/create-prisma-client';
import { resolveDatabaseTarget } from '../db/database-url';
import { loadCliEnvironment } from './cli-environment';

const env = loadCliEnvironment();
const target = resolveDatabaseTarget(env.DATABASE_URL);
const { applied } = await applyMigrations(target);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
// Data steps that SQL cannot do: search entries from before the stems get them (the server also does this at start).
const db = createPrismaClient(target);
const restemmed = await restemSearchEntries(db);
if (restemmed) console.log(`Stemmed ${restemmed} search entr${restemmed === 1 ? 'y' : 'ies'} for the index.`);
await db.$disconnect();
