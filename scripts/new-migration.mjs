// `npm run db:new-migration -- <name> [<git revision>]`
// Writes a migration for SQLite and for PostgreSQL from the difference between
// prisma/schema.prisma as committed at <git revision> (default HEAD) and as it
// is now. (Prisma's --from-migrations needs a shadow database, which the CLI
// refuses when it runs through a driver adapter, as it must here.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toPostgresSchema } from './postgres-schema.mjs';

const [name, revision = 'HEAD'] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new-migration -- <snake_case_name> [<git revision>]');
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), 'samlet-migration-'));
const before = execFileSync('git', ['show', `${revision}:prisma/schema.prisma`], { encoding: 'utf8' });
const after = readFileSync('prisma/schema.prisma', 'utf8');
const stamp = process.env.SAMLET_MIGRATION_STAMP ?? new Date().toISOString().replace(/\D/g, '').slice(0, 14);

const flavours = [
  { dir: 'prisma/migrations', from: before, to: after, env: { DATABASE_URL: `file:${work}/unused.db` } },
  {
    dir: 'prisma/postgresql/migrations',
    from: toPostgresSchema(before),
    to: toPostgresSchema(after),
    // The adapter connects, but a diff of two datamodels changes nothing in the database.
    env: { DATABASE_URL: process.env.SAMLET_MIGRATION_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
];
for (const [i, flavour] of flavours.entries()) {
  const fromFile = path.join(work, `from-${i}.prisma`);
  const toFile = path.join(work, `to-${i}.prisma`);
  writeFileSync(fromFile, flavour.from);
  writeFileSync(toFile, flavour.to);
  const sql = execFileSync(
    process.execPath,
    [
      'node_modules/prisma/build/index.js',
      'migrate',
      'diff',
      '--from-schema-datamodel',
      fromFile,
      '--to-schema-datamodel',
      toFile,
      '--script',
    ],
    { encoding: 'utf8', env: { ...process.env, ...flavour.env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (sql.includes('-- This is an empty migration.')) {
    console.log(`${flavour.dir}: no changes`);
    continue;
  }
  const dir = path.join(flavour.dir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  console.log(`wrote ${dir}/migration.sql`);
}
