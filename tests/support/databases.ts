import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Fresh, real databases for one test file: a new SQLite file in a temp folder,
 * or a new PostgreSQL database on the local server, dropped afterwards.
 */
export type DatabaseKind = 'sqlite' | 'postgresql';
export const databaseKinds: DatabaseKind[] = ['sqlite', 'postgresql'];

export type TestDatabase = { kind: DatabaseKind; url: string; dataDir: string; drop: () => Promise<void> };

const postgresAdminUrl = process.env.SAMLET_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samlet-test-'));
  if (kind === 'sqlite') {
    return {
      kind,
      url: `file:${path.join(dataDir, 'samlet.db')}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `samlet_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    dataDir,
    drop: async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
