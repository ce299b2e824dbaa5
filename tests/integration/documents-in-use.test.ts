import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClusterBus } from '../../server/cluster/cluster-bus';
import { documentChannel } from '../../server/cluster/document-relay';
import { documentsInUse } from '../../server/privacy/documents-in-use';
import type { DocumentStore } from '../../server/realtime/yjs/document-store';
import { DocumentRegistry } from '../../server/realtime/yjs/document-registry';

const redisUrl = process.env.SAMLET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = pino({ level: 'silent' });

class MemoryStore implements DocumentStore {
  private readonly updates = new Map<string, Uint8Array[]>();
  async load(name: string): Promise<Uint8Array | null> {
    const list = this.updates.get(name);
    return list?.length ? Y.mergeUpdates(list) : null;
  }
  async append(name: string, updates: Uint8Array[]): Promise<void> {
    this.updates.set(name, [...(this.updates.get(name) ?? []), ...updates]);
  }
  async compact(): Promise<void> {}
  async close(): Promise<void> {}
}

/** What retention asks before it anonymises: is any of these documents loaded on some node? (real Redis) */
describe('documents in use, for retention', () => {
  const prefix = `samlet-test-${randomBytes(4).toString('hex')}:`;
  const nodeA = new ClusterBus({ url: redisUrl, prefix, log });
  const nodeB = new ClusterBus({ url: redisUrl, prefix, log });
  const registry = new DocumentRegistry(new MemoryStore(), { flushMs: 1, compactEvery: 1000, log });
  beforeAll(async () => {
    await Promise.all([nodeA.connect(), nodeB.connect()]);
  });
  afterAll(async () => {
    await Promise.all([nodeA.close(), nodeB.close()]);
  });

  it('counts a document loaded on this node, or on another node (subscribed to its channel), and nothing else', async () => {
    const here = await registry.acquire('case:loadedhere1');
    // Node B holds this one: it listens on the document's relay channel, as document-relay does.
    await nodeB.subscribe(documentChannel(nodeB, 'item:loadedonb1'), () => undefined);
    const ask = documentsInUse(registry, nodeA);
    expect(await ask(['case:loadedhere1', 'item:loadedonb1', 'case:nowhere0001'])).toEqual(
      new Set(['case:loadedhere1', 'item:loadedonb1']),
    );
    // Alone (no Redis), only this node counts.
    expect(await documentsInUse(registry, null)(['case:loadedhere1', 'item:loadedonb1'])).toEqual(new Set(['case:loadedhere1']));
    registry.release(here);
    // The registry unloads a released document asynchronously: wait for it rather than for a fixed time.
    await expect.poll(() => ask(['case:loadedhere1'])).toEqual(new Set());
  });

  it('counts every document as in use when Redis cannot answer', async () => {
    const cutOff = new ClusterBus({ url: 'redis://127.0.0.1:1', prefix, log }); // never connected: commands fail at once
    expect(await documentsInUse(registry, cutOff)(['case:a0000001', 'item:b0000001'])).toEqual(new Set(['case:a0000001', 'item:b0000001']));
    await cutOff.close();
  });
});
