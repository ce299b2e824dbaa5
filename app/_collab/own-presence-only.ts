import type { WebsocketProvider } from 'y-websocket';

type Changes = { added: number[]; updated: number[]; removed: number[] };

/**
 * y-websocket sends every presence change it hears, other people's too (its
 * awareness handler ignores where a change came from): in a meeting of ten,
 * nine echoes of each presence message, all counted against this page's rate
 * limit (server/realtime/yjs/limits.ts) and dropped by the server, which takes
 * no state for an id another connection holds. With a few people typing that
 * is over the limit, and the page would be closed with 1013. This page sends
 * its own presence only. Returns the undo (the provider's own clean-up
 * removes its handler, already off).
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  const stock = provider._awarenessUpdateHandler;
  awareness.off('update', stock);
  const own = (changes: Changes, origin: unknown) => {
    const mine = (ids: number[]) => ids.filter((id) => id === awareness.clientID);
    const ownChanges = { added: mine(changes.added), updated: mine(changes.updated), removed: mine(changes.removed) };
    if (ownChanges.added.length + ownChanges.updated.length + ownChanges.removed.length > 0) stock(ownChanges, origin);
  };
  awareness.on('update', own);
  return () => awareness.off('update', own);
}
