import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** How long local edits are gathered before one message goes out, and the size that sends at once. */
export const coalesceLimits = { delayMs: 50, maxBufferedBytes: 64 * 1024 } as const;

/**
 * Fast input never floods the server (docs/realtime.md, "Limits"): y-websocket
 * sends one message per Yjs transaction — one per keystroke, hundreds a second
 * when a tool types. This replaces the provider's document listener with one
 * that gathers local updates for up to 50 ms (or 64 KB) and sends them as one
 * `Y.mergeUpdates` through the provider's own sender. Updates from the server
 * (origin: the provider) are never held. What is held is sent on pagehide,
 * when the page is hidden, and before the provider is destroyed; a message
 * lost to a dropped connection comes back through sync step 1/2 on reconnect.
 * (Awareness is throttled where it is written: throttled-awareness.ts.)
 */
export function coalesceUpdates(provider: WebsocketProvider): { flush: () => void } {
  const send = provider._updateHandler;
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (held.length === 0) return;
    const merged = held.length === 1 ? held[0] : Y.mergeUpdates(held);
    held = [];
    heldBytes = 0;
    send(merged, null);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return; // from the server: nothing to send back
    held.push(update);
    heldBytes += update.byteLength;
    if (heldBytes >= coalesceLimits.maxBufferedBytes) flush();
    else timer ??= setTimeout(flush, coalesceLimits.delayMs);
  };
  provider.doc.off('update', send);
  provider.doc.on('update', onUpdate);
  // destroy() unregisters `_updateHandler`: make that ours.
  provider._updateHandler = onUpdate;

  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    flush();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
    destroy();
  };
  return { flush };
}
