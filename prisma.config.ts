// Prisma CLI configuration. Prisma's native engines cannot be downloaded here,
// so the CLI runs its wasm schema engine through a driver adapter ("js" engine).
// The provider follows DATABASE_URL, as the server does (server/db/database-url.ts).
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/samlet.db';
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: isPostgres ? 'prisma/postgresql/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: isPostgres ? 'prisma/postgresql/migrations' : 'prisma/migrations' },
  adapter: async () => (isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
