import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ftsPrefixQuery } from '../../lib/history/highlight';
import { restemSearchEntries } from '../../lib/history/restem-search-entries';
import { applyMigrations } from '../../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../../server/db/database-url';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { openDb } from '../support/fixtures';

const stemsMigration = '20261201220000_search_stems';

/**
 * An SQLite database from before the index held stems: after the migration and
 * the restem step the server runs at start, its old entries are found by any
 * form of their words (the index is rebuilt, nothing is lost).
 */
describe('search stems migration on sqlite', () => {
  let database: TestDatabase | undefined;
  const oldRoot = mkdtempSync(path.join(tmpdir(), 'samlet-old-migrations-'));

  afterAll(async () => {
    await database?.drop();
    rmSync(oldRoot, { recursive: true, force: true });
  });

  it('re-indexes entries written before the stems', async () => {
    database = await createTestDatabase('sqlite');
    const target = resolveDatabaseTarget(database.url);
    if (target.provider !== 'sqlite') throw new Error('sqlite expected');
    // The migrations as they were before this one.
    mkdirSync(path.join(oldRoot, 'prisma/migrations'), { recursive: true });
    for (const name of readdirSync('prisma/migrations').filter((n) => /^\d/.test(n) && n < stemsMigration)) {
      cpSync(path.resolve('prisma/migrations', name), path.join(oldRoot, 'prisma/migrations', name), { recursive: true });
    }
    await applyMigrations(target, oldRoot);
    const raw = new Database(target.filePath);
    raw
      .prepare(
        `INSERT INTO "SearchEntry" ("itemId", "unitId", "meetingId", "meetingDate", "purpose", "title", "body")
         VALUES ('olditem', 'unit', 'meeting', 1764583200000, 'drofting', 'Støttekontakt for ungdom', 'Hjemmetjenesten kommer daglig.')`,
      )
      .run();
    raw.close();

    const { applied } = await applyMigrations(target);
    expect(applied).toContain(stemsMigration);
    const db = openDb(database.url);
    const matches = (q: string) =>
      db.$queryRaw<{ itemId: string }[]>`SELECT e."itemId" FROM "SearchEntryFts" JOIN "SearchEntry" e ON e."id" = "SearchEntryFts"."rowid"
        WHERE "SearchEntryFts" MATCH ${ftsPrefixQuery(q)}`;
    try {
      expect(await matches('støttekontakter')).toEqual([]);
      expect(await restemSearchEntries(db)).toBe(1);
      for (const q of ['støttekontakter', 'støttekontaktene', 'hjemmetjenester', 'hjemmetjeneste']) {
        expect(await matches(q), q).toEqual([{ itemId: 'olditem' }]);
      }
      expect(await matches('avlastning')).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  });
});
