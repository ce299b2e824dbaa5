import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { DocumentStore } from './document-store';
import { serverStateKey } from '../../../lib/realtime/server-state';
import { PersistenceQueue, type PersistenceOptions } from './persistence-queue';
import { encodeSaveAck } from '../../../lib/realtime/save-ack';
import type { ConnectionSaves } from './connection-saves';

/** y-websocket's message types (the stock client speaks exactly these). */
export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;

/** Origin of updates applied while loading from the store: not written back. */
const loadOrigin = Symbol('load');
/** Origin of updates and presence from another node (server/cluster): its node writes them, and they are not relayed back. */
export const peerOrigin = Symbol('peer');

/** Set while the document is shared with other nodes: what happens here that they must hear of. */
export type PeerLink = {
  /** An edit made on this node, with its sequence number in this node's persistence queue. */
  update(update: Uint8Array, seq: number): void;
  /** Presence that changed on this node (an encoded awareness update). */
  awareness(update: Uint8Array): void;
};

export type ConnectionInfo = {
  userId: string;
  /** May write an item's conclusion fields (the update guard's conclusion rule); fixed at connect, like the level. */
  mayConclude: boolean;
  readOnly: boolean;
  /** What the access check granted at connect: a freeze that is called off goes back to this. */
  grantedReadOnly: boolean;
  /**
   * Epoch ms from which this connection may no longer edit, whatever `readOnly`
   * says: the instant its access changes with time (the case's meeting starts).
   * Null when no rule of its document depends on time.
   */
  editUntil: number | null;
  awarenessIds: Set<number>;
  /** Updates this connection made, for one audit entry per editing session. */
  edits: number;
  /** Set when the client asked for save acknowledgements (`?ack=1`; the app's client does, the stock one does not). */
  saves: ConnectionSaves | null;
};

/**
 * One open Yjs document and the websockets editing it: relays updates and
 * awareness between them and hands every edit to the persistence queue.
 */
export class SharedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, ConnectionInfo>();
  readonly persistence: PersistenceQueue;
  /** Connections plus upgrades in progress: the document stays loaded while > 0. */
  holders = 0;
  /** Set once the registry has dropped this document; it must not be used again. */
  unloaded = false;
  peerLink: PeerLink | null = null;
  /** A connection's filtered presence while it is applied: relayed as it is when all of it changed something. */
  private relaying: { from: WebSocket; update: Uint8Array; entries: number } | null = null;
  /** Awareness ids whose state came from another node: no connection here may set them (awareness-filter.ts). */
  readonly peerAwarenessIds = new Set<number>();

  constructor(
    readonly name: string,
    store: DocumentStore,
    options: PersistenceOptions,
  ) {
    this.persistence = new PersistenceQueue(name, store, options);
    // The server's own awareness state is empty, except while its writes fail: then everyone
    // editing is told their changes are held but not yet saved (docs/realtime.md, "Save status").
    this.awareness.setLocalState(null);
    this.persistence.onFailingChange = (failing) => this.awareness.setLocalState(failing ? { [serverStateKey]: { unsaved: true } } : null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // An edit from another node is written by that node; one loaded from the store is written already.
      if (origin !== loadOrigin && origin !== peerOrigin) {
        const seq = this.persistence.enqueue(update);
        this.peerLink?.update(update, seq);
      }
      const editor = this.connections.get(origin as WebSocket);
      if (editor) editor.edits += 1;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeUpdate(encoder, update);
      this.broadcast(encoding.toUint8Array(encoder), origin);
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    // Whenever more is known stored, the clients that asked are told what (lib/realtime/save-ack.ts).
    this.persistence.durable.onAdvance = () => {
      for (const [ws, info] of this.connections) if (info.saves) this.send(ws, this.saveAckMessage(info.saves));
    };
  }

  applyStored(state: Uint8Array): void {
    Y.applyUpdate(this.doc, state, loadOrigin);
    this.persistence.durable.stored(state);
  }

  /** The save acknowledgement for one connection: what is durably stored, and how many of its edits. */
  saveAckMessage(saves: ConnectionSaves): Uint8Array {
    return encodeSaveAck(this.persistence.durable.vector, saves.confirmedUpTo(this.persistence.progress.written));
  }

  send(ws: WebSocket, message: Uint8Array): void {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(message, (error) => {
      if (error) ws.terminate();
    });
  }

  /**
   * Sync step 1 (our state vector): the client answers with every update we
   * lack. Sent when a connection opens, and when a freeze is called off, so
   * that edits dropped while it was read-only are sent again.
   */
  syncStep1Message(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    return encoding.toUint8Array(encoder);
  }

  /** The current awareness states, for a new or asking connection. */
  awarenessMessage(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  /**
   * Applies a connection's presence, already filtered (awareness-filter.ts).
   * What the filter wrote is what the relay would encode again — the same
   * ids, clocks and JSON — so when every entry of it changed something, those
   * bytes are relayed (re-encoding them was half of the relay's time).
   */
  applyClientAwareness(ws: WebSocket, filtered: Uint8Array): void {
    this.relaying = { from: ws, update: filtered, entries: decoding.readVarUint(decoding.createDecoder(filtered)) };
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered, ws);
    } finally {
      this.relaying = null;
    }
  }

  /** True when an awareness id is the server's, another node's or another connection's here. */
  awarenessTakenElsewhere(ws: WebSocket, clientId: number): boolean {
    if (clientId === this.awareness.clientID || this.peerAwarenessIds.has(clientId)) return true;
    for (const [other, info] of this.connections) if (other !== ws && info.awarenessIds.has(clientId)) return true;
    return false;
  }

  removeConnection(ws: WebSocket): void {
    const info = this.connections.get(ws);
    if (!info) return;
    this.connections.delete(ws);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...info.awarenessIds], null);
  }

  destroy(): void {
    this.persistence.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const ws of this.connections.keys()) {
      if (ws !== except) this.send(ws, message);
    }
  }

  private readonly onAwarenessUpdate = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (origin === peerOrigin) for (const id of changes.added) this.peerAwarenessIds.add(id);
    for (const id of changes.removed) this.peerAwarenessIds.delete(id);
    const info = this.connections.get(origin as WebSocket);
    if (info) {
      // Remember which awareness clients a connection controls, to clear them when it leaves.
      for (const id of changes.added) info.awarenessIds.add(id);
      for (const id of changes.removed) info.awarenessIds.delete(id);
    }
    const relaying = this.relaying;
    const update =
      relaying && relaying.from === origin && relaying.entries === changed.length
        ? relaying.update
        : awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // Not back to other nodes what came from them, nor this node's expiry of their clients (each node expires on its own).
    if (origin !== peerOrigin && origin !== 'timeout') this.peerLink?.awareness(update);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, update);
    // Not back to the connection it came from: a client ignores its own id's state at a clock it has
    // (y-protocols), so the echo was a wasted frame — one in ten of a meeting's presence frames.
    this.broadcast(encoding.toUint8Array(encoder), info ? origin : null);
  };
}
