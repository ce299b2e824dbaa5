import { io, type Socket } from 'socket.io-client';
import type { Ack, ChairEvent, ClientPayload, ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/meeting-socket-contract';

/** The room's socket, typed by the contract (lib/realtime/meeting-socket-contract.ts). */
export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A chair command as the room's components send it: the room adds its meeting. */
export type MeetingCommand = <E extends ChairEvent>(event: E, payload: Omit<ClientPayload<E>, 'meetingId'>) => Promise<Ack<E>>;

export function connectMeetingSocket(): MeetingSocket {
  return io({ path: '/socket.io', transports: ['websocket'] });
}

/** Sends a command for a meeting and waits for its ack; no answer within 10 s counts as the server being unavailable. */
export async function sendCommand<E extends ChairEvent>(
  socket: MeetingSocket | null,
  meetingId: string,
  event: E,
  payload: Omit<ClientPayload<E>, 'meetingId'>,
): Promise<Ack<E>> {
  if (!socket) return { ok: false, error: 'unavailable' };
  const timed = socket.timeout(10_000);
  // socket.io's argument types do not resolve for a generic event name; the signature above is what callers are held to.
  const emit = timed.emitWithAck.bind(timed) as (event: E, payload: unknown) => Promise<Ack<E>>;
  return emit(event, { ...payload, meetingId }).catch((): Ack<E> => ({ ok: false, error: 'unavailable' }));
}
