import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket, RawData } from 'ws';
import { systemClock, type Clock } from '../../../lib/time/clock';
import type { Logger } from '../../logger';
import { closeCodes } from '../close-codes';
import { editAllowedAt } from './access-deadline';
import { createRateLimiter, yjsLimits } from './limits';
import { readGuardedSyncMessage } from './update-guard';
import { filterAwarenessUpdate, RecentStates } from './awareness-filter';
import { ConnectionSaves } from './connection-saves';
import { isEditMessage } from '../../../lib/realtime/save-ack';
import type { PresenceUser } from '../../../lib/realtime/presence';
import { messageAuth, messageAwareness, messageQueryAwareness, messageSync, type SharedDocument } from './shared-document';

const pingIntervalMs = 30_000;

class InvalidMessage extends Error {}

/**
 * Speaks the y-websocket protocol with one client. A read-only connection may
 * sync (receive) and share presence, but its document updates are dropped
 * here, on the server, before they are applied or relayed.
 */
export function bindYjsConnection(options: {
  shared: SharedDocument;
  ws: WebSocket;
  userId: string;
  /** The name and colour every awareness state of this connection carries (from its session). */
  user: PresenceUser;
  readOnly: boolean;
  /** May write an item's conclusion fields (access-service documentAccess; the update guard's conclusion rule). */
  mayConclude?: boolean;
  /** The client asked for save acknowledgements (lib/realtime/save-ack.ts). */
  saveAcks?: boolean;
  /** Epoch ms from which edits are refused although the connection was granted edit (null: no such instant). */
  editUntil?: number | null;
  /** The clock the access rules read (the instant of `editUntil` is by it). */
  clock?: Clock;
  log: Logger;
  /** Told how many updates the connection made, when it closes. */
  onClose: (edits: number) => void;
}): void {
  const { shared, ws, log } = options;
  const info = {
    userId: options.userId,
    mayConclude: options.mayConclude ?? false,
    readOnly: options.readOnly,
    grantedReadOnly: options.readOnly,
    editUntil: options.editUntil ?? null,
    awarenessIds: new Set<number>(),
    edits: 0,
    saves: options.saveAcks ? new ConnectionSaves() : null,
  };
  const clock = options.clock ?? systemClock;
  shared.connections.set(ws, info);

  let alive = true;
  ws.on('pong', () => (alive = true));
  const ping = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, pingIntervalMs);

  const recent = new RecentStates();
  const rate = createRateLimiter(yjsLimits.messagesPerSecond, yjsLimits.messageBurst);
  let limited: NodeJS.Timeout | null = null;
  ws.on('message', (data: RawData, isBinary: boolean) => {
    // After a close frame (shutdown, revocation), or once over the limit, nothing more is accepted.
    if (ws.readyState !== ws.OPEN || limited) return;
    if (!rate.take()) {
      // Over the limit (no person gets here: docs/realtime.md): stop reading, pause, then close with a
      // code the stock client reconnects after. What was dropped comes back through its sync step 2.
      log.warn({ doc: shared.name, userId: options.userId }, 'yjs: message rate exceeded, pausing and closing');
      ws.pause();
      limited = setTimeout(() => {
        ws.resume(); // to read the client's answering close frame (what else is read now is dropped above)
        ws.close(closeCodes.rateLimited, 'too many messages');
      }, yjsLimits.overLimitPauseMs);
      return;
    }
    try {
      if (!isBinary) throw new InvalidMessage('text frame');
      // Read per message: a lock makes an open connection read-only at once, and so does the instant
      // its access changes with time (checked here too, so an edit cannot slip in before the re-check runs;
      // the clock is read only when there is such an instant, not for every message of everyone else).
      const readOnly = info.readOnly || (info.editUntil !== null && !editAllowedAt(info.editUntil, clock.now()));
      const message = toUint8Array(data);
      handleMessage(shared, ws, { readOnly, user: options.user, ownIds: info.awarenessIds, recent }, message);
      if (info.saves && !readOnly && isEditMessage(message)) noteEdit(shared, ws, info.saves);
    } catch (error) {
      log.warn({ doc: shared.name, userId: options.userId, err: (error as Error).message }, 'yjs: invalid message, closing');
      ws.close(closeCodes.invalidMessage, 'invalid message');
    }
  });

  ws.on('close', (code: number) => {
    log.debug({ doc: shared.name, userId: options.userId, code, edits: info.edits }, 'yjs: connection closed');
    clearInterval(ping);
    if (limited) clearTimeout(limited);
    shared.removeConnection(ws);
    options.onClose(info.edits);
  });
  ws.on('error', () => ws.terminate());

  log.debug({ doc: shared.name, userId: options.userId, readOnly: options.readOnly }, 'yjs: connection opened');
  // Start the sync: our state vector first, then who is here.
  shared.send(ws, shared.syncStep1Message());
  // What is stored already, so a client with nothing new is "saved" at once and one with offline edits is not.
  if (info.saves) shared.send(ws, shared.saveAckMessage(info.saves));
  const presence = shared.awarenessMessage();
  if (presence) shared.send(ws, presence);
}

type Sender = { readOnly: boolean; user: PresenceUser; ownIds: ReadonlySet<number>; recent: RecentStates };

function handleMessage(shared: SharedDocument, ws: WebSocket, sender: Sender, message: Uint8Array): void {
  const { readOnly } = sender;
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case messageSync: {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      if (readOnly) {
        // Answer the client's state vector; ignore its step 2 and updates.
        if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) {
          syncProtocol.readSyncStep1(decoder, encoder, shared.doc);
        }
      } else {
        readGuardedSyncMessage(decoder, encoder, shared, ws, shared.connections.get(ws)!);
      }
      if (encoding.length(encoder) > 1) shared.send(ws, encoding.toUint8Array(encoder));
      return;
    }
    case messageAwareness: {
      // Only what the client may say about itself (awareness-filter.ts); name and colour from its session.
      const takenElsewhere = (clientId: number) => shared.awarenessTakenElsewhere(ws, clientId);
      const filtered = filterAwarenessUpdate(decoding.readVarUint8Array(decoder), { ...sender, takenElsewhere });
      if (filtered) shared.applyClientAwareness(ws, filtered);
      return;
    }
    case messageQueryAwareness: {
      const presence = shared.awarenessMessage();
      if (presence) shared.send(ws, presence);
      return;
    }
    case messageAuth:
      return; // authentication happened before the upgrade; nothing to do
    default:
      throw new InvalidMessage(`unknown message type ${type}`);
  }
}

/** An applied edit message counts towards the client's acknowledgement; at once when nothing it holds is unwritten. */
function noteEdit(shared: SharedDocument, ws: WebSocket, saves: ConnectionSaves): void {
  const { enqueued, written } = shared.persistence.progress;
  saves.noteEdit(enqueued);
  // Nothing new in it (the server had it all): no write will follow to send the acknowledgement.
  if (enqueued <= written) shared.send(ws, shared.saveAckMessage(saves));
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
