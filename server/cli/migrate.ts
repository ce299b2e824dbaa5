// `npm run db:migrate`: the one command a deploy runs to apply migrations.
import { applyMigrations } from '../db/apply-migrations';
import { resolveDatabaseTarget } from '../db/database-url';
import { loadCliEnvironment } from './cli-environment';

const env = loadCliEnvironment();
const { applied } = await applyMigrations(resolveDatabaseTarget(env.DATABASE_URL));
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
