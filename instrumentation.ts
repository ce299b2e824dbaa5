import { pageStatusFor } from '@/lib/errors/error-mapping';

/** The slot server/http/page-error-status.ts fills (a shared symbol: Next bundles this file apart from the server). */
const pageErrorStatusSlot = Symbol.for('samlet.page-error-status');

/**
 * Next calls this as it catches an error in a page, layout or server action,
 * before it writes the response: the status the one error mapping gives is
 * handed to the Node server, which sends it in place of Next's 500. Outside
 * that server nothing fills the slot and Next's 500 stands.
 */
export function onRequestError(error: unknown): void {
  const status = pageStatusFor(error);
  const report = (globalThis as typeof globalThis & { [pageErrorStatusSlot]?: (status: number) => void })[pageErrorStatusSlot];
  if (status !== null) report?.(status);
}
