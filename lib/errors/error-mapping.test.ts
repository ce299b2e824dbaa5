import { describe, expect, it } from 'vitest';
import { AppError, appErrorCodes } from './app-error';
import { closeCodeFor, httpStatusFor, socketErrorFor, upgradeStatusFor } from './error-mapping';

describe('the mapping from an AppError code to each edge', () => {
  it('gives every code its HTTP status', () => {
    expect(Object.fromEntries(appErrorCodes.map((code) => [code, httpStatusFor(code)]))).toEqual({
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      invalid_input: 400,
      conflict: 409,
      rate_limited: 429,
      unavailable: 503,
    });
  });

  it('refuses an upgrade to a missing document as to a hidden one', () => {
    expect(upgradeStatusFor('not_found')).toBe(403);
    expect(upgradeStatusFor('forbidden')).toBe(403);
    expect(upgradeStatusFor('unavailable')).toBe(503);
  });

  it('closes a websocket with 4000 + the status, missing as forbidden, and reconnectable codes outside 4400–4499', () => {
    expect(Object.fromEntries(appErrorCodes.map((code) => [code, closeCodeFor(code)]))).toEqual({
      unauthenticated: 4401,
      forbidden: 4403,
      not_found: 4403,
      invalid_input: 4400,
      conflict: 4100,
      rate_limited: 4429,
      unavailable: 4503,
    });
  });

  it('acknowledges a failed socket.io event with the code, and a fault of ours as unavailable without its text', () => {
    expect(socketErrorFor(new AppError('invalid_input', 'invalid input', { meetingId: 'invalid' }))).toEqual({
      ok: false,
      error: 'invalid_input',
      message: 'invalid input',
      fields: { meetingId: 'invalid' },
    });
    expect(socketErrorFor(new AppError('forbidden'))).toEqual({ ok: false, error: 'forbidden' });
    expect(socketErrorFor(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toEqual({ ok: false, error: 'unavailable' });
  });
});
