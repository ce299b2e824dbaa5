import { describe, expect, it } from 'vitest';
import { AppError, appErrorCodes } from './app-error';
import { closeCodeFor, httpStatusFor, pageStatusFor, socketErrorFor, upgradeStatusFor } from './error-mapping';

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
      rate_limited: 1013,
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

  it('gives a page the status of its error: the database away is 503, a fault of ours stays 500', () => {
    // As the pg driver adapter reports a database that refuses connections (ALTER DATABASE … ALLOW_CONNECTIONS false).
    const refused = Object.assign(new Error('database "samlet" is not currently accepting connections'), {
      name: 'DriverAdapterError',
      cause: { kind: 'postgres', code: '55000', severity: 'FATAL', message: 'not currently accepting connections' },
    });
    const unreachable = Object.assign(new Error("Can't reach database server"), { name: 'PrismaClientInitializationError' });
    const poolTimeout = Object.assign(new Error('Timed out fetching a new connection'), { code: 'P2024' });
    expect([refused, unreachable, poolTimeout].map(pageStatusFor)).toEqual([503, 503, 503]);
    expect(pageStatusFor(new AppError('unavailable'))).toBe(503);
    expect(pageStatusFor(new AppError('conflict', 'not_concluded'))).toBe(409);
    expect(pageStatusFor(new AppError('invalid_input', 'invalid input', { followUpId: 'invalid' }))).toBe(400);
    // A unique constraint or a bug is ours: Next's 500, logged.
    const duplicate = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
    expect(pageStatusFor(duplicate)).toBeNull();
    expect(pageStatusFor(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    expect(socketErrorFor(refused)).toEqual({ ok: false, error: 'unavailable' });
  });

  it('knows an AppError from another copy of the class (Next bundles app/ and the server apart)', () => {
    const copy = Object.assign(new Error('conflict'), { name: 'AppError', code: 'conflict' });
    expect(pageStatusFor(copy)).toBe(409);
    expect(pageStatusFor(Object.assign(new Error('x'), { name: 'AppError', code: 'teapot' }))).toBeNull();
  });
});
