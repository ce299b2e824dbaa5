import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientEvent, ClientPayload, ServerEvent, ServerPayload } from '../../lib/realtime/meeting-socket-contract';

/**
 * A socket.io client with a session cookie, connected (or rejected) before it
 * is returned. Its type is the untyped client's, because tests also send what
 * the contract forbids (and check the server refuses it); `emitAck` and
 * `nextEvent` hold the rest to the contract (lib/realtime/meeting-socket-contract.ts).
 */
export async function connectSocket(baseUrl: string, cookie: string | null): Promise<Socket> {
  const socket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** Sends an event as the room does and waits for its acknowledgement. */
export async function emitAck<E extends ClientEvent>(
  socket: Socket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = 10_000,
): Promise<Ack<E>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload);
}

/** The next event of a kind, with the contract's payload, or a timeout. */
export function nextEvent<E extends ServerEvent>(socket: Socket, event: E, timeoutMs?: number): Promise<ServerPayload<E>>;
/** An explicitly typed payload (older tests name the type themselves). */
export function nextEvent<T>(socket: Socket, event: ServerEvent, timeoutMs?: number): Promise<T>;
export function nextEvent(socket: Socket, event: ServerEvent, timeoutMs = 5000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
