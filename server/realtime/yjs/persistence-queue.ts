import type { Logger } from '../../logger';
import type { DocumentStore } from './document-store';
import { DurableState } from './durable-state';

/**
 * Holds one document's edits until they are durable. Edits are batched for
 * `flushMs` (the durability window) and appended; appends are strictly
 * serialised per document. A failed write puts the batch back in front and
 * retries with backoff — an edit is never dropped while the process lives.
 */
export type PersistenceOptions = {
  flushMs: number;
  compactEvery: number;
  log: Logger;
  /** Told after each successful write (e.g. to refresh derived summaries). */
  afterWrite?: (name: string) => void;
  /** Told when a document's writes start failing and when they succeed again (health, metrics). */
  onFailingChange?: (name: string, failing: boolean) => void;
};

/**
 * One counter for every queue of the process: a document unloaded and loaded again keeps numbering
 * upwards, so another node's "written up to N" from before never covers the new edits.
 */
let processSeq = 0;

export class PersistenceQueue {
  private pending: Uint8Array[] = [];
  /** Numbers the edits enqueued here, so other nodes can be told how far this node has written (server/cluster). */
  private enqueuedSeq = 0;
  private writtenUpTo = 0;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<boolean> = Promise.resolve(true);
  private failures = 0;
  private appendsSinceCompaction = 0;
  /**
   * Appends before the next compaction while the document is in use: between
   * `compactEvery` and 1.5 × that, drawn afresh each time, so documents opened
   * together (a meeting's items) do not all compact in the same instant — a
   * burst of compactions stalled every websocket on the node (docs/performance.md).
   */
  private compactAfter: number;

  /** Told when writes start failing and when they succeed again (to tell the people editing). */
  onFailingChange: ((failing: boolean) => void) | null = null;
  /** What is known durable, for the save acknowledgement (advanced here on every write). */
  readonly durable = new DurableState();
  /** Told after each successful write: every edit up to this sequence number is durable. */
  onWritten: ((seq: number) => void) | null = null;

  constructor(
    private readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: PersistenceOptions,
  ) {
    this.compactAfter = this.nextCompactionThreshold();
  }

  private nextCompactionThreshold(): number {
    return Math.round(this.options.compactEvery * (1 + Math.random() / 2));
  }

  /** Queues an edit for writing; returns its sequence number on this node. */
  enqueue(update: Uint8Array): number {
    this.pending.push(update);
    this.enqueuedSeq = ++processSeq;
    this.durable.enqueued(this.enqueuedSeq, update);
    // On the node's shared tick (multiples of flushMs), not flushMs after this
    // edit: every document flushes in the same instant and the store writes
    // them as one group. An edit still waits at most flushMs. (The clock is read only when no flush is due.)
    if (!this.timer) this.schedule(this.options.flushMs - (Date.now() % this.options.flushMs));
    return this.enqueuedSeq;
  }

  /** The last sequence number handed out, and the last one known durable. */
  get progress(): { enqueued: number; written: number } {
    return { enqueued: this.enqueuedSeq, written: this.writtenUpTo };
  }

  get hasUnwritten(): boolean {
    return this.pending.length > 0;
  }

  /** True when the last write failed and a retry is pending. */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** Writes everything pending; resolves false if the write failed (it will be retried). */
  flush(): Promise<boolean> {
    this.chain = this.chain.then(() => this.writeOnce());
    return this.chain;
  }

  /**
   * Someone is waiting on the failed write (the chair's lock): try it now rather than when the backoff
   * says, so a store that is back is written to at once. A no-op when no write has failed.
   */
  retryNow(): void {
    if (this.failures === 0 || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    void this.flush();
  }

  /** Folds the log into the snapshot, on the same chain as the appends so two never overlap on this node. */
  compact(): Promise<void> {
    const run = this.chain.then(() =>
      this.store.compact(this.name).then(
        () => true,
        (error: Error) => {
          this.options.log.warn({ doc: this.name, err: error.message }, 'yjs compaction failed; updates stay in the log');
          return true;
        },
      ),
    );
    this.chain = run;
    return run.then(() => undefined);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
    this.timer.unref?.();
  }

  private async writeOnce(): Promise<boolean> {
    if (this.pending.length === 0) return true;
    const batch = this.pending;
    // Everything enqueued so far is either in this batch or was written before it.
    const upTo = this.enqueuedSeq;
    this.pending = [];
    try {
      await this.store.append(this.name, batch);
      this.writtenUpTo = upTo;
      this.durable.written(upTo);
      this.onWritten?.(upTo);
      if (this.failures > 0) {
        this.options.log.info({ doc: this.name, afterFailures: this.failures }, 'yjs writes succeed again; every kept edit is written');
        this.failures = 0;
        this.onFailingChange?.(false);
        this.options.onFailingChange?.(this.name, false);
      }
      this.options.afterWrite?.(this.name);
      if (++this.appendsSinceCompaction >= this.compactAfter) {
        this.appendsSinceCompaction = 0;
        this.compactAfter = this.nextCompactionThreshold();
        void this.compact();
      }
      return true;
    } catch (error) {
      this.pending = [...batch, ...this.pending];
      this.failures += 1;
      if (this.failures === 1) {
        this.onFailingChange?.(true);
        this.options.onFailingChange?.(this.name, true);
      }
      const retryMs = Math.min(5000, 100 * 2 ** Math.min(this.failures, 6));
      this.options.log.error(
        { doc: this.name, err: (error as Error).message, pendingUpdates: this.pending.length, retryMs },
        'yjs write failed; keeping edits in memory and retrying',
      );
      this.schedule(retryMs);
      return false;
    }
  }
}
