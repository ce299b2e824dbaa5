// `npm run db:seed`: demo data into an empty database (after `npm run db:migrate`).
import { seedDemoData } from '../../lib/seed/demo-seed';
import { createPrismaClient } from '../db/create-prisma-client';
import { resolveDatabaseTarget } from '../db/database-url';
import { loadCliEnvironment } from './cli-environment';

const env = loadCliEnvironment();
const db = createPrismaClient(resolveDatabaseTarget(env.DATABASE_URL));
const { seeded } = await seedDemoData(db);
console.log(seeded ? 'Demo data seeded.' : 'The database is not empty; nothing seeded.');
await db.$disconnect();
