import type { PrismaClient } from '../../prisma/generated/sqlite/client';
import { runtimeServices } from '../runtime/services';

/**
 * The database handle the domain works with. Both generated clients (SQLite
 * and PostgreSQL) have the same model API; the SQLite client's type stands
 * for both (server/db/create-prisma-client.ts).
 */
export type Db = PrismaClient;

/** A transaction client: the same API minus connection management. */
export type DbTransaction = Parameters<Parameters<Db['$transaction']>[0]>[0];

export type DbProvider = 'sqlite' | 'postgresql';

/**
 * The one client the Node server creates (server/start-server.ts) and
 * registers with the runtime services; Next's bundled route handlers and
 * pages run in the same process and read it back. This keeps Prisma and the
 * native drivers out of Next's bundle.
 */
export function getDb(): Db {
  return runtimeServices().db;
}

/** Which database runs: the few raw queries (full-text search) differ between them. */
export function getDbProvider(): DbProvider {
  return runtimeServices().dbProvider;
}
