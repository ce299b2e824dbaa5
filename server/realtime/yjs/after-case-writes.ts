import { parseDocumentName } from '../../../lib/realtime/document-name';
import type { Logger } from '../../logger';

/**
 * Runs `work` for a case some time after its live document was written,
 * once per `delayMs` however fast the writes come (the case summary sync,
 * the readiness push). A failure is logged as `failure`; it runs again at the
 * next write.
 */
export function afterCaseWrites(options: { delayMs: number; log: Logger; failure: string; work: (caseId: string) => Promise<void> }) {
  const timers = new Map<string, NodeJS.Timeout>();
  return {
    /** Called after a document's edits were written. */
    schedule(docName: string): void {
      const ref = parseDocumentName(docName);
      if (ref?.kind !== 'case' || timers.has(ref.id)) return;
      const timer = setTimeout(() => {
        timers.delete(ref.id);
        options.work(ref.id).catch((error: Error) => options.log.warn({ caseId: ref.id, err: error.message }, options.failure));
      }, options.delayMs);
      timer.unref();
      timers.set(ref.id, timer);
    },
    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
