import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './database-url';

/**
 * Applies the committed Prisma migrations (prisma/migrations for SQLite,
 * prisma/postgresql/migrations for PostgreSQL) and records them in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate status` agrees.
 *
 * Why not `prisma migrate deploy`: on PostgreSQL through the driver adapter it
 * fails here ("Column type 'name' could not be deserialized", STACK.md), and
 * spawning the CLI at every start costs seconds. This runner is the one command
 * a deploy runs (`npm run db:migrate`) and what the server runs at start.
 */
export type MigrationResult = { applied: string[] };

type Migration = { name: string; sql: string; checksum: string };

const sqliteLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const postgresLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** Any fixed number: serialises concurrent starts of several nodes on one database. */
const POSTGRES_MIGRATION_LOCK = 7_270_736_900;

export function readMigrations(directory: string): Migration[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(directory, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export function migrationsDirectory(provider: DatabaseTarget['provider'], root = process.cwd()): string {
  return provider === 'postgresql' ? path.join(root, 'prisma/postgresql/migrations') : path.join(root, 'prisma/migrations');
}

export async function applyMigrations(target: DatabaseTarget, root = process.cwd()): Promise<MigrationResult> {
  const migrations = readMigrations(migrationsDirectory(target.provider, root));
  return target.provider === 'postgresql' ? applyPostgres(target.url, migrations) : applySqlite(target.filePath, migrations);
}

function applySqlite(filePath: string, migrations: Migration[]): MigrationResult {
  const db = new Database(filePath);
  try {
    // WAL lets readers proceed during writes and makes each commit one fsync'd append.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(sqliteLedger);
    const done = new Set(
      db
        .prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const applied: string[] = [];
    // Prisma redefines SQLite tables (create new, copy, drop old): with foreign
    // keys on, dropping the old table would cascade-delete referencing rows.
    // The pragma cannot change inside a transaction, so it is set around it,
    // and the keys are checked before the commit.
    db.pragma('foreign_keys = OFF');
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${migration.name} leaves ${broken.length} broken foreign key(s)`);
        db.prepare(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)',
        ).run(randomUUID(), migration.checksum, migration.name);
      })();
      applied.push(migration.name);
    }
    db.pragma('foreign_keys = ON');
    return { applied };
  } finally {
    db.close();
  }
}

async function applyPostgres(url: string, migrations: Migration[]): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [POSTGRES_MIGRATION_LOCK]);
    await client.query(postgresLedger);
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Set(rows.map((row) => row.migration_name));
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)',
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [POSTGRES_MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
