import { describe, expect, it } from 'vitest';
import { betterSample, sampleOffset, serverTime } from './clock-offset';

const server = Date.parse('2026-12-07T09:03:30.000Z');
const minute = 60_000;

describe('clock offset from the server', () => {
  it('takes the server instant at the midpoint of the round trip', () => {
    // The device is 7 minutes fast; the answer took 400 ms there and back, the server stamped it halfway.
    const sentAt = server + 7 * minute - 200;
    const sample = sampleOffset({ sentAt, receivedAt: sentAt + 400, serverNow: server });
    expect(sample).toEqual({ offsetMs: -7 * minute, roundTripMs: 400 });
    expect(serverTime(sentAt + 400, sample).toISOString()).toBe(new Date(server + 200).toISOString());
  });

  it('handles a slow device and one whose clock stood still', () => {
    expect(sampleOffset({ sentAt: server - 3 * minute, receivedAt: server - 3 * minute, serverNow: server })).toEqual({
      offsetMs: 3 * minute,
      roundTripMs: 0,
    });
  });

  it('reads a clock set back during the trip as no delay, not a negative one', () => {
    expect(sampleOffset({ sentAt: 10_000, receivedAt: 9_000, serverNow: 20_000 })).toEqual({ offsetMs: 10_000, roundTripMs: 0 });
  });

  it('keeps the sample with the shortest round trip over re-joins', () => {
    const first = { offsetMs: 1000, roundTripMs: 300 };
    const slower = { offsetMs: 5000, roundTripMs: 900 };
    const faster = { offsetMs: 1100, roundTripMs: 40 };
    expect(betterSample(null, first)).toBe(first);
    expect(betterSample(first, slower)).toBe(first);
    expect(betterSample(first, faster)).toBe(faster);
    expect(betterSample(faster, { offsetMs: 0, roundTripMs: 40 })).toBe(faster);
  });

  it('uses the device clock until a sample arrives', () => {
    expect(serverTime(server, null).getTime()).toBe(server);
  });
});
