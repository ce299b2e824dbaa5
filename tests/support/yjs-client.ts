import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * A stock y-websocket client in Node, with the session cookie on the upgrade
 * request. BroadcastChannel is off: two providers in one process would
 * otherwise talk to each other directly and prove nothing about the server.
 * `text` is a free-text field the document's form has (the server refuses
 * types the form does not know): `item.notes` in an item, `form.facts` in a case.
 */
export type YjsClient = { doc: Y.Doc; provider: WebsocketProvider; text: Y.Text; destroy: () => void };

export function connectYjs(
  baseUrl: string,
  documentName: string,
  cookie: string | null,
  /** URL parameters, e.g. the app client's `?ack=1` (app/_collab/save-tracking.ts). */
  params: Record<string, string> = {},
): YjsClient {
  const headers = cookie ? { cookie } : {};
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/yjs`, documentName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    params,
  });
  return {
    doc,
    provider,
    text: doc.getText(defaultTextOf(documentName)),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function whenSynced(client: YjsClient, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The marker of a "nothing happened" check: `from` publishes a fresh presence
 * field and this resolves once every one of `to` has seen it. The server
 * handles one connection's messages in order and sends to each connection in
 * order, so anything `from` sent before the marker that was going to reach
 * them has reached them by now.
 */
export async function markerSeen(from: YjsClient, to: YjsClient[], timeoutMs = 5000): Promise<void> {
  // In `field`: the server passes only `field`, `cursor` and `pending` on (awareness-filter.ts).
  const marker = `marker-${from.doc.clientID}-${Math.random().toString(36).slice(2)}`;
  from.provider.awareness.setLocalStateField('field', marker);
  const seen = (client: YjsClient) =>
    (client.provider.awareness.getStates().get(from.doc.clientID) as { field?: string } | undefined)?.field === marker;
  await waitFor(() => to.every(seen), timeoutMs, 'marker');
}

/** Resolves once the client's connection attempt has been closed or refused (at least once). */
export function connectionClosed(client: YjsClient, timeoutMs = 5000): Promise<CloseEvent | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connection not closed in time')), timeoutMs);
    client.provider.once('connection-close', (event) => {
      clearTimeout(timer);
      resolve(event);
    });
  });
}

/** A raw upgrade attempt: the HTTP status of a refusal and any frame that came with it, or 101. */
export function rawUpgrade(baseUrl: string, path: string, cookie: string | null): Promise<{ status: number; frames: number }> {
  return new Promise((resolve) => {
    let frames = 0;
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`, { headers: cookie ? { cookie } : {} });
    ws.on('message', () => (frames += 1));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, frames });
      ws.terminate();
    });
    // Accepted: that is the answer (the frames of an open connection are the document, and not counted).
    ws.on('open', () => {
      resolve({ status: 101, frames });
      ws.close();
    });
    ws.on('error', () => undefined);
  });
}

/** The free-text field tests write by default in a document of this name. */
export function defaultTextOf(documentName: string): string {
  return documentName.startsWith('case:') ? 'form.facts' : 'item.notes';
}
