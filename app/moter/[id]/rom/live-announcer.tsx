'use client';

import { useCallback, useState, type ReactNode } from 'react';

/**
 * The room's announcements to screen readers: one polite status region that
 * is in the page from the first render and only changes its text — a region
 * created together with its message is often not read. `announce` sets the
 * text; the same text twice is still read again (a no-break space is
 * appended in turn, so the region's content changes).
 *
 * Shared by the room's parts (the current item and the connection here in
 * meeting-room.tsx; locks and conclusions in item-panel.tsx): each part puts
 * its own region in the page once and announces through it.
 */
export function useAnnouncer(name: string): [(text: string) => void, ReactNode] {
  const [text, setText] = useState('');
  const announce = useCallback((next: string) => setText((previous) => (previous === next ? `${next}\u00a0` : next)), []);
  const region = (
    <p key={`announcer-${name}`} role="status" aria-live="polite" aria-atomic="true" data-announcer={name} className="sr-only">
      {text}
    </p>
  );
  return [announce, region];
}
