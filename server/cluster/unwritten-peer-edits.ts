/**
 * Edits another node relayed to this one that it has not yet confirmed as
 * written. Normally the confirmation follows within one flush tick and the
 * entries are forgotten. If it never comes (the node died between relaying and
 * writing, or its writes fail), this node writes them itself: a Yjs update
 * written twice is harmless, one written never is lost. Pure bookkeeping;
 * the relay decides when to take them over.
 */
type Entry = { seq: number; update: Uint8Array; at: number };

export class UnwrittenPeerEdits {
  private readonly byNode = new Map<string, { written: number; entries: Entry[] }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** An edit from node `from`, numbered `seq` there (or, for a catch-up diff, that node's last number then). */
  /** False when node `from` has written it already (it is durable: save-ack.ts). */
  track(from: string, seq: number, update: Uint8Array): boolean {
    const node = this.node(from);
    if (seq <= node.written) return false;
    node.entries.push({ seq, update, at: this.now() });
    return true;
  }

  /** Node `from` has written everything up to `seq`: returns the edits that are durable now. */
  written(from: string, seq: number): Uint8Array[] {
    const node = this.node(from);
    if (seq <= node.written) return [];
    node.written = seq;
    const confirmed = node.entries.filter((entry) => entry.seq <= seq).map((entry) => entry.update);
    node.entries = node.entries.filter((entry) => entry.seq > seq);
    return confirmed;
  }

  /** Removes and returns the edits waiting longer than `olderThanMs` for their node's confirmation. */
  takeOverdue(olderThanMs: number): Uint8Array[] {
    const cutoff = this.now() - olderThanMs;
    return this.take((entry) => entry.at <= cutoff);
  }

  /** Removes and returns every edit still unconfirmed (the document is leaving this node). */
  takeAll(): Uint8Array[] {
    return this.take(() => true);
  }

  get size(): number {
    let size = 0;
    for (const node of this.byNode.values()) size += node.entries.length;
    return size;
  }

  private take(pick: (entry: Entry) => boolean): Uint8Array[] {
    const taken: Uint8Array[] = [];
    for (const node of this.byNode.values()) {
      taken.push(...node.entries.filter(pick).map((entry) => entry.update));
      node.entries = node.entries.filter((entry) => !pick(entry));
    }
    return taken;
  }

  private node(from: string) {
    let node = this.byNode.get(from);
    if (!node) this.byNode.set(from, (node = { written: 0, entries: [] }));
    return node;
  }
}
