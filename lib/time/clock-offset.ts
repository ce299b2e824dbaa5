/**
 * How far this device's clock is from the server's. Every screen in a meeting
 * must show the same time left and planned end, and a device's own clock can
 * be minutes wrong; the server's `now` in an answer, taken at the midpoint of
 * the round trip, says by how much. The sample with the shortest round trip
 * is the most precise (the server's instant is then pinned most tightly), so
 * a later sample replaces the kept one only when its trip was shorter.
 */
export type OffsetSample = {
  /** Add to this device's clock to get the server's (ms). */
  offsetMs: number;
  roundTripMs: number;
};

/** One exchange: when this device sent and received it (its own clock), and the server's `now` in the answer. */
export function sampleOffset({ sentAt, receivedAt, serverNow }: { sentAt: number; receivedAt: number; serverNow: number }): OffsetSample {
  // A clock set back between send and receive gives a negative trip: it says nothing about the delay.
  const roundTripMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: serverNow - (sentAt + roundTripMs / 2), roundTripMs };
}

/** The sample to keep: the one with the shorter round trip (the earlier one when equal). */
export function betterSample(kept: OffsetSample | null, next: OffsetSample): OffsetSample {
  return kept && kept.roundTripMs <= next.roundTripMs ? kept : next;
}

/** The server's time now, as well as this device can tell (its own clock until a sample arrives). */
export function serverTime(deviceNow: number, sample: OffsetSample | null): Date {
  return new Date(deviceNow + (sample?.offsetMs ?? 0));
}
