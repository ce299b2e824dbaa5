import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What nodes tell each other about one Yjs document, on the document's Redis
 * channel (docs/realtime.md, "Several nodes"). Binary, like the y-websocket
 * protocol: an edit is relayed as the same bytes the client sent.
 */
export type PeerMessage =
  /** An edit made on `from`; `seq` numbers it in that node's persistence queue. */
  | { type: 'update'; from: string; seq: number; update: Uint8Array }
  /** Presence changed on `from` (an encoded awareness update). */
  | { type: 'awareness'; from: string; update: Uint8Array }
  /** `from` has written every edit it made up to `seq`: others may forget them. */
  | { type: 'written'; from: string; seq: number }
  /** `from` just loaded the document: what do you hold that this state vector lacks? */
  | { type: 'sync-request'; from: string; requestId: string; stateVector: Uint8Array }
  /**
   * The answer to `requestId`, for node `to`: the edits it lacks, this node's presence, and
   * this node's own state vector (so the asker can send back what this node lacks).
   * `pendingSeq` > `writtenSeq` means the diff may hold edits this node has not written yet.
   */
  | {
      type: 'sync-reply';
      from: string;
      to: string;
      requestId: string;
      pendingSeq: number;
      writtenSeq: number;
      diff: Uint8Array;
      awareness: Uint8Array;
      stateVector: Uint8Array;
    };

const typeCodes = ['update', 'awareness', 'written', 'sync-request', 'sync-reply'] as const;

export class InvalidPeerMessage extends Error {}

export function encodePeerMessage(message: PeerMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, typeCodes.indexOf(message.type));
  encoding.writeVarString(encoder, message.from);
  switch (message.type) {
    case 'update':
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'written':
      encoding.writeVarUint(encoder, message.seq);
      break;
    case 'sync-request':
      encoding.writeVarString(encoder, message.requestId);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
    case 'sync-reply':
      encoding.writeVarString(encoder, message.to);
      encoding.writeVarString(encoder, message.requestId);
      encoding.writeVarUint(encoder, message.pendingSeq);
      encoding.writeVarUint(encoder, message.writtenSeq);
      encoding.writeVarUint8Array(encoder, message.diff);
      encoding.writeVarUint8Array(encoder, message.awareness);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a message from another node; throws InvalidPeerMessage on anything malformed or left over. */
export function decodePeerMessage(bytes: Uint8Array): PeerMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = typeCodes[decoding.readVarUint(decoder)];
    const from = decoding.readVarString(decoder);
    let message: PeerMessage;
    switch (type) {
      case 'update':
        message = { type, from, seq: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) };
        break;
      case 'awareness':
        message = { type, from, update: decoding.readVarUint8Array(decoder) };
        break;
      case 'written':
        message = { type, from, seq: decoding.readVarUint(decoder) };
        break;
      case 'sync-request':
        message = { type, from, requestId: decoding.readVarString(decoder), stateVector: decoding.readVarUint8Array(decoder) };
        break;
      case 'sync-reply':
        message = {
          type,
          from,
          to: decoding.readVarString(decoder),
          requestId: decoding.readVarString(decoder),
          pendingSeq: decoding.readVarUint(decoder),
          writtenSeq: decoding.readVarUint(decoder),
          diff: decoding.readVarUint8Array(decoder),
          awareness: decoding.readVarUint8Array(decoder),
          stateVector: decoding.readVarUint8Array(decoder),
        };
        break;
      default:
        throw new InvalidPeerMessage('unknown message type');
    }
    if (decoding.hasContent(decoder)) throw new InvalidPeerMessage('trailing bytes');
    if (from.length === 0) throw new InvalidPeerMessage('no sender');
    return message;
  } catch (error) {
    if (error instanceof InvalidPeerMessage) throw error;
    throw new InvalidPeerMessage(`truncated or malformed: ${(error as Error).message}`);
  }
}
