import { randomBytes } from 'node:crypto';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { AccessChange, DocumentPeers } from '../realtime/yjs/document-registry';
import { peerOrigin, type SharedDocument } from '../realtime/yjs/shared-document';
import type { ClusterBus } from './cluster-bus';
import type { ClusterControl } from './cluster-control';
import { decodePeerMessage, encodePeerMessage, type PeerMessage } from './peer-messages';
import { UnwrittenPeerEdits } from './unwritten-peer-edits';

type Link = {
  shared: SharedDocument;
  channel: string;
  unwritten: UnwrittenPeerEdits;
  /** Whether another node has spoken on this document: until then there is nobody to relay to. */
  peersSeen: boolean;
  requests: Map<string, { remaining: number; done: () => void }>;
};

/** An empty Yjs update (no structs, no deletions) is two zero bytes. */
const isEmptyUpdate = (update: Uint8Array) => update.length <= 2 && update.every((byte) => byte === 0);

/**
 * Shares this node's open Yjs documents with the other nodes holding them
 * (docs/realtime.md, "Several nodes"). Each document has a Redis channel; a
 * node that opens it subscribes, asks the others for what it lacks, and from
 * then on relays its clients' edits and presence. Each node writes only its
 * own clients' edits; edits relayed from a node that never confirms them
 * written (it died) are written here, so nothing a client sent is lost.
 */
/** The Redis channel a document's edits are relayed on; a node subscribes to it while it has the document loaded. */
export function documentChannel(bus: ClusterBus, name: string): string {
  return bus.channel(`yjs:${name}`);
}

