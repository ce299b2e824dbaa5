import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeSaveAck, encodeSaveAck, isCovered, isEditMessage, mergeInto, messageSaveAck } from './save-ack';

describe('save acknowledgement', () => {
  it('round-trips a state vector in Yjs’ own encoding, under its own message type', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hei');
    const stored = Y.decodeStateVector(Y.encodeStateVector(doc));
    const decoder = decoding.createDecoder(encodeSaveAck(stored, 7));
    expect(decoding.readVarUint(decoder)).toBe(messageSaveAck);
    expect(decodeSaveAck(decoder)).toEqual({ stored, editsStored: 7 });
  });

  it('tells edit messages (sync step 2, updates) from the rest', () => {
    expect(isEditMessage(new Uint8Array([0, 1, 0]))).toBe(true);
    expect(isEditMessage(new Uint8Array([0, 2, 0]))).toBe(true);
    expect(isEditMessage(new Uint8Array([0, 0, 0]))).toBe(false);
    expect(isEditMessage(new Uint8Array([1, 2, 0]))).toBe(false);
  });

  it('counts a copy as saved only when every clock is covered', () => {
    expect(isCovered(new Map([[1, 5]]), new Map([[1, 5]]))).toBe(true);
    expect(isCovered(new Map([[1, 5]]), new Map([[1, 4]]))).toBe(false);
    expect(isCovered(new Map([[2, 1]]), new Map([[1, 9]]))).toBe(false);
    expect(isCovered(new Map(), new Map())).toBe(true);
  });

  it('merges state vectors upwards only', () => {
    const into = new Map([[1, 5]]);
    expect(mergeInto(into, new Map([[1, 3]]))).toBe(false);
    expect(
      mergeInto(
        into,
        new Map([
          [1, 7],
          [2, 1],
        ]),
      ),
    ).toBe(true);
    expect(into).toEqual(
      new Map([
        [1, 7],
        [2, 1],
      ]),
    );
  });
});
