import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The save acknowledgement (docs/realtime.md, "Save acknowledgement"): a
 * y-websocket message type of Samlet's own, sent only to clients that ask for
 * it (`?ack=1` on the websocket URL), so the stock client never sees it. It
 * carries the state vector of what the server knows is durably stored — in
 * Yjs' own state-vector encoding — and a client whose own state vector it
 * covers has nothing unsaved.
 */
export const messageSaveAck = 100;

/** The URL parameter by which the app's client asks for acknowledgements. */
export const saveAckParam = 'ack';

export type StateVector = Map<number, number>;

/**
 * `stored`: what is stored, as a state vector. `editsStored`: how many of the
 * edit messages (sync step 2 and updates) the client sent on this connection
 * are stored — a deletion adds no clock, so the state vector cannot show it.
 */
export function encodeSaveAck(stored: StateVector, editsStored: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSaveAck);
  const vector = encoding.createEncoder();
  encoding.writeVarUint(vector, stored.size);
  for (const [client, clock] of stored) {
    encoding.writeVarUint(vector, client);
    encoding.writeVarUint(vector, clock);
  }
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(vector));
  encoding.writeVarUint(encoder, editsStored);
  return encoding.toUint8Array(encoder);
}

/** Reads an acknowledgement whose message type has been read already. */
export function decodeSaveAck(decoder: decoding.Decoder): { stored: StateVector; editsStored: number } {
  const vector = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const stored: StateVector = new Map();
  const count = decoding.readVarUint(vector);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(vector);
    stored.set(client, decoding.readVarUint(vector));
  }
  return { stored, editsStored: decoding.readVarUint(decoder) };
}

/** An edit message of the y-websocket protocol: sync step 2 or an update (what the client counts and the server confirms). */
export function isEditMessage(message: Uint8Array): boolean {
  // messageSync (0), then the sync message type: 1 = step 2, 2 = update (0 = step 1, which edits nothing).
  return message.length > 1 && message[0] === 0 && (message[1] === 1 || message[1] === 2);
}

/** True when every clock of `local` is covered by `stored`: everything this copy holds is stored. */
export function isCovered(local: StateVector, stored: StateVector): boolean {
  for (const [client, clock] of local) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}

/** Raises each clock of `into` to the one in `from` (a state vector only grows). */
export function mergeInto(into: StateVector, from: StateVector): boolean {
  let grew = false;
  for (const [client, clock] of from) {
    if ((into.get(client) ?? 0) < clock) {
      into.set(client, clock);
      grew = true;
    }
  }
  return grew;
}