export class DocumentRelay implements DocumentPeers {
  private readonly links = new Map<string, Link>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      bus: ClusterBus;
      control: ClusterControl;
      log: Logger;
      /** Closes a document's connections here so each is checked again (after Redis was away). */
      recheck: (name: string) => Promise<void>;
      /** How long a newly opened document waits for the other nodes' answers. */
      catchUpMs?: number;
      /** How long a relayed edit may stay unconfirmed before this node writes it. */
      adoptAfterMs?: number;
    },
  ) {
    const adoptAfterMs = deps.adoptAfterMs ?? 3000;
    this.sweep = setInterval(
      () => {
        for (const link of this.links.values()) this.adopt(link, link.unwritten.takeOverdue(adoptAfterMs));
      },
      Math.min(1000, adoptAfterMs),
    );
    this.sweep.unref();
    // Redis was away: whatever was relayed meanwhile is lost, so every open document catches up again
    // (subscribing again first: a document opened while Redis was away never got its subscription).
    deps.bus.onReconnect(() => {
      for (const link of this.links.values()) {
        void this.subscribe(link).then((ok) => (ok ? this.catchUp(link) : undefined));
        // An access change announced meanwhile (a lock, a submission) never reached this node: every
        // connection reconnects and is checked against the database again.
        void deps.recheck(link.shared.name);
      }
    });
  }

  get openLinks(): number {
    return this.links.size;
  }

  async attach(shared: SharedDocument): Promise<void> {
    const { bus } = this.deps;
    const link: Link = {
      shared,
      channel: documentChannel(bus, shared.name),
      unwritten: new UnwrittenPeerEdits(),
      peersSeen: false,
      requests: new Map(),
    };
    this.links.set(shared.name, link);
    await this.subscribe(link);
    shared.peerLink = {
      update: (update, seq) => link.peersSeen && this.say(link, { type: 'update', from: bus.nodeId, seq, update }),
      awareness: (update) => link.peersSeen && this.say(link, { type: 'awareness', from: bus.nodeId, update }),
    };
    shared.persistence.onWritten = (seq) => link.peersSeen && this.say(link, { type: 'written', from: bus.nodeId, seq });
    await this.catchUp(link);
  }

  adoptUnwritten(shared: SharedDocument): void {
    const link = this.links.get(shared.name);
    if (link?.shared === shared) this.adopt(link, link.unwritten.takeAll());
  }

  detach(shared: SharedDocument): void {
    const link = this.links.get(shared.name);
    if (link?.shared !== shared) return;
    this.links.delete(shared.name);
    shared.peerLink = null;
    shared.persistence.onWritten = null;
    for (const request of link.requests.values()) request.done();
    this.deps.bus.unsubscribe(link.channel).catch(() => undefined);
  }

  announceAccessChange(name: string, change: AccessChange, closeCode: number): Promise<boolean> {
    return this.deps.control.announceAccessChange(name, change, closeCode);
  }

  close(): void {
    clearInterval(this.sweep);
  }

  private async subscribe(link: Link): Promise<boolean> {
    try {
      await this.deps.bus.subscribe(link.channel, (message) => this.receive(link, message));
      return true;
    } catch (error) {
      // Redis is away: the document works on this node alone and catches up when Redis returns.
      this.deps.log.warn({ doc: link.shared.name, err: (error as Error).message }, 'cluster: could not subscribe to a document');
      return false;
    }
  }

  /** Asks the other nodes holding the document for what this node lacks; waits for each (briefly). */
  private async catchUp(link: Link): Promise<void> {
    const { bus, log } = this.deps;
    let others = 0;
    try {
      others = (await bus.listeners(link.channel)) - 1;
    } catch (error) {
      log.warn({ doc: link.shared.name, err: (error as Error).message }, 'cluster: could not count the nodes holding a document');
    }
    if (others <= 0) return;
    link.peersSeen = true;
    const requestId = randomBytes(6).toString('base64url');
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      const done = () => {
        link.requests.delete(requestId);
        resolve();
      };
      link.requests.set(requestId, { remaining: others, done });
      timer = setTimeout(() => {
        log.warn(
          { doc: link.shared.name, missing: link.requests.get(requestId)?.remaining },
          'cluster: not every node answered a catch-up in time',
        );
        done();
      }, this.deps.catchUpMs ?? 500);
      this.say(link, { type: 'sync-request', from: bus.nodeId, requestId, stateVector: Y.encodeStateVector(link.shared.doc) });
    });
    clearTimeout(timer);
  }

  private receive(link: Link, bytes: Buffer): void {
    let message: PeerMessage;
    try {
      message = decodePeerMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (error) {
      this.deps.log.warn({ doc: link.shared.name, err: (error as Error).message }, 'cluster: dropped an invalid message');
      return;
    }
    const me = this.deps.bus.nodeId;
    if (message.from === me || link.shared.unloaded) return;
    link.peersSeen = true;
    const { shared, unwritten } = link;
    switch (message.type) {
      case 'update':
        // What another node has written is durable here too, for the save acknowledgement (durable-state.ts).
        if (this.apply(link, message.update) && !unwritten.track(message.from, message.seq, message.update)) {
          shared.persistence.durable.stored(message.update);
        }
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(shared.awareness, message.update, peerOrigin);
        return;
      case 'written':
        for (const update of unwritten.written(message.from, message.seq)) shared.persistence.durable.stored(update);
        return;
      case 'sync-request': {
        const states = [...shared.awareness.getStates().keys()];
        const { enqueued, written } = shared.persistence.progress;
        this.say(link, {
          type: 'sync-reply',
          from: me,
          to: message.from,
          requestId: message.requestId,
          pendingSeq: enqueued,
          writtenSeq: written,
          diff: Y.encodeStateAsUpdate(shared.doc, message.stateVector),
          awareness: states.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(shared.awareness, states) : new Uint8Array(),
          stateVector: Y.encodeStateVector(shared.doc),
        });
        return;
      }
      case 'sync-reply': {
        if (message.to !== me) return;
        for (const update of unwritten.written(message.from, message.writtenSeq)) shared.persistence.durable.stored(update);
        if (
          !isEmptyUpdate(message.diff) &&
          this.apply(link, message.diff) &&
          !unwritten.track(message.from, message.pendingSeq, message.diff)
        ) {
          shared.persistence.durable.stored(message.diff);
        }
        if (message.awareness.length > 0) awarenessProtocol.applyAwarenessUpdate(shared.awareness, message.awareness, peerOrigin);
        // Symmetric: what the answering node lacks (edits typed here while Redis was away) goes back to it.
        const back = Y.encodeStateAsUpdate(shared.doc, message.stateVector);
        if (!isEmptyUpdate(back)) {
          const { enqueued, written } = shared.persistence.progress;
          this.say(link, { type: 'update', from: me, seq: enqueued > written ? enqueued : 0, update: back });
        }
        const request = link.requests.get(message.requestId);
        if (request && --request.remaining <= 0) request.done();
        return;
      }
    }
  }

  private apply(link: Link, update: Uint8Array): boolean {
    try {
      Y.applyUpdate(link.shared.doc, update, peerOrigin);
      return true;
    } catch (error) {
      this.deps.log.warn({ doc: link.shared.name, err: (error as Error).message }, 'cluster: dropped an update that does not apply');
      return false;
    }
  }

  private adopt(link: Link, updates: Uint8Array[]): void {
    if (updates.length === 0 || link.shared.unloaded) return;
    for (const update of updates) link.shared.persistence.enqueue(update);
    this.deps.log.info(
      { doc: link.shared.name, updates: updates.length },
      'cluster: writing edits another node relayed but did not confirm',
    );
  }

  private say(link: Link, message: PeerMessage): void {
    this.deps.bus.publish(link.channel, encodePeerMessage(message));
  }
}
