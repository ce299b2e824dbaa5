import type { Awareness } from 'y-protocols/awareness';

/**
 * The awareness the editors write through: what they set (their cursor, the
 * field) is gathered and sent at most once per `intervalMs`, as one awareness
 * update — moving the caret on every keystroke at 150 keys a second would
 * otherwise send 150 presence messages a second. Reads go straight to the
 * provider's awareness, with what is still waiting laid over this client's
 * own state, so an editor sees its latest cursor at once.
 *
 * It offers the part of y-protocols' Awareness that y-codemirror.next uses.
 */
export function throttledAwareness(awareness: Awareness, intervalMs = 100) {
  let waiting: Record<string, unknown> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSent = 0;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!waiting) return;
    const fields = waiting;
    waiting = null;
    lastSent = Date.now();
    awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...fields });
  };

  return {
    get doc() {
      return awareness.doc;
    },
    get clientID() {
      return awareness.clientID;
    },
    getLocalState: (): Record<string, unknown> | null => {
      const own = awareness.getLocalState();
      return own === null ? null : { ...own, ...(waiting ?? {}) };
    },
    setLocalStateField(key: string, value: unknown) {
      waiting = { ...(waiting ?? {}), [key]: value };
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, intervalMs - (Date.now() - lastSent)));
    },
    getStates: () => awareness.getStates(),
    on: (...args: Parameters<Awareness['on']>) => awareness.on(...args),
    off: (...args: Parameters<Awareness['off']>) => awareness.off(...args),
    /** Sends what is waiting now (leaving a field, closing the page). */
    flush,
    destroy() {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting = null;
    },
  };
}

export type ThrottledAwareness = ReturnType<typeof throttledAwareness>;
