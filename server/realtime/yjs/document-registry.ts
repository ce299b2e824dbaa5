import type { DocumentStore } from './document-store';
import type { PersistenceOptions } from './persistence-queue';
import { AppError } from '../../../lib/errors/app-error';
import { SharedDocument } from './shared-document';

export type AccessChange = 'read-only' | 'restore' | 'recheck';

/**
 * Other nodes holding the same documents (server/cluster, with REDIS_URL).
 * Without it the registry is one node on its own.
 */
export interface DocumentPeers {
  /** A document was loaded here: relay it, and catch up with edits other nodes hold but may not have written yet. */
  attach(shared: SharedDocument): Promise<void>;
  /** Before an unloading document's last write: queue the edits from other nodes not yet known to be written. */
  adoptUnwritten(shared: SharedDocument): void;
  /** The document is gone from this node. */
  detach(shared: SharedDocument): void;
  /** Tells every other node of an access change; true once each has applied it, false if that cannot be known. */
  announceAccessChange(name: string, change: AccessChange, closeCode: number): Promise<boolean>;
}

/**
 * The open documents of this node. A document is loaded when its first
 * connection arrives and unloaded — after its edits are written and compacted —
 * when the last one leaves, so memory returns to baseline. A document whose
 * writes fail stays in memory and is retried.
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, Promise<SharedDocument>>();
  private readonly unloading = new Set<Promise<void>>();
  /** Bumped whenever a document's access changes, so an upgrade checked before the change can tell. */
  private readonly accessEpochs = new Map<string, number>();
  private closing = false;
  /** Documents whose last write failed: their edits are held in memory and retried. */
  private readonly failing = new Set<string>();
  private readonly options: PersistenceOptions;
  private peers: DocumentPeers | null = null;

  constructor(
    private readonly store: DocumentStore,
    options: PersistenceOptions,
  ) {
    this.options = {
      ...options,
      onFailingChange: (name, failing) => {
        if (failing) this.failing.add(name);
        else this.failing.delete(name);
        options.onFailingChange?.(name, failing);
      },
    };
  }

  /** Shares this node's documents with other nodes (set once, at start). */
  setPeers(peers: DocumentPeers): void {
    this.peers = peers;
  }

  get openCount(): number {
    return this.documents.size;
  }

  /** How many documents hold edits that could not be written yet (reported by /api/health). */
  get unsavedCount(): number {
    return this.failing.size;
  }

  /** Loads (or finds) a document and holds it open until `release`. */
  async acquire(name: string): Promise<SharedDocument> {
    for (;;) {
      let entry = this.documents.get(name);
      if (!entry) {
        entry = this.load(name);
        this.documents.set(name, entry);
        entry.catch(() => this.documents.delete(name));
      }
      const shared = await entry;
      // Never hand out a document an unload has just destroyed: load it afresh.
      if (shared.unloaded) continue;
      shared.holders += 1;
      return shared;
    }
  }

  /** Holds a document open for the duration of `work`. */
  async use<T>(name: string, work: (shared: SharedDocument) => Promise<T> | T): Promise<T> {
    const shared = await this.acquire(name);
    try {
      return await work(shared);
    } finally {
      this.release(shared);
    }
  }

  release(shared: SharedDocument): void {
    shared.holders -= 1;
    if (shared.holders === 0) this.track(this.unload(shared));
  }

  /**
   * Shutdown: no more compaction (the database is about to close), wait for
   * unloads under way, then write every pending edit. False if a write failed.
   */
  async close(): Promise<boolean> {
    this.closing = true;
    await Promise.all(this.unloading);
    // Edits relayed from other nodes and not yet confirmed written by them are written here too.
    for (const shared of await this.openDocuments()) this.peers?.adoptUnwritten(shared);
    return this.flushAll();
  }

  /** Writes everything pending in every open document (shutdown). */
  async flushAll(): Promise<boolean> {
    const docs = await Promise.all([...this.documents.values()].map((p) => p.catch(() => null)));
    const results = await Promise.all(docs.map((doc) => (doc ? doc.persistence.flush() : true)));
    return results.every(Boolean);
  }

  accessEpoch(name: string): number {
    return this.accessEpochs.get(name) ?? 0;
  }

  /**
   * Access to a document changed (lock, unlock, submission, withdrawal, a
   * meeting opening or closing). `read-only`: open connections become
   * read-only in place; `restore`: a freeze that was called off is undone in
   * place; `recheck`: they are closed so that each reconnects and is checked
   * again (the stock client reconnects by itself and re-sends what it holds,
   * so nothing typed is lost). With other nodes, resolves once they have
   * applied it too: a freeze followed by a read sees every edit accepted anywhere.
   */
  async changeAccess(name: string, change: AccessChange, closeCode: number): Promise<void> {
    await this.applyAccessChange(name, change, closeCode);
    const everywhere = (await this.peers?.announceAccessChange(name, change, closeCode)) ?? true;
    // A freeze comes before a read (lock, close): unless every node froze, edits could be missing. The
    // caller undoes its freezes and the chair tries again; other changes are made good on reconnect.
    if (change === 'read-only' && !everywhere) throw new AppError('unavailable');
  }

  /** An access change on this node only (from `changeAccess`, or announced by another node). */
  async applyAccessChange(name: string, change: AccessChange, closeCode: number): Promise<void> {
    this.accessEpochs.set(name, this.accessEpoch(name) + 1);
    const shared = await this.peek(name);
    if (!shared) return;
    for (const [ws, info] of shared.connections) {
      if (change === 'read-only') info.readOnly = true;
      else if (change === 'restore') {
        // A freeze called off: what the client typed meanwhile was dropped, so ask for it again.
        const wasFrozen = info.readOnly && !info.grantedReadOnly;
        info.readOnly = info.grantedReadOnly;
        if (wasFrozen) shared.send(ws, shared.syncStep1Message());
      } else ws.close(closeCode, 'access changed');
    }
  }

  /** The document if it is loaded now (no loading). */
  async peek(name: string): Promise<SharedDocument | null> {
    const entry = this.documents.get(name);
    const shared = entry ? await entry.catch(() => null) : null;
    return shared && !shared.unloaded ? shared : null;
  }

  async openDocuments(): Promise<SharedDocument[]> {
    const docs = await Promise.all([...this.documents.values()].map((p) => p.catch(() => null)));
    return docs.filter((doc): doc is SharedDocument => doc !== null);
  }

  private track(unload: Promise<void>): void {
    this.unloading.add(unload);
    void unload.finally(() => this.unloading.delete(unload));
  }

  private async load(name: string): Promise<SharedDocument> {
    const shared = new SharedDocument(name, this.store, this.options);
    const state = await this.store.load(name);
    if (state) shared.applyStored(state);
    await this.peers?.attach(shared);
    return shared;
  }

  private async unload(shared: SharedDocument): Promise<void> {
    this.peers?.adoptUnwritten(shared);
    const written = await shared.persistence.flush();
    if (shared.holders > 0) return;
    if (!written || shared.persistence.hasUnwritten) {
      // Keep it in memory; try again once the queue's retry has had a chance.
      if (!this.closing) setTimeout(() => shared.holders === 0 && this.track(this.unload(shared)), 1000).unref();
      return;
    }
    if (this.closing) return;
    await shared.persistence.compact();
    if (shared.holders > 0 || shared.persistence.hasUnwritten) return;
    shared.unloaded = true;
    this.documents.delete(shared.name);
    this.accessEpochs.delete(shared.name);
    this.peers?.detach(shared);
    shared.destroy();
    this.options.log.debug({ doc: shared.name }, 'yjs: document unloaded');
  }
}
