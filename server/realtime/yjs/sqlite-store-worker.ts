import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { AppendRow } from './append-coalescer';
import { foldUpdates } from './fold-updates';

/**
 * The SQLite side of the Yjs document store, on its own thread with its own
 * connection: better-sqlite3 blocks its thread for every statement and every
 * commit, and Yjs merges for loads and compactions take milliseconds, so none
 * of it runs on the event loop that relays edits (docs/performance.md).
 * Requests are handled one at a time, in the order they were sent.
 */
export type StoreRequest =
  | { id: number; kind: 'load'; name: string }
  | { id: number; kind: 'append'; rows: AppendRow[] }
  | { id: number; kind: 'compact'; name: string }
  | { id: number; kind: 'close' };

export type StoreReply = { id: number; ok: true; state?: Uint8Array | null } | { id: number; ok: false; message: string };

export type StoreWorkerData = { filePath: string; synchronous: 'normal' | 'full' };

const { filePath, synchronous } = workerData as StoreWorkerData;
const db = new Database(filePath);
db.pragma('journal_mode = WAL');
// Waits (on this thread only) while the main connection holds the write lock.
db.pragma('busy_timeout = 5000');
db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);

const selectSnapshot = db.prepare<[string], { state: Buffer }>('SELECT "state" FROM "YDocState" WHERE "name" = ?');
const selectUpdates = db.prepare<[string], { id: number; data: Buffer }>(
  'SELECT "id", "data" FROM "YDocUpdate" WHERE "docName" = ? ORDER BY "id"',
);
// createdAt in the format Prisma's SQLite adapter writes and reads.
const insertUpdate = db.prepare<[string, Buffer, string]>('INSERT INTO "YDocUpdate" ("docName", "data", "createdAt") VALUES (?, ?, ?)');
const upsertSnapshot = db.prepare<[string, Buffer, string]>(
  'INSERT INTO "YDocState" ("name", "state", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("name") DO UPDATE SET "state" = excluded."state", "updatedAt" = excluded."updatedAt"',
);
const deleteUpdatesUpTo = db.prepare<[string, number]>('DELETE FROM "YDocUpdate" WHERE "docName" = ? AND "id" <= ?');

const now = () => new Date().toISOString().replace('Z', '+00:00');
const buffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

const appendAll = db.transaction((rows: AppendRow[]) => {
  const at = now();
  for (const row of rows) insertUpdate.run(row.docName, buffer(row.data), at);
});

// IMMEDIATE: the write lock is taken before the rows are read, so no append can slip in between.
const compact = db.transaction((name: string) => {
  const updates = selectUpdates.all(name);
  if (updates.length === 0) return;
  const snapshot = selectSnapshot.get(name);
  upsertSnapshot.run(
    name,
    Buffer.from(
      foldUpdates(
        snapshot?.state ?? null,
        updates.map((u) => u.data),
      ),
    ),
    now(),
  );
  deleteUpdatesUpTo.run(name, updates[updates.length - 1].id);
}).immediate;

function load(name: string): Uint8Array | null {
  const snapshot = selectSnapshot.get(name);
  const parts = [...(snapshot ? [snapshot.state] : []), ...selectUpdates.all(name).map((u) => u.data)];
  if (parts.length === 0) return null;
  return parts.length === 1 ? new Uint8Array(parts[0]) : Y.mergeUpdates(parts.map((p) => new Uint8Array(p)));
}

parentPort!.on('message', (request: StoreRequest) => {
  try {
    if (request.kind === 'load') {
      const state = load(request.name);
      parentPort!.postMessage({ id: request.id, ok: true, state } satisfies StoreReply, state ? [state.buffer as ArrayBuffer] : []);
      return;
    }
    if (request.kind === 'append') appendAll(request.rows);
    else if (request.kind === 'compact') compact(request.name);
    else db.close();
    parentPort!.postMessage({ id: request.id, ok: true } satisfies StoreReply);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, ok: false, message: (error as Error).message } satisfies StoreReply);
  }
});
