/**
 * SQLite in WAL mode answers "database is locked" at once, without its busy wait, when a transaction
 * that has read must then write after another connection committed (its snapshot is stale). The
 * transaction was rolled back whole, so running it again is safe. Used for long write transactions that
 * run beside a live server (retention: the server's store worker appends document edits meanwhile).
 */
export function isBusyError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (/database is locked|SQLITE_BUSY/i.test(error.message)) return true;
  // The same, as Prisma's driver adapter reports it for some statements: P1008 "Operation has timed out", with
  // SQLite's own code underneath (seen when two processes back-fill at once, each a transaction that reads, then writes).
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta?.driverAdapterError?.cause;
  return cause?.originalCode === 'SQLITE_BUSY';
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
