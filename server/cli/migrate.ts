// `npm run db:migrate`: the one command a deploy runs to apply migrations.
import { applyMigrations } from '../db/apply-migrations';
import { resolveDatabaseTarget } from '../db/database-url';

const target = resolveDatabaseTarget(process.env.DATABASE_URL ?? 'file:./data/samlet.db');
const { applied } = await applyMigrations(target);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
