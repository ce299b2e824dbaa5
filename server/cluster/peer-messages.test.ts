import { describe, expect, it } from 'vitest';
import { decodePeerMessage, encodePeerMessage, InvalidPeerMessage, type PeerMessage } from './peer-messages';

const samples: PeerMessage[] = [
  { type: 'update', from: 'node-a', seq: 42, update: new Uint8Array([1, 2, 3]) },
  { type: 'awareness', from: 'node-a', update: new Uint8Array([7]) },
  { type: 'written', from: 'node-b', seq: 7 },
  { type: 'sync-request', from: 'node-b', requestId: 'r1', stateVector: new Uint8Array([0]) },
  {
    type: 'sync-reply',
    from: 'node-a',
    to: 'node-b',
    requestId: 'r1',
    pendingSeq: 9,
    writtenSeq: 8,
    diff: new Uint8Array([0, 0]),
    awareness: new Uint8Array([]),
    stateVector: new Uint8Array([1, 5, 3]),
  },
];

describe('peer messages', () => {
  it('round-trips every message type', () => {
    for (const message of samples) expect(decodePeerMessage(encodePeerMessage(message))).toEqual(message);
  });

  it('refuses truncated, extended, unknown and senderless messages', () => {
    for (const message of samples) {
      const bytes = encodePeerMessage(message);
      expect(() => decodePeerMessage(bytes.subarray(0, bytes.length - 1))).toThrow(InvalidPeerMessage);
      expect(() => decodePeerMessage(new Uint8Array([...bytes, 0]))).toThrow(InvalidPeerMessage);
    }
    expect(() => decodePeerMessage(new Uint8Array([9, 1, 65]))).toThrow(InvalidPeerMessage);
    expect(() => decodePeerMessage(encodePeerMessage({ type: 'written', from: '', seq: 1 }))).toThrow(/no sender/);
    expect(() => decodePeerMessage(new Uint8Array([]))).toThrow(InvalidPeerMessage);
  });
});
