import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorPageHtml } from './error-page';
import { securityHeaderLines } from './security-headers';

/**
 * Requests Node's parser refuses before the router sees them: headers (or a
 * request line) over 16 KB get 431, anything else it cannot parse 400. Node's
 * own answer is a bare status line (408 for a request too slow to arrive); this one carries the security headers
 * and the Norwegian page like every other answer.
 */
export function createClientErrorHandler(options: { hsts: string | null }) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = errorPageHtml(status === 431 ? 'uri_too_long' : 'bad_path');
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\n` +
        `Cache-Control: no-store\r\n${securityHeaderLines(options)}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
}
