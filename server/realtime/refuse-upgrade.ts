import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppError } from '../../lib/errors/app-error';
import { upgradeStatusFor } from '../../lib/errors/error-mapping';

/** Answers a websocket upgrade with a plain HTTP error and closes the socket. */
export function refuseUpgrade(socket: Duplex, error: AppError | { status: number }): void {
  if (socket.destroyed) return;
  const status = 'status' in error ? error.status : upgradeStatusFor(error.code);
  const body = STATUS_CODES[status] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
