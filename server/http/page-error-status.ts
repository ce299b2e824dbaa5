import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';

/**
 * Pages and server actions answer the status the one error mapping gives
 * (lib/errors/error-mapping.ts) instead of Next's 500 for every thrown
 * error: the database away is 503, a conflict 409. Next cannot be told a
 * status other than 404/403/401 from a page, so the page's error is reported
 * by instrumentation.ts (Next's `onRequestError`, called as the error is
 * caught, before the response starts) through this slot, and the 500 Next
 * then writes for this request goes out with that status instead.
 */
export const pageErrorStatusSlot = Symbol.for('samlet.page-error-status');

type Slot = typeof globalThis & { [pageErrorStatusSlot]?: (status: number) => void };
type RequestState = { status: number | null };

const requests = new AsyncLocalStorage<RequestState>();

/** Lets instrumentation.ts report a status for the request being rendered; the first report wins. */
function installReporter(): void {
  (globalThis as Slot)[pageErrorStatusSlot] = (status) => {
    const state = requests.getStore();
    if (state && state.status === null) state.status = status;
  };
}

/** Runs Next's handler for one request, so that a reported status replaces its 500. */
export function withPageErrorStatus(res: ServerResponse, handle: () => void | Promise<void>): void | Promise<void> {
  if (!(globalThis as Slot)[pageErrorStatusSlot]) installReporter();
  const state: RequestState = { status: null };
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const status = statusCode === 500 && state.status !== null ? state.status : statusCode;
    // A client that sees 503 may come back; ten seconds is about how long a database restart takes.
    if (status === 503 && !this.hasHeader('retry-after')) this.setHeader('retry-after', '10');
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as typeof res.writeHead;
  return requests.run(state, handle);
}
