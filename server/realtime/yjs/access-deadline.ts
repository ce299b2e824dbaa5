import type { Clock } from '../../../lib/time/clock';

/** setTimeout's longest delay (≈ 24.8 days); a meeting further ahead is waited for in steps. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Runs `run` once `clock` reaches `at` (at once if it already has), and
 * returns a cancel function. A timer is only an estimate of the clock: when
 * it fires early (a step of a long wait, or a clock that is not the
 * process's), it is armed again for what is left, so `run` never comes
 * before the instant by the clock the access rules read.
 */
export function runAt(clock: Clock, at: Date, run: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const arm = () => {
    if (cancelled) return;
    const delay = at.getTime() - clock.now().getTime();
    if (delay <= 0) return run();
    timer = setTimeout(arm, Math.min(delay, maxTimerMs));
    timer.unref();
  };
  arm();
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

/**
 * Whether a connection granted `edit` until `editUntil` (epoch ms, or null for
 * no limit) may still edit now. Asked for every message, so an edit arriving
 * after the instant is refused even before the timer of `runAt` has fired.
 */
export function editAllowedAt(editUntil: number | null, now: Date): boolean {
  return editUntil === null || now.getTime() < editUntil;
}
