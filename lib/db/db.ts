import type { PrismaClient } from '../../prisma/generated/sqlite/client';

/**
 * The database handle the domain works with. Both generated clients (SQLite
 * and PostgreSQL) have the same model API; the SQLite client's type stands
 * for both (server/db/create-prisma-client.ts).
 */
export type Db = PrismaClient;

/** A transaction client: the same API minus connection management. */
export type DbTransaction = Parameters<Parameters<Db['$transaction']>[0]>[0];

export type DbProvider = 'sqlite' | 'postgresql';

type SamletGlobal = typeof globalThis & { __samletDb?: Db; __samletDbProvider?: DbProvider };

/**
 * The Node server (server/main.ts) creates the one client and registers it
 * here; Next's bundled route handlers and pages run in the same process and
 * read it back. This keeps Prisma and the native drivers out of Next's bundle.
 */
export function registerDb(db: Db, provider: DbProvider): void {
  (globalThis as SamletGlobal).__samletDb = db;
  (globalThis as SamletGlobal).__samletDbProvider = provider;
}

/** Which database runs: the few raw queries (full-text search) differ between them. */
export function getDbProvider(): DbProvider {
  return (globalThis as SamletGlobal).__samletDbProvider ?? 'sqlite';
}

export function getDb(): Db {
  const db = (globalThis as SamletGlobal).__samletDb;
  if (!db) throw new Error('The database is not initialised: start Samlet through server/main.ts');
  return db;
}
