'use client';

import './zod-client-config';
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as YTypes from 'yjs';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'ended';

/** Where a page goes when the server ends its session (logout elsewhere, expiry, deactivation). */
export const sessionEndedUrl = '/login?error=SessionEnded';
/** The websocket close code for an ended session (server/realtime/close-codes.ts). */
const sessionEndedCode = 4401;
/** The close code for "access changed, reconnect and be checked again" (a lock, the meeting's start). */
const accessChangedCode = 4100;
/** Someone else in the document: where they are, and (as a text index) where their caret is. */
export type Peer = { clientId: number; name: string; field: string | null; caret: number | null };

type Loaded = {
  Y: typeof YTypes;
  doc: YTypes.Doc;
  form: typeof import('@/lib/realtime/y-form');
  setFocus: (field: string | null) => void;
  shareCaret: (position: YTypes.RelativePosition | null) => void;
};

/**
 * Binds a form to its Yjs document (`case:<id>`, `item:<id>`): the y-websocket
 * provider for live co-editing and presence, and — when `keepOffline` and the
 * user may edit — y-indexeddb, so typing survives a reload, a closed tab or a
 * lost network (the local copy is removed at logout). Yjs is loaded
 * dynamically, never in the server bundle.
 */
export function useYjsForm(options: {
  documentName: string;
  mapName: string;
  textFields: readonly string[];
  userName: string;
  editable: boolean;
  keepOffline: boolean;
  /**
   * The server says this page's access to the document changed (4100): the
   * provider reconnects at the new level by itself; the page may load its
   * own view of the access again (the case form: editable or not).
   */
  onAccessChanged?: () => void;
}) {
  const { documentName, mapName, userName, editable, keepOffline } = options;
  const onAccessChanged = useRef(options.onAccessChanged);
  onAccessChanged.current = options.onAccessChanged;
  const textFieldsKey = options.textFields.join(',');
  const [content, setContent] = useState<Record<string, unknown>>({});
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [ready, setReady] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  /** The server says its writes fail: edits are held on the server but not yet saved. */
  const [unsaved, setUnsaved] = useState(false);
  const loaded = useRef<Loaded | null>(null);

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    void (async () => {
      const [Y, { WebsocketProvider }, { IndexeddbPersistence }, form, { serverStateOf }] = await Promise.all([
        import('yjs'),
        import('y-websocket'),
        import('y-indexeddb'),
        import('@/lib/realtime/y-form'),
        import('@/lib/realtime/server-state'),
      ]);
      if (disposed) return;
      const doc = new Y.Doc();
      const textFields = textFieldsKey.split(',');
      const local = editable && keepOffline ? new IndexeddbPersistence(`samlet:${documentName}`, doc) : null;
      const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/yjs`;
      const provider = new WebsocketProvider(url, documentName, doc, { maxBackoffTime: 5000 });
      provider.awareness.setLocalStateField('user', { name: userName });

      const refresh = () => setContent(form.readForm(doc, mapName, textFields));
      doc.on('update', refresh);
      refresh();
      local?.once('synced', () => !disposed && setReady(true));
      provider.once('sync', () => !disposed && setReady(true));
      // Once we have been online, any lost connection reads as offline (also while it retries).
      let wasOnline = false;
      let ended = false;
      provider.on('status', ({ status }: { status: string }) => {
        if (ended) return;
        if (status === 'connected') wasOnline = true;
        setConnection(status === 'connected' ? 'online' : wasOnline ? 'offline' : 'connecting');
      });
      provider.on('connection-close', (event: { code?: number } | null) => {
        if (event?.code === accessChangedCode) onAccessChanged.current?.();
        if (event?.code !== sessionEndedCode) return;
        ended = true;
        setConnection('ended');
        window.location.assign(sessionEndedUrl);
      });
      const onAwareness = () => {
        const list: Peer[] = [];
        provider.awareness.getStates().forEach((state, clientId) => {
          const { user, field, caret } = state as { user?: { name?: string }; field?: string | null; caret?: unknown };
          if (clientId === doc.clientID || !user?.name) return;
          // A caret travels as a relative position, so it stays right while others type.
          let index: number | null = null;
          try {
            if (caret) index = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(caret), doc)?.index ?? null;
          } catch {
            index = null;
          }
          list.push({ clientId, name: user.name, field: field ?? null, caret: index });
        });
        setPeers(list);
        setUnsaved(serverStateOf(provider.awareness.getStates().values()).unsaved);
      };
      provider.awareness.on('change', onAwareness);
      doc.on('update', onAwareness);
      loaded.current = {
        Y,
        doc,
        form,
        setFocus: (field) => provider.awareness.setLocalStateField('field', field),
        shareCaret: (position) => provider.awareness.setLocalStateField('caret', position ? Y.relativePositionToJSON(position) : null),
      };
      cleanups.push(() => {
        provider.awareness.off('change', onAwareness);
        provider.destroy();
        local?.destroy();
        doc.destroy();
        loaded.current = null;
      });
    })();
    return () => {
      disposed = true;
      cleanups.forEach((cleanup) => cleanup());
    };
  }, [documentName, mapName, textFieldsKey, userName, editable, keepOffline]);

  const setText = useCallback(
    (field: string, value: string) => {
      const l = loaded.current;
      if (l) l.form.applyTextChange(l.form.textIn(l.doc, mapName, field), value);
    },
    [mapName],
  );

  const setValue = useCallback(
    (field: string, value: unknown) => {
      const l = loaded.current;
      if (l) l.doc.transact(() => l.doc.getMap(mapName).set(field, value));
    },
    [mapName],
  );

  /** Cursor bookkeeping: a position that moves with concurrent edits. */
  const relativePosition = useCallback(
    (field: string, index: number) => {
      const l = loaded.current;
      return l ? l.Y.createRelativePositionFromTypeIndex(l.form.textIn(l.doc, mapName, field), index) : null;
    },
    [mapName],
  );
  const absolutePosition = useCallback((position: YTypes.RelativePosition) => {
    const l = loaded.current;
    return l ? (l.Y.createAbsolutePositionFromRelativePosition(position, l.doc)?.index ?? null) : null;
  }, []);
  const setFocus = useCallback((field: string | null) => loaded.current?.setFocus(field), []);
  const shareCaret = useCallback((position: YTypes.RelativePosition | null) => loaded.current?.shareCaret(position), []);

  return { content, connection, unsaved, ready, peers, setText, setValue, relativePosition, absolutePosition, setFocus, shareCaret };
}

export type YjsForm = ReturnType<typeof useYjsForm>;
