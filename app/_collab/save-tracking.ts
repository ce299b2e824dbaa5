import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  decodeSaveAck,
  isCovered,
  isEditMessage,
  mergeInto,
  messageSaveAck,
  saveAckParam,
  type StateVector,
} from '../../lib/realtime/save-ack';

/** The provider's URL parameters that ask the server for save acknowledgements. */
export const saveAckParams = { [saveAckParam]: '1' };

/**
 * "Lagret" only when the server has stored it (docs/realtime.md, "Save
 * acknowledgement"): registers the handler for the server's acknowledgement
 * (message type 100) on a provider opened with `saveAckParams`, and tells
 * `onChange` whether everything this page holds is stored: every clock of its
 * state vector covered by what the server confirmed, no local edit left unsent,
 * and every edit message sent on the current connection confirmed (a deletion
 * adds no clock; the count shows it). Until the first acknowledgement it is
 * not. While not saved, presence says `pending: true` through `presence` (the
 * page's throttled awareness: at most every 100 ms), so that the chair's lock
 * waits for it (lib/meetings/run-meeting.ts); null for a read-only page.
 */
export function trackSaves(
  provider: WebsocketProvider,
  options: { presence: { setLocalStateField(key: string, value: unknown): void } | null; onChange: (saved: boolean) => void },
): { destroy: () => void } {
  const doc = provider.doc;
  const confirmed: StateVector = new Map();
  let acknowledged = false;
  /** Edit messages sent on the current connection, and how many of them the server says are stored. */
  let editsSent = 0;
  let editsStored = 0;
  /** A local edit not yet handed to the websocket (held by the coalescer, or offline). */
  let unsent = false;
  let saved: boolean | null = null;

  const evaluate = () => {
    const now = acknowledged && !unsent && editsStored >= editsSent && isCovered(Y.decodeStateVector(Y.encodeStateVector(doc)), confirmed);
    if (now === saved) return;
    saved = now;
    options.onChange(now);
    options.presence?.setLocalStateField('pending', !now);
  };

  // Every frame the provider sends goes through its websocket's send: count the edits on each new one.
  let counted: WebSocket | null = null;
  const countOnSocket = () => {
    const ws = provider.ws;
    if (!ws || ws === counted) return;
    counted = ws;
    editsSent = 0;
    editsStored = 0;
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      if (data instanceof Uint8Array && isEditMessage(data)) {
        editsSent += 1;
        unsent = false;
      }
      send(data);
      evaluate();
    };
  };
  provider.on('status', countOnSocket);
  countOnSocket();

  provider.messageHandlers[messageSaveAck] = (_encoder, decoder) => {
    const ack = decodeSaveAck(decoder);
    // What is stored stays stored, whichever node said so: the vectors only grow.
    mergeInto(confirmed, ack.stored);
    editsStored = ack.editsStored;
    acknowledged = true;
    evaluate();
  };
  // After a transaction and before its 'update' event (on which the provider, or the coalescer, sends it).
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== provider && transaction.changed.size > 0) unsent = true;
  };
  doc.on('afterTransaction', onTransaction);
  doc.on('update', evaluate);
  evaluate();
  return {
    destroy: () => {
      doc.off('afterTransaction', onTransaction);
      doc.off('update', evaluate);
      provider.off('status', countOnSocket);
      delete provider.messageHandlers[messageSaveAck];
    },
  };
}
