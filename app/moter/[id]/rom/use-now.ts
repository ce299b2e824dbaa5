'use client';

import { useEffect, useState } from 'react';
import { serverTime, type OffsetSample } from '@/lib/time/clock-offset';

/**
 * The server's "now" as this screen can tell it, once a second: this device's
 * clock moved by the offset the room measured on joining
 * (lib/time/clock-offset.ts), so a device whose clock is wrong still shows
 * the same time left as every other screen. Null until the first offset
 * arrives: a time from the device's own clock could be minutes off, and the
 * server's render and the browser's first one agree (no running time in the
 * HTML).
 */
export function useNow(offset: OffsetSample | null): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  const offsetMs = offset?.offsetMs ?? null;
  useEffect(() => {
    if (offsetMs === null) return;
    const sample = { offsetMs, roundTripMs: 0 };
    setNow(serverTime(Date.now(), sample));
    const timer = setInterval(() => setNow(serverTime(Date.now(), sample)), 1000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return now;
}
