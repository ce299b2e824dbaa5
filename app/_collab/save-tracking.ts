import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { decodeSaveAck, isCovered, mergeInto, messageSaveAck, saveAckParam, type StateVector } from '../../lib/realtime/save-ack';

/** The provider's URL parameters that ask the server for save acknowledgements. */
export const saveAckParams = { [saveAckParam]: '1' };

/** The longest a change of `pending` waits before it is shared (the awareness throttle is 100 ms too). */
const pendingEveryMs = 100;

/**
 * "Lagret" only when the server has stored it (docs/realtime.md, "Save
 * acknowledgement"): registers the handler for the server's acknowledgement
 * (message type 100) on a provider opened with `saveAckParams`, and tells
 * `onChange` whether everything this copy of the document holds is covered by
 * what the server confirmed as stored. Until the first acknowledgement it is
 * not. While not saved, and `sharePending`, presence says `pending: true`, so
 * that the chair's lock waits for it (lib/meetings/run-meeting.ts).
 */
export function trackSaves(
  provider: WebsocketProvider,
  options: { sharePending: boolean; onChange: (saved: boolean) => void },
): { destroy: () => void } {
  const doc = provider.doc;
  const confirmed: StateVector = new Map();
  let acknowledged = false;
  let saved: boolean | null = null;
  let shared: boolean | null = null;
  let lastShared = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const sharePending = () => {
    timer = null;
    if (!options.sharePending || shared === !saved) return;
    shared = !saved;
    lastShared = performance.now();
    provider.awareness.setLocalStateField('pending', shared);
  };
  const evaluate = () => {
    const now = acknowledged && isCovered(Y.decodeStateVector(Y.encodeStateVector(doc)), confirmed);
    if (now === saved) return;
    saved = now;
    options.onChange(now);
    const wait = lastShared + pendingEveryMs - performance.now();
    if (wait <= 0) sharePending();
    else timer ??= setTimeout(sharePending, wait);
  };

  provider.messageHandlers[messageSaveAck] = (_encoder, decoder) => {
    // What is stored stays stored, whichever node said so: the vectors only grow.
    mergeInto(confirmed, decodeSaveAck(decoder));
    acknowledged = true;
    evaluate();
  };
  doc.on('update', evaluate);
  evaluate();
  return {
    destroy: () => {
      if (timer) clearTimeout(timer);
      doc.off('update', evaluate);
      delete provider.messageHandlers[messageSaveAck];
    },
  };
}
