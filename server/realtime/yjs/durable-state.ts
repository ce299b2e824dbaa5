import * as Y from 'yjs';
import { mergeInto, type StateVector } from '../../../lib/realtime/save-ack';

/**
 * What of one document this node knows to be durably stored, as a state
 * vector (lib/realtime/save-ack.ts): what it loaded from the store, the edits
 * its persistence queue has written, and edits another node relayed and has
 * confirmed written (server/cluster). Kept from each edit's own clocks
 * (`Y.parseUpdateMeta`), not the document's state vector at some instant,
 * which would also cover edits held in memory and not yet written anywhere.
 */
export class DurableState {
  readonly vector: StateVector = new Map();
  /** Edits enqueued but not yet written: their sequence number and end clocks. */
  private waiting: { seq: number; to: StateVector }[] = [];
  /** Told whenever more is known durable (clients' acknowledgements are sent then). */
  onAdvance: (() => void) | null = null;

  /** An update known to be stored (loaded from the store, or written by another node). */
  stored(update: Uint8Array): void {
    if (mergeInto(this.vector, Y.parseUpdateMeta(update).to)) this.onAdvance?.();
  }

  /** An edit handed to this node's persistence queue as number `seq`. */
  enqueued(seq: number, update: Uint8Array): void {
    this.waiting.push({ seq, to: Y.parseUpdateMeta(update).to });
  }

  /** This node's queue has written every edit up to `seq`: told even when no clock grew (a deletion is stored too). */
  written(seq: number): void {
    let wrote = false;
    while (this.waiting.length > 0 && this.waiting[0].seq <= seq) {
      mergeInto(this.vector, this.waiting.shift()!.to);
      wrote = true;
    }
    if (wrote) this.onAdvance?.();
  }
}
