/**
 * The one error type of the domain. Each code has a fixed meaning; the edges
 * (pages, HTTP routes, socket.io, the Yjs websocket) map it in one place:
 * lib/errors/error-mapping.ts.
 */
export const appErrorCodes = [
  'unauthenticated', // no valid session
  'forbidden', // a session, but no access to this thing
  'not_found', // the thing does not exist (or is hidden from this user)
  'invalid_input', // input failed validation; `fields` says where
  'conflict', // the thing changed state in a way that forbids the action
  'rate_limited', // too many attempts
  'unavailable', // a dependency (the database) does not answer
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field path → message key, for `invalid_input`. */
  readonly fields?: Record<string, string>;

  constructor(code: AppErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

/**
 * By shape rather than `instanceof`: Next bundles app/, instrumentation and
 * server/ apart, so one error can meet a second copy of this class.
 */
export function isAppError(error: unknown): error is AppError {
  if (error instanceof AppError) return true;
  const shape = error as { name?: unknown; code?: unknown } | null;
  return error instanceof Error && shape!.name === 'AppError' && (appErrorCodes as readonly unknown[]).includes(shape!.code);
}
