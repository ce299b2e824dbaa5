/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC through
 * process.hrtime), which every process on the machine shares: a time taken in
 * one load process can be subtracted from one taken in another, with
 * sub-millisecond precision and no wall-clock steps.
 */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
