/**
 * Which of one connection's edit messages (sync step 2 and updates) are
 * durably stored, for its save acknowledgement (lib/realtime/save-ack.ts). A
 * state vector cannot show a deletion — it adds no clock — so the client also
 * counts the edit messages it sent on this connection, and the server says how
 * many of them are stored: each is noted with the persistence queue's last
 * number after it was handled, and is stored once the queue has written that far.
 * An edit the server dropped (read-only) is never noted, so it never counts.
 */
export class ConnectionSaves {
  private received = 0;
  private confirmed = 0;
  private waiting: { count: number; seq: number }[] = [];

  /** An edit message was applied; `seq` is the queue's last number after it. */
  noteEdit(seq: number): void {
    this.received += 1;
    this.waiting.push({ count: this.received, seq });
  }

  /** How many of this connection's edit messages are stored, now that the queue has written up to `written`. */
  confirmedUpTo(written: number): number {
    while (this.waiting.length > 0 && this.waiting[0].seq <= written) this.confirmed = this.waiting.shift()!.count;
    return this.confirmed;
  }
}
