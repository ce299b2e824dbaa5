'use client';

import './zod-client-config';
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as YTypes from 'yjs';
import { reloadAfterInvalidUpdate } from './invalid-update';
import { leaveIfSessionEndedThrottled, sessionEndedUrl } from '@/app/_auth/check-session-ended';
import { sendOwnPresenceOnly } from './own-presence-only';
import type { ThrottledAwareness } from './throttled-awareness';
import type { RowLayout } from '@/lib/realtime/y-rows';

/**
 * 'new': a form with no document yet (a case not yet created: it is made at the first edit);
 * 'failed': making it failed (what was typed is only on the page).
 */
export type ConnectionState = 'new' | 'failed' | 'connecting' | 'online' | 'offline' | 'ended';

/** The websocket close code for an ended session (server/realtime/close-codes.ts). */
const sessionEndedCode = 4401;
/** The close code for "access changed, reconnect and be checked again" (a lock, the meeting's start). */
const accessChangedCode = 4100;
/** Someone else in the document: who (name and colour as the server set them) and which field they are in. */
export type Peer = { clientId: number; name: string; color: string | null; field: string | null };

type Loaded = {
  Y: typeof YTypes;
  doc: YTypes.Doc;
  form: typeof import('@/lib/realtime/y-form');
  rows: typeof import('@/lib/realtime/y-rows');
  kit: typeof import('./editor-kit');
  shapes: typeof import('@/lib/realtime/document-shape');
  awareness: ThrottledAwareness;
  /** One undo history per field: Ctrl+Z in a field takes back your last edit there, and only yours. */
  undoManagers: Map<string, YTypes.UndoManager>;
};

/** What a field's editor needs from the document (null until Yjs and CodeMirror are loaded). */
export type FieldBinding = {
  text: YTypes.Text;
  awareness: ThrottledAwareness;
  undoManager: YTypes.UndoManager;
  kit: typeof import('./editor-kit');
  /** The field's length cap, as the server's guard and the API count it (UTF-16 units). */
  maxLength: number | null;
};

/**
 * Binds a form to its Yjs document (`case:<id>`, `item:<id>`): the y-websocket
 * provider for live co-editing and presence, and — when `keepOffline` and the
 * user may edit — y-indexeddb, so typing survives a reload, a closed tab or a
 * lost network (the local copy is removed at logout). Yjs is loaded
 * dynamically, never in the server bundle.
 */
