import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { applyMigrations } from '../../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../../server/db/database-url';
import { PrismaDocumentStore, type DocumentStore } from '../../server/realtime/yjs/document-store';
import { SqliteDocumentStore } from '../../server/realtime/yjs/sqlite-document-store';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { openDb } from '../support/fixtures';
import { systemClock } from '../../lib/time/clock';

/**
 * The Yjs document stores on the real databases (SQLite through its worker
 * thread, PostgreSQL through Prisma): appends from many documents made in one
 * turn of the event loop are written as one group, in order, and load back
 * exactly; compaction keeps the content.
 */
describe.each(databaseKinds)('Yjs document store on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  /** Statements (PostgreSQL) or worker requests (SQLite) the store has made. */
  let writes: () => number;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const target = resolveDatabaseTarget(database.url);
    await applyMigrations(target);
    const real = openDb(database.url);
    if (target.provider === 'sqlite') {
      const sqlite = new SqliteDocumentStore({ filePath: target.filePath, synchronous: 'normal' });
      store = sqlite;
      writes = () => sqlite.requestCount;
      db = real;
    } else {
      // Count the raw statements the store runs; every call goes to the real database.
      let count = 0;
      db = new Proxy(real, {
        get(target, property) {
          if (property === '$executeRaw') count += 1;
          return Reflect.get(target, property) as unknown;
        },
      });
      store = new PrismaDocumentStore(db);
      writes = () => count;
    }
  });

  afterAll(async () => {
    await store?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  /** A client's edits as separate updates, as a persistence queue hands them over. */
  function typed(text: string, clientID: number): Uint8Array[] {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of text.split(' ')) doc.getText('notes').insert(doc.getText('notes').length, `${word} `);
    doc.destroy();
    return updates;
  }

  const textOf = (state: Uint8Array | null) => {
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return doc.getText('notes').toString().trim();
  };

  it('writes the appends of twenty documents made in one turn as one group, and loads each back in order', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `test:group-${i}`);
    const texts = names.map((_, i) => `dokument ${i} første andre tredje`);
    const edits = texts.map((text, i) => typed(text, i + 1));
    const before = writes();

    // Each document's edits in three appends, as three flushes; one flush per document is in flight at a time.
    for (let round = 0; round < 3; round++) {
      await Promise.all(names.map((name, i) => store.append(name, round < 2 ? [edits[i][round]] : edits[i].slice(2))));
    }

    expect(writes() - before).toBe(3);
    expect(await db.yDocUpdate.count({ where: { docName: { in: names } } })).toBe(60);
    for (const [i, name] of names.entries()) expect(textOf(await store.load(name))).toBe(texts[i]);
  });

  it('writes a group of 1500 documents completely', async () => {
    const names = Array.from({ length: 1500 }, (_, i) => `test:many-${i}`);
    const before = writes();
    await Promise.all(names.map((name, i) => store.append(name, typed(`nr ${i}`, i + 1))));
    // PostgreSQL: statements of at most 1000 rows (bound-parameter limit); SQLite: one request.
    expect(writes() - before).toBe(kind === 'postgresql' ? 2 : 1);
    expect(await db.yDocUpdate.count({ where: { docName: { startsWith: 'test:many-' } } })).toBe(1500);
    expect(textOf(await store.load(names[1234]))).toBe('nr 1234');
  });

  it('keeps the content through compaction, and appends after it', async () => {
    const name = 'test:compact';
    const [first, ...rest] = typed('før komprimering og etter', 77);
    await store.append(name, [first]);
    await store.append(name, rest.slice(0, 2));
    await store.compact(name);
    expect(await db.yDocUpdate.count({ where: { docName: name } })).toBe(0);
    expect(await db.yDocState.count({ where: { name } })).toBe(1);
    await store.append(name, rest.slice(2));
    expect(textOf(await store.load(name))).toBe('før komprimering og etter');
    // The rows the store wrote are readable through Prisma too (dates in its format).
    const rows = await db.yDocUpdate.findMany({ where: { docName: name } });
    expect(rows[0].createdAt.getTime()).toBeGreaterThan(systemClock.now().getTime() - 60_000);
  });

  it('writes nothing for an empty append', async () => {
    const before = writes();
    await store.append('test:empty', []);
    expect(writes()).toBe(before);
    expect(await store.load('test:empty')).toBeNull();
  });
});

describe('SQLite store worker', () => {
  let database: TestDatabase;
  let sqlite: SqliteDocumentStore;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const target = resolveDatabaseTarget(database.url);
    await applyMigrations(target);
    if (target.provider !== 'sqlite') throw new Error('expected SQLite');
    sqlite = new SqliteDocumentStore({ filePath: target.filePath, synchronous: 'normal' });
  });

  afterAll(async () => {
    await sqlite?.close();
    await database?.drop();
  });

  it('starts a new worker when the old one has died, and nothing written is lost', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('notes').insert(0, 'etter ');
    doc.getText('notes').insert(6, 'krasj');
    await sqlite.append('test:crash', [updates[0]]);
    await sqlite.killWorker();
    await sqlite.append('test:crash', [updates[1]]);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await sqlite.load('test:crash'))!);
    expect(loaded.getText('notes').toString()).toBe('etter krasj');
  });

  it('refuses work once closed', async () => {
    await sqlite.close();
    await expect(sqlite.load('test:crash')).rejects.toThrow('closed');
  });
});
