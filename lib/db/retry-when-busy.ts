/**
 * SQLite in WAL mode answers "database is locked" at once, without its busy wait, when a transaction
 * that has read must then write after another connection committed (its snapshot is stale). The
 * transaction was rolled back whole, so running it again is safe. Used for long write transactions that
 * run beside a live server (retention: the server's store worker appends document edits meanwhile).
 */
export function isBusyError(error: unknown): boolean {
  return error instanceof Error && /database is locked|SQLITE_BUSY/i.test(error.message);
}

export async function retryWhenBusy<T>(
  run: () => Promise<T>,
  options: { attempts?: number; pause?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const pause = options.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isBusyError(error)) throw error;
      await pause(50 * 2 ** (attempt - 1));
    }
  }
}
