import * as Y from 'yjs';
import type { Db } from '../../../lib/db/db';

/**
 * Where Yjs documents live between sessions: the load/store pair of the
 * anchors (Hocuspocus' fetch/store, y-websocket's bindState/writeState), split
 * so that every edit is appended within milliseconds and compaction happens
 * later, off the typing path.
 */
export interface DocumentStore {
  /** The document's full state (snapshot + appended updates), or null if new. */
  load(name: string): Promise<Uint8Array | null>;
  /** Append updates in order. Resolves once they are durable. */
  append(name: string, updates: Uint8Array[]): Promise<void>;
  /** Fold appended updates into the snapshot. Safe to run beside appends from other nodes. */
  compact(name: string): Promise<void>;
}

export class PrismaDocumentStore implements DocumentStore {
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

  async append(name: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    // One row per flush: the updates of one batch merge into one.
    const data = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    await this.db.yDocUpdate.create({ data: { docName: name, data: Buffer.from(data) } });
  }

  async compact(name: string): Promise<void> {
    // Serializable: two compactions of one document (on two nodes) cannot both
    // commit a snapshot built from different rows; the loser fails and retries later.
    await this.db.$transaction(async (tx) => {
      const updates = await tx.yDocUpdate.findMany({ where: { docName: name }, orderBy: { id: 'asc' } });
      if (updates.length === 0) return;
      const snapshot = await tx.yDocState.findUnique({ where: { name } });
      // Built from the stored rows, not from a node's memory, so a compaction
      // never drops an update another node appended.
      const doc = new Y.Doc();
      if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
      for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update.data));
      const state = Buffer.from(Y.encodeStateAsUpdate(doc));
      doc.destroy();
      await tx.yDocState.upsert({ where: { name }, create: { name, state }, update: { state } });
      // Exactly the rows folded in: a row another node committed meanwhile stays in the log.
      await tx.yDocUpdate.deleteMany({ where: { id: { in: updates.map((u) => u.id) } } });
    }, { isolationLevel: 'Serializable' });
  }
}
