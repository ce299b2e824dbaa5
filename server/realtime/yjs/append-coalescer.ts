export type AppendRow = { docName: string; data: Uint8Array };

/**
 * Gathers the appends of every document made in one turn of the event loop
 * and hands them to `write` as one group. The persistence queues flush on a
 * shared tick, so a live meeting's documents arrive together and are written
 * with one statement instead of one query each (docs/performance.md). Each
 * append's promise settles with the write of its group; on failure every
 * queue in the group keeps its edits and retries.
 */
export function createAppendCoalescer(write: (rows: AppendRow[]) => Promise<void>, maxRows: number) {
  type Queued = AppendRow & { resolve: () => void; reject: (error: unknown) => void };
  let queued: Queued[] = [];
  let scheduled = false;

  async function writeQueued(): Promise<void> {
    const all = queued;
    queued = [];
    scheduled = false;
    for (let start = 0; start < all.length; start += maxRows) {
      const group = all.slice(start, start + maxRows);
      try {
        await write(group.map(({ docName, data }) => ({ docName, data })));
        for (const append of group) append.resolve();
      } catch (error) {
        for (const append of group) append.reject(error);
      }
    }
  }

  return (docName: string, data: Uint8Array): Promise<void> =>
    new Promise((resolve, reject) => {
      queued.push({ docName, data, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => void writeQueued());
    });
}
