import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../logger';
import type { DocumentStore } from './document-store';
import { PersistenceQueue } from './persistence-queue';

/** A store that refuses appends while `refusing` is set; counts the appends tried. */
function refusingStore() {
  const state = { refusing: true, tried: 0, stored: [] as Uint8Array[] };
  const store: DocumentStore = {
    load: () => Promise.resolve(null),
    append: (_name, updates) => {
      state.tried += 1;
      if (state.refusing) return Promise.reject(new Error('refused'));
      state.stored.push(...updates);
      return Promise.resolve();
    },
    compact: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { state, store };
}

function anEdit(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hei');
  return Y.encodeStateAsUpdate(doc);
}

describe('PersistenceQueue.retryNow (the lock is waiting on a failed write)', () => {
  afterEach(() => vi.useRealTimers());

  const queueOn = (store: DocumentStore) =>
    new PersistenceQueue('item:test', store, { flushMs: 50, compactEvery: 1000, log: createLogger('silent') });

  it('writes at once when the store is back, not after the backoff', async () => {
    vi.useFakeTimers();
    const { state, store } = refusingStore();
    const queue = queueOn(store);
    queue.enqueue(anEdit());
    // Five failures: the next retry is 3.2 s away (longer than the lock's 3 s wait).
    await vi.advanceTimersByTimeAsync(50 + 200 + 400 + 800 + 1600);
    expect(state.tried).toBe(5);
    expect(queue.failing).toBe(true);
    state.refusing = false;
    queue.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.tried).toBe(6);
    expect(queue.progress.written).toBe(queue.progress.enqueued);
    expect(queue.failing).toBe(false);
    expect(state.stored).toHaveLength(1);
    // The retry the backoff had scheduled is gone: nothing is written twice.
    await vi.advanceTimersByTimeAsync(5000);
    expect(state.tried).toBe(6);
    queue.dispose();
  });

  it('keeps the edits and backs off again when the store still refuses', async () => {
    vi.useFakeTimers();
    const { state, store } = refusingStore();
    const queue = queueOn(store);
    queue.enqueue(anEdit());
    await vi.advanceTimersByTimeAsync(50);
    expect(state.tried).toBe(1);
    queue.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.tried).toBe(2);
    expect(queue.hasUnwritten).toBe(true);
    state.refusing = false;
    await vi.advanceTimersByTimeAsync(400);
    expect(queue.progress.written).toBe(queue.progress.enqueued);
    queue.dispose();
  });

  it('does nothing when no write has failed: the edit waits for the shared tick', async () => {
    vi.useFakeTimers();
    const { state, store } = refusingStore();
    state.refusing = false;
    const queue = queueOn(store);
    queue.enqueue(anEdit());
    queue.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.tried).toBe(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(state.tried).toBe(1);
    queue.dispose();
  });
});