export function useYjsForm(options: {
  /** Null for a form whose document does not exist yet: `create` makes it at the first edit. */
  documentName: string | null;
  /**
   * With no `documentName`: called once, at the first edit, to create what the
   * form is of (a case draft); resolves to its document's name, to which the
   * form's document is then connected and sent — the same document, so
   * nothing typed meanwhile is lost. Null: it could not be created.
   */
  create?: () => Promise<string | null>;
  mapName: string;
  textFields: readonly string[];
  /** Lists kept as rows (lib/realtime/y-rows.ts), read into `content` as lists under their names. */
  rowLayouts?: readonly RowLayout[];
  editable: boolean;
  keepOffline: boolean;
  /**
   * The server says this page's access to the document changed (4100): the
   * provider reconnects at the new level by itself; the page may load its
   * own view of the access again (the case form: editable or not).
   */
  onAccessChanged?: () => void;
}) {
  const { documentName, mapName, editable, keepOffline } = options;
  const onAccessChanged = useRef(options.onAccessChanged);
  onAccessChanged.current = options.onAccessChanged;
  const create = useRef(options.create);
  create.current = options.create;
  const textFieldsKey = options.textFields.join(',');
  // Stable across renders: the layouts are module constants, named by their lists.
  const rowLayouts = useRef(options.rowLayouts ?? []);
  const rowLayoutsKey = (options.rowLayouts ?? []).map((layout) => layout.list).join(',');
  const [content, setContent] = useState<Record<string, unknown>>({});
  const [connection, setConnection] = useState<ConnectionState>(documentName ? 'connecting' : 'new');
  const [ready, setReady] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  /** The server says its writes fail: edits are held on the server but not yet saved. */
  const [unsaved, setUnsaved] = useState(false);
  /** The server has confirmed that everything this page holds is stored ("Lagret"; save-tracking.ts). */
  const [saved, setSaved] = useState(false);
  const loaded = useRef<Loaded | null>(null);
  /** Bumped once Yjs and the editor are loaded, so fields bind their editors. */
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    void (async () => {
      const [
        Y,
        { WebsocketProvider },
        { IndexeddbPersistence },
        form,
        { serverStateOf },
        kit,
        { throttledAwareness },
        saves,
        { coalesceUpdates },
        shapes,
        rows,
        { Awareness },
      ] = await Promise.all([
        import('yjs'),
        import('y-websocket'),
        import('y-indexeddb'),
        import('@/lib/realtime/y-form'),
        import('@/lib/realtime/server-state'),
        import('./editor-kit'),
        import('./throttled-awareness'),
        import('./save-tracking'),
        import('./coalesce-updates'),
        import('@/lib/realtime/document-shape'),
        import('@/lib/realtime/y-rows'),
        import('y-protocols/awareness'),
      ]);
      if (disposed) return;
      const doc = new Y.Doc();
      const textFields = textFieldsKey.split(',');
      // The page's presence, made here (not by the provider) so the editors bind to it before any connection.
      const presence = new Awareness(doc);
      const awareness = throttledAwareness(presence);

      // The form's plain values are read again at most once a frame: a paste or fast typing sends many updates.
      let frame: number | null = null;
      const read = () => {
        frame = null;
        if (!disposed) setContent(rows.readFormWithRows(doc, mapName, textFields, rowLayouts.current));
      };
      const refresh = (_update: Uint8Array, origin: unknown) => {
        // A choice or tick box set on this page (origin null) is shown at once — a controlled input must not lag
        // its click; typing and others' edits are read on the next frame.
        if (origin === null) {
          if (frame !== null) cancelAnimationFrame(frame);
          return read();
        }
        if (frame === null) frame = requestAnimationFrame(read);
      };
      doc.on('update', refresh);
      read();
      const onAwareness = () => {
        const list: Peer[] = [];
        presence.getStates().forEach((state, clientId) => {
          const { user, field } = state as { user?: { name?: unknown; color?: unknown }; field?: unknown };
          if (clientId === doc.clientID || typeof user?.name !== 'string') return;
          list.push({
            clientId,
            name: user.name,
            color: typeof user.color === 'string' ? user.color : null,
            field: typeof field === 'string' ? field : null,
          });
        });
        setPeers(list);
        setUnsaved(serverStateOf(presence.getStates().values()).unsaved);
      };
      presence.on('change', onAwareness);
      cleanups.push(() => {
        if (frame !== null) cancelAnimationFrame(frame);
        presence.off('change', onAwareness);
        awareness.destroy();
        loaded.current?.undoManagers.forEach((manager) => manager.destroy());
        presence.destroy();
        doc.destroy();
        loaded.current = null;
      });

      /** Connects the document to the server (and to this machine's copy of it): from the start, or once created. */
      const connect = (name: string) => {
        const local = editable && keepOffline ? new IndexeddbPersistence(`samlet:${name}`, doc) : null;
        const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/yjs`;
        // Asks for save acknowledgements (save-tracking.ts); local edits go out coalesced (coalesce-updates.ts).
        const provider = new WebsocketProvider(url, name, doc, { maxBackoffTime: 5000, params: saves.saveAckParams, awareness: presence });
        coalesceUpdates(provider);
        const ownPresence = sendOwnPresenceOnly(provider);
        local?.once('synced', () => !disposed && setReady(true));
        provider.once('sync', () => !disposed && setReady(true));
        // Once we have been online, any lost connection reads as offline (also while it retries).
        let wasOnline = false;
        let ended = false;
        setConnection('connecting');
        provider.on('status', ({ status }: { status: string }) => {
          if (ended) return;
          if (status === 'connected') wasOnline = true;
          setConnection(status === 'connected' ? 'online' : wasOnline ? 'offline' : 'connecting');
        });
        provider.on('connection-close', (event: { code?: number } | null) => {
          // The server refused an edit of this page (4400): start again from the server's state.
          if (reloadAfterInvalidUpdate(event, name, local)) return;
          if (event?.code === accessChangedCode) onAccessChanged.current?.();
          // Closed without a reason of ours (a refused reconnect reads as 1006): has the login ended meanwhile?
          if (event?.code !== undefined && event.code < 4000) leaveIfSessionEndedThrottled();
          if (event?.code !== sessionEndedCode) return;
          ended = true;
          setConnection('ended');
          window.location.assign(sessionEndedUrl);
        });
        const saveTracking = saves.trackSaves(provider, {
          presence: editable ? awareness : null,
          onChange: (now) => !disposed && setSaved(now),
        });
        // Before the document's own clean-up (registered first, run first): the provider lets go of it.
        cleanups.unshift(() => {
          ownPresence();
          saveTracking.destroy();
          provider.destroy();
          local?.destroy();
        });
      };

      if (documentName) connect(documentName);
      else {
        // Not created yet: the form is ready to type in at once, and the first edit creates it.
        setReady(true);
        const firstEdit = () => {
          doc.off('update', firstEdit);
          void (create.current?.() ?? Promise.resolve(null)).then((name) => {
            if (disposed) return;
            if (name) connect(name);
            else setConnection('failed');
          });
        };
        doc.on('update', firstEdit);
      }
      loaded.current = { Y, doc, form, rows, kit, shapes, awareness, undoManagers: new Map() };
      setGeneration((g) => g + 1);
    })();
    return () => {
      disposed = true;
      cleanups.forEach((cleanup) => cleanup());
    };
  }, [documentName, mapName, textFieldsKey, rowLayoutsKey, editable, keepOffline]);

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

  /** Adds, changes or removes a row of a list (y-rows.ts); nothing until the document is loaded. */
  const editRow = useCallback(
    (
      layout: RowLayout,
      change: { add: string; values: Record<string, unknown> } | { update: string; values: Record<string, unknown> } | { remove: string },
    ) => {
      const l = loaded.current;
      if (!l) return;
      if ('add' in change) l.rows.addRow(l.doc, layout, change.add, change.values);
      else if ('update' in change) l.rows.updateRow(l.doc, layout, change.update, change.values);
      else l.rows.removeRow(l.doc, layout, change.remove);
    },
    [],
  );

  /** What a field's editor binds to; null until loaded (the field shows its text read-only until then). */
  const bindField = useCallback(
    (field: string): FieldBinding | null => {
      const l = loaded.current;
      if (!l) return null;
      const text = l.form.textIn(l.doc, mapName, field);
      let undoManager = l.undoManagers.get(field);
      if (!undoManager) {
        // Tracks only this page's own edits (the editor binding adds its origin; null is this page's own
        // replacements): others' typing arrives with the provider as origin and is never undone here.
        undoManager = new l.Y.UndoManager(text);
        l.undoManagers.set(field, undoManager);
      }
      const name = l.form.textName(mapName, field);
      const shape = Object.values(l.shapes.documentShapes).find((candidate) => candidate.mapName === mapName);
      const cap = shape ? l.shapes.textCapOf(shape, name) : null;
      return { text, awareness: l.awareness, undoManager, kit: l.kit, maxLength: cap };
    },
    // generation: a new document (another page, a reconnect at another access level) gives new bindings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mapName, generation],
  );

  /** Which field this person is in, for the others' presence list. */
  const setFocus = useCallback((field: string | null) => {
    const l = loaded.current;
    if (!l) return;
    l.awareness.setLocalStateField('field', field);
    if (field === null) l.awareness.flush();
  }, []);

  return { content, connection, unsaved, saved, ready, peers, setText, setValue, editRow, bindField, setFocus, generation };
}

export type YjsForm = ReturnType<typeof useYjsForm>;
