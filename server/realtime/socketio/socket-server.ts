import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Server as EngineServer } from 'engine.io';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { Actor } from '../../../lib/access/access-service';
import type { Db } from '../../../lib/db/db';
import type { MeetingDocuments } from '../../../lib/meetings/meeting-documents';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../lib/realtime/meeting-socket-contract';
import type { SessionResolver } from '../../auth/session-resolver';
import type { Logger } from '../../logger';
import type { LiveConnections } from '../live-connections';
import { registerMeetingEvents } from './meeting-events';

export const socketIoPath = '/socket.io/';

/** What the server keeps per socket: the handshake's session, and the name shown in presence once joined. */
export type SocketData = { actor: Actor; sessionId: string; sessionExpiresAt: Date; name?: string };
/** Nodes exchange nothing of their own over socket.io (cluster control has its own Redis channels). */
type InterServerEvents = Record<string, never>;
export type SamletServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type SamletSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * socket.io for meeting events (current item, presence, locks — issue 4).
 * The engine is not attached to the HTTP server: the one request/upgrade
 * router in server/http hands it the `/socket.io/` paths.
 */
export function createSocketServer(deps: {
  db: Db;
  resolveSession: SessionResolver;
  log: Logger;
  documents: MeetingDocuments;
  live: LiveConnections;
  /** Origins a browser may connect from (checked on the handshake, polling or websocket). */
  originAllowed: (req: IncomingMessage) => boolean;
  /** The Redis adapter when several nodes run (rooms and `fetchSockets` span them); the in-memory one otherwise. */
  adapter?: ServerOptions['adapter'];
}) {
  const engine = new EngineServer({
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    // A page on another site must not open a socket with the user's cookie (cross-site websocket hijacking).
    allowRequest: (req, callback) => {
      const allowed = deps.originAllowed(req);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });
  const io: SamletServer = new Server({ serveClient: false, path: '/socket.io', ...(deps.adapter ? { adapter: deps.adapter } : {}) });
  io.bind(engine);

  io.use(async (socket, next) => {
    try {
      const session = await deps.resolveSession(socket.request.headers);
      if (!session) return next(new Error('unauthenticated'));
      Object.assign(socket.data, {
        actor: session.actor,
        sessionId: session.sessionId,
        sessionExpiresAt: session.expiresAt,
      } satisfies SocketData);
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    const { actor, sessionId, sessionExpiresAt } = socket.data;
    // A personal room, so access changes can reach all of a user's sockets.
    void socket.join(`user:${actor.userId}`);
    // When the session ends (logout, expiry, deactivation) the page is told why, then the socket closes.
    const untrack = deps.live.add(sessionId, sessionExpiresAt, {
      userId: actor.userId,
      close: () => {
        socket.emit('session:ended');
        socket.disconnect(true);
      },
      // Roles changed: the page reloads, and is checked again as it loads.
      recheck: () => {
        socket.emit('access:changed');
        socket.disconnect(true);
      },
    });
    socket.on('disconnect', untrack);
    registerMeetingEvents(socket, { ...deps, io });
  });

  return {
    io,
    handleRequest: (req: IncomingMessage, res: ServerResponse) => engine.handleRequest(req, res),
    handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => engine.handleUpgrade(req, socket, head),
    close: () =>
      new Promise<void>((resolve) => {
        // The transports only, as a lost network would: the clients reconnect by themselves (to this node once it
        // is back, or to another). Disconnecting the sockets ('io server disconnect') would leave every open room
        // dead until reloaded — socket.io's client never retries after that. Each socket still runs its disconnect.
        engine.close();
        resolve();
      }),
  };
}
