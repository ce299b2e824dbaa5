import { describe, expect, it } from 'vitest';
import { UnwrittenPeerEdits } from './unwritten-peer-edits';

const bytes = (n: number) => new Uint8Array([n]);

describe('UnwrittenPeerEdits', () => {
  it('forgets edits once their node confirms them written, per node', () => {
    const edits = new UnwrittenPeerEdits(() => 0);
    edits.track('a', 1, bytes(1));
    edits.track('a', 2, bytes(2));
    edits.track('b', 1, bytes(9));
    edits.written('a', 1);
    expect(edits.size).toBe(2);
    expect(edits.takeAll()).toEqual([bytes(2), bytes(9)]);
    expect(edits.size).toBe(0);
  });

  it('hands over only what waited too long, and ignores edits already confirmed', () => {
    let now = 0;
    const edits = new UnwrittenPeerEdits(() => now);
    edits.track('a', 1, bytes(1));
    now = 2000;
    edits.track('a', 2, bytes(2));
    expect(edits.takeOverdue(3000)).toEqual([]);
    now = 3500;
    expect(edits.takeOverdue(3000)).toEqual([bytes(1)]);
    edits.written('a', 5);
    edits.track('a', 4, bytes(4)); // a catch-up diff numbered before the confirmation: nothing to keep
    expect(edits.takeAll()).toEqual([]);
  });

  it('keeps a confirmation monotonic: a late, lower one changes nothing', () => {
    const edits = new UnwrittenPeerEdits(() => 0);
    edits.written('a', 3);
    edits.written('a', 2);
    edits.track('a', 3, bytes(3));
    edits.track('a', 4, bytes(4));
    expect(edits.takeAll()).toEqual([bytes(4)]);
  });
});
