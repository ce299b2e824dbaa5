import type { AppErrorCode } from './app-error';

/** The one mapping from domain error codes to HTTP statuses (API routes and websocket upgrades). */
export function httpStatusFor(code: AppErrorCode): number {
  switch (code) {
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'invalid_input':
      return 400;
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}
