import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Db } from '../../lib/db/db';
import { PrismaClient as PostgresClient } from '../../prisma/generated/postgresql/client';
import { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/client';
import type { DatabaseTarget } from './database-url';

type QueryEvents = { $on(event: 'query', listener: () => void): void };

/**
 * One Prisma client for the process, through the driver adapter of the
 * target. `onQuery` (the metrics of bench/ and the query-count test) hears
 * every SQL statement; without it Prisma emits no query events at all.
 */
export function createPrismaClient(target: DatabaseTarget, options: { onQuery?: () => void } = {}): Db {
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  const client =
    target.provider === 'postgresql'
      ? // Same models, same API: the SQLite client's type stands for both.
        (new PostgresClient({
          adapter: new PrismaPg({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 }),
          log,
        }) as unknown as Db)
      : (new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.url }), log }) as unknown as Db);
  if (options.onQuery) (client as unknown as QueryEvents).$on('query', options.onQuery);
  return client;
}
