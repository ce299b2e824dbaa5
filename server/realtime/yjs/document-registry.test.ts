import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store';
import { DocumentRegistry } from './document-registry';

/** An in-memory store whose compaction can be held open, to order events exactly. */
class HeldStore implements DocumentStore {
  readonly log: Uint8Array[] = [];
  release: () => void = () => undefined;
  private compactStarted: () => void = () => undefined;
  /** Resolves once a compaction has started (and waits on the hold, if any). */
  readonly compacting: Promise<void> = new Promise((resolve) => (this.compactStarted = resolve));
  private held: Promise<void> | null = null;

  hold(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
  }
  async load(): Promise<Uint8Array | null> {
    return this.log.length ? Y.mergeUpdates(this.log) : null;
  }
  async append(_name: string, updates: Uint8Array[]): Promise<void> {
    this.log.push(...updates);
  }
  async compact(): Promise<void> {
    this.compactStarted();
    await this.held;
  }
  async close(): Promise<void> {}
}

describe('DocumentRegistry', () => {
  it('never hands out a document that is being unloaded', async () => {
    const store = new HeldStore();
    const registry = new DocumentRegistry(store, { flushMs: 1, compactEvery: 1000, log: pino({ level: 'silent' }) });
    const first = await registry.acquire('case:abcdefgh1');
    first.doc.getText('notes').insert(0, 'først');
    store.hold();
    registry.release(first); // unload starts: flush, then compaction (held)
    await store.compacting;
    const arriving = registry.acquire('case:abcdefgh1'); // a new client during the unload
    store.release();
    const second = await arriving;
    // Whatever the order of the two, the registry holds the document the new client edits.
    await second.persistence.flush();
    expect(await registry.peek('case:abcdefgh1')).toBe(second);
    second.doc.getText('notes').insert(5, ' og så');
    await second.persistence.flush();
    expect(second.doc.getText('notes').toString()).toBe('først og så');
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, (await store.load())!);
    expect(reloaded.getText('notes').toString()).toBe('først og så');
    registry.release(second);
  });

  it('unloads a document when its last holder leaves', async () => {
    const store = new HeldStore();
    const registry = new DocumentRegistry(store, { flushMs: 1, compactEvery: 1000, log: pino({ level: 'silent' }) });
    const doc = await registry.acquire('meeting:abcdefgh1');
    expect(registry.openCount).toBe(1);
    registry.release(doc);
    await expect.poll(() => registry.openCount).toBe(0);
  });
});
