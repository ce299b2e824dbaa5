import * as Y from 'yjs';
import type { Db } from '../../../lib/db/db';
// The SQL template helpers are the same runtime object in both generated clients.
import { Prisma } from '../../../prisma/generated/sqlite/client';
import { systemClock } from '../../../lib/time/clock';
import { createAppendCoalescer } from './append-coalescer';
import { foldUpdates } from './fold-updates';

/**
 * Where Yjs documents live between sessions: the load/store pair of the
 * anchors (Hocuspocus' fetch/store, y-websocket's bindState/writeState), split
 * so that every edit is appended within milliseconds and compaction happens
 * later, off the typing path. Two implementations: this one over Prisma
 * (PostgreSQL, whose driver does its I/O off the event loop) and
 * ./sqlite-document-store.ts (a worker thread, since better-sqlite3 is synchronous).
 */
export interface DocumentStore {
  /** The document's full state (snapshot + appended updates), or null if new. */
  load(name: string): Promise<Uint8Array | null>;
  /** Append updates in order. Resolves once they are durable. */
  append(name: string, updates: Uint8Array[]): Promise<void>;
  /** Fold appended updates into the snapshot. Safe to run beside appends from other nodes. */
  compact(name: string): Promise<void>;
  /** Releases what the store holds (after the last write). */
  close(): Promise<void>;
}

/** Two parameters a row: well below PostgreSQL's 65,535 bound parameters. */
const maxRowsPerInsert = 1000;

export class PrismaDocumentStore implements DocumentStore {
  /**
   * One row per flush (its updates merged), grouped across documents into one
   * INSERT. A raw INSERT of 100 rows costs a third of Prisma's `createMany`
   * and a seventh of 100 `create` calls in CPU (docs/performance.md).
   */
  private readonly appendRow = createAppendCoalescer(async (rows) => {
    // Rows keep the VALUES order, so a document's ids stay in append order.
    // createdAt from the application's clock, not the column's default (the database server's clock):
    // retention compares it with the application's time to tell a draft someone still works on.
    const at = systemClock.now();
    const values = rows.map(({ docName, data }) => Prisma.sql`(${docName}, ${Buffer.from(data)}, ${at})`);
    await this.db.$executeRaw`INSERT INTO "YDocUpdate" ("docName", "data", "createdAt") VALUES ${Prisma.join(values)}`;
  }, maxRowsPerInsert);

  constructor(private readonly db: Db) {}

  async load(name: string): Promise<Uint8Array | null> {
    const [snapshot, updates] = await Promise.all([
      this.db.yDocState.findUnique({ where: { name } }),
      this.db.yDocUpdate.findMany({ where: { docName: name }, orderBy: { id: 'asc' }, select: { data: true } }),
    ]);
    if (!snapshot && updates.length === 0) return null;
    const parts = [...(snapshot ? [snapshot.state] : []), ...updates.map((u) => u.data)];
    return parts.length === 1 ? new Uint8Array(parts[0]) : Y.mergeUpdates(parts.map((p) => new Uint8Array(p)));
  }

  append(name: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return this.appendRow(name, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
  }

  async compact(name: string): Promise<void> {
    // Serializable: two compactions of one document (on two nodes) cannot both
    // commit a snapshot built from different rows; the loser fails and retries later.
    await this.db.$transaction(
      async (tx) => {
        const updates = await tx.yDocUpdate.findMany({
          where: { docName: name },
          orderBy: { id: 'asc' },
          select: { id: true, data: true },
        });
        if (updates.length === 0) return;
        const snapshot = await tx.yDocState.findUnique({ where: { name } });
        // Built from the stored rows, not from a node's memory, so a compaction
        // never drops an update another node appended.
        const state = Buffer.from(
          foldUpdates(
            snapshot?.state ?? null,
            updates.map((u) => u.data),
          ),
        );
        await tx.yDocState.upsert({ where: { name }, create: { name, state }, update: { state } });
        // Exactly the rows folded in: a row another node committed meanwhile stays in the log.
        await tx.yDocUpdate.deleteMany({ where: { id: { in: updates.map((u) => u.id) } } });
      },
      { isolationLevel: 'Serializable' },
    );
  }

  async close(): Promise<void> {}
}
