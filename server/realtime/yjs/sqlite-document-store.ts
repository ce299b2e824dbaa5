import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { createAppendCoalescer } from './append-coalescer';
import type { DocumentStore } from './document-store';
import type { StoreReply, StoreRequest, StoreWorkerData } from './sqlite-store-worker';

type Pending = { resolve: (reply: StoreReply & { ok: true }) => void; reject: (error: Error) => void };
type RequestBody = StoreRequest extends infer R ? (R extends StoreRequest ? Omit<R, 'id'> : never) : never;

/**
 * The Yjs document store on SQLite: every read and write of the Yjs tables
 * runs on a worker thread (./sqlite-store-worker.ts) with its own connection
 * to the same WAL database, so the event loop only posts messages. If the
 * worker dies, the requests in flight fail (the persistence queues keep their
 * edits and retry) and the next request starts a new worker.
 */
export class SqliteDocumentStore implements DocumentStore {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Requests posted to the worker so far (observability; tests check the grouping with it). */
  requestCount = 0;
  private closed = false;
  private readonly appendRow = createAppendCoalescer((rows) => this.request({ kind: 'append', rows }).then(() => undefined), 5000);

  constructor(private readonly options: StoreWorkerData) {}

  async load(name: string): Promise<Uint8Array | null> {
    return (await this.request({ kind: 'load', name })).state ?? null;
  }

  append(name: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return this.appendRow(name, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
  }

  async compact(name: string): Promise<void> {
    await this.request({ kind: 'compact', name });
  }

  /** Ends the worker thread at once, as a crash would (tests of the restart). */
  async killWorker(): Promise<void> {
    await this.worker?.terminate();
  }

  /** After the last write: closes the worker's connection and ends the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.worker) await this.request({ kind: 'close' }).catch(() => undefined);
    this.closed = true;
    await this.worker?.terminate();
    this.worker = null;
  }

  private request(body: RequestBody): Promise<StoreReply & { ok: true }> {
    if (this.closed) return Promise.reject(new Error('the document store is closed'));
    const id = this.nextId++;
    this.requestCount += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const worker = this.ensureWorker();
      // Keeps the process alive while a request is out; idle, the worker does not.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ ...body, id } as StoreRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./sqlite-store-worker-entry.mjs', import.meta.url), { workerData: this.options });
    worker.on('message', (reply: StoreReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) pending?.resolve(reply);
      else pending?.reject(new Error(reply.message));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the SQLite store worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
