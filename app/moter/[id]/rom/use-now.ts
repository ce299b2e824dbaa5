'use client';

import { useEffect, useState } from 'react';

/**
 * This screen's "now", once a second; null until the page runs in the
 * browser, so the server's render and the browser's first one agree (no
 * running time in the HTML).
 */
export function useNow(): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
