import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Db } from '../../lib/db/db';
import { PrismaClient as PostgresClient } from '../../prisma/generated/postgresql/client';
import { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/client';
import type { DatabaseTarget } from './database-url';

/** One Prisma client for the process, through the driver adapter of the target. */
export function createPrismaClient(target: DatabaseTarget): Db {
  if (target.provider === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 });
    // Same models, same API: the SQLite client's type stands for both.
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) });
}
