import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store';
import { DocumentRegistry } from './document-registry';

/** An in-memory store whose compaction can be held open, to order events exactly. */
class HeldStore implements DocumentStore {
  readonly log: Uint8Array[] = [];
  release: () => void = () => undefined;
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
    await this.held;
  }
  async close(): Promise<void> {}
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('DocumentRegistry', () => {
  it('never hands out a document that is being unloaded', async () => {
    const store = new HeldStore();
    const registry = new DocumentRegistry(store, { flushMs: 1, compactEvery: 1000, log: pino({ level: 'silent' }) });
    const first = await registry.acquire('case:abcdefgh1');
    first.doc.getText('notes').insert(0, 'først');
    store.hold();
    registry.release(first); // unload starts: flush, then compaction (held)
    await tick();
    const arriving = registry.acquire('case:abcdefgh1'); // a new client during the unload
    await tick();
    store.release();
    const second = await arriving;
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
    await tick();
    expect(registry.openCount).toBe(0);
  });
});
