import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { decodeSaveAck, isCovered, mergeInto, messageSaveAck, saveAckParam, type StateVector } from '../../lib/realtime/save-ack';

/** The provider's URL parameters that ask the server for save acknowledgements. */
export const saveAckParams = { [saveAckParam]: '1' };

/**
 * "Lagret" only when the server has stored it (docs/realtime.md, "Save
 * acknowledgement"): registers the handler for the server's acknowledgement
 * (message type 100) on a provider opened with `saveAckParams`, and tells
 * `onChange` whether everything this copy of the document holds is covered by
 * what the server confirmed as stored. Until the first acknowledgement it is
 * not. While not saved, presence says `pending: true` through `presence`
 * (the page's throttled awareness: at most every 100 ms), so that the chair's
 * lock waits for it (lib/meetings/run-meeting.ts); null for a read-only page.
 */
export function trackSaves(
  provider: WebsocketProvider,
  options: { presence: { setLocalStateField(key: string, value: unknown): void } | null; onChange: (saved: boolean) => void },
): { destroy: () => void } {
  const doc = provider.doc;
  const confirmed: StateVector = new Map();
  let acknowledged = false;
  let saved: boolean | null = null;

  const evaluate = () => {
    const now = acknowledged && isCovered(Y.decodeStateVector(Y.encodeStateVector(doc)), confirmed);
    if (now === saved) return;
    saved = now;
    options.onChange(now);
    options.presence?.setLocalStateField('pending', !now);
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
      doc.off('update', evaluate);
      delete provider.messageHandlers[messageSaveAck];
    },
  };
}
