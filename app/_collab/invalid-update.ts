'use client';

/** The close code of a refused update (closeCodes.invalidMessage in server/realtime/close-codes.ts). */
export const invalidUpdateCode = 4400;
const noticeKey = 'samlet:invalid-update';

/**
 * The server refused an update from this page and closed it with 4400
 * (docs/realtime.md, "The update guard"); the stock provider does not
 * reconnect after it. The page starts again from the server's state: the
 * local copy (y-indexeddb), which still holds the refused edit and would send
 * it again, is deleted first, the notice is kept for after the reload, and the
 * page reloads. Returns whether the close was this one.
 *
 * Called from use-yjs-form's `connection-close` handler:
 * `if (reloadAfterInvalidUpdate(event, documentName, local)) return;`
 */
export function reloadAfterInvalidUpdate(
  event: { code?: number } | null,
  documentName: string,
  local: { clearData(): Promise<void> } | null,
): boolean {
  if (event?.code !== invalidUpdateCode) return false;
  try {
    window.sessionStorage.setItem(noticeKey, documentName);
  } catch {
    // Storage refused (private mode, full): the reload still happens, only the notice is lost.
  }
  // Another tab holding the same local copy can keep its deletion waiting: reload after a moment regardless.
  const reload = () => window.location.reload();
  const fallback = window.setTimeout(reload, 2000);
  void (local ? local.clearData() : Promise.resolve()).finally(() => {
    window.clearTimeout(fallback);
    reload();
  });
  return true;
}

/** Whether this page was reloaded after the server refused its update to `documentName` (true once). */
export function takeInvalidUpdateNotice(documentName: string): boolean {
  try {
    if (window.sessionStorage.getItem(noticeKey) !== documentName) return false;
    window.sessionStorage.removeItem(noticeKey);
    return true;
  } catch {
    return false;
  }
}
