import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { documentAccess, type Actor } from '../../../lib/access/access-service';
import type { AccessLevel } from '../../../lib/access/policy';
import { recordAuditEvent } from '../../../lib/audit/record-audit-event';
import type { Db } from '../../../lib/db/db';
import { AppError } from '../../../lib/errors/app-error';
import { parseDocumentName, type DocumentRef } from '../../../lib/realtime/document-name';
import { systemClock, type Clock } from '../../../lib/time/clock';
import type { SessionResolver } from '../../auth/session-resolver';
import type { Logger } from '../../logger';
import { closeCodes } from '../close-codes';
import type { LiveConnections } from '../live-connections';
import { refuseUpgrade } from '../refuse-upgrade';
import { runAt } from './access-deadline';
import { closeAfterAccessChange } from './access-recheck';
import type { DocumentRegistry } from './document-registry';
import { yjsLimits } from './limits';
import { trackEditAttribution } from './edit-attribution';
import { bindYjsConnection } from './yjs-connection';
import { loadPersonColour } from '../../../lib/realtime/load-person-colour';
import { saveAckParam } from '../../../lib/realtime/save-ack';

export const yjsPathPrefix = '/yjs/';

/**
 * `/yjs/<documentName>`: the stock y-websocket protocol. Name, session and
 * access are checked before the upgrade is accepted, so a refused client gets
 * an HTTP status and never a byte of the document.
 */
export function createYjsEndpoint(deps: {
  db: Db;
  registry: DocumentRegistry;
  resolveSession: SessionResolver;
  log: Logger;
  live: LiveConnections;
  /** The clock the access rules read; a connection whose access changes with time is checked again by it. */
  clock?: Clock;
}) {
  const clock = deps.clock ?? systemClock;
  const wss = new WebSocketServer({ noServer: true, maxPayload: yjsLimits.maxMessageBytes, perMessageDeflate: false });
  /**
   * Connections per user on this node, open or being opened (the
   * connections-per-user limit). A slot is taken before the first await, so
   * simultaneous upgrades cannot overshoot the limit.
   */
  const slotsByUser = new Map<string, number>();
  const releaseSlot = (userId: string) => {
    const open = (slotsByUser.get(userId) ?? 1) - 1;
    if (open > 0) slotsByUser.set(userId, open);
    else slotsByUser.delete(userId);
  };

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string): Promise<void> {
    const ref = parseDocumentName(safeDecode(pathname.slice(yjsPathPrefix.length)));
    if (!ref) return refuseUpgrade(socket, new AppError('invalid_input', 'invalid document name'));
    const session = await deps.resolveSession(req.headers);
    if (!session) return refuseUpgrade(socket, new AppError('unauthenticated'));
    const { actor } = session;
    if ((slotsByUser.get(actor.userId) ?? 0) >= yjsLimits.connectionsPerUser) {
      deps.log.warn({ userId: actor.userId }, 'yjs: too many connections for one user, refusing');
      return refuseUpgrade(socket, new AppError('rate_limited', 'too many connections'));
    }
    slotsByUser.set(actor.userId, (slotsByUser.get(actor.userId) ?? 0) + 1);
    let slotHandedOver = false;
    try {
      slotHandedOver = await openDocument(req, socket, head, ref, session);
    } finally {
      if (!slotHandedOver) releaseSlot(actor.userId);
    }
  }

  /** Checks access and opens the connection; true once the connection owns the user's slot. */
  async function openDocument(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    ref: NonNullable<ReturnType<typeof parseDocumentName>>,
    session: NonNullable<Awaited<ReturnType<SessionResolver>>>,
  ): Promise<boolean> {
    const { actor } = session;
    // If access to the document changes while this upgrade is under way, the new connection is checked again.
    const epoch = deps.registry.accessEpoch(ref.name);
    const access = await documentAccess(deps.db, actor, ref, clock.now());
    if (access.level === 'none') {
      await recordAuditEvent(deps.db, {
        actorId: actor.userId,
        action: 'access.denied',
        entityType: 'document',
        entityId: ref.name,
        unitId: access.unitId,
      });
      refuseUpgrade(socket, new AppError('forbidden'));
      return false;
    }
    const shared = await deps.registry.acquire(ref.name).catch((error: Error) => {
      deps.log.error({ doc: ref.name, err: error.message }, 'yjs: could not load document');
      return null;
    });
    if (!shared) {
      refuseUpgrade(socket, new AppError('unavailable'));
      return false;
    }
    const readOnly = access.level !== 'edit';
    let colour: Awaited<ReturnType<typeof loadPersonColour>>;
    try {
      colour = await loadPersonColour(deps.db, actor.userId);
      await recordAuditEvent(deps.db, {
        actorId: actor.userId,
        action: ref.kind === 'case' ? 'case.open_realtime' : 'meeting.open_realtime',
        entityType: ref.kind,
        entityId: ref.id,
        unitId: access.unitId,
        detail: { readOnly },
      });
    } catch (error) {
      deps.registry.release(shared); // never leak a hold: the document could not be unloaded
      throw error;
    }
    if (socket.destroyed) {
      deps.registry.release(shared);
      return false;
    }
    return new Promise<boolean>((resolve) => {
      let settled = false;
      // ws calls back only once the handshake is written: a socket that dies first never does.
      socket.once('close', () => {
        if (settled) return;
        settled = true;
        deps.registry.release(shared);
        resolve(false);
      });
      wss.handleUpgrade(req, socket, head, (ws) => {
        settled = true;
        if (deps.registry.accessEpoch(ref.name) !== epoch) {
          // A lock or status change came between the check and now: reconnect and be checked again.
          deps.registry.release(shared);
          ws.close(closeCodes.accessChanged, 'access changed');
          return resolve(false);
        }
        resolve(true);
        // Closed with 4401 when the session ends (logout, expiry, deactivation).
        const untrack = deps.live.add(session.sessionId, session.expiresAt, {
          userId: actor.userId,
          close: () => ws.close(closeCodes.sessionEnded, 'session ended'),
          // Checked here, not on reconnect, so that someone who lost access is told to stop (4403).
          recheck: () => {
            // Read-only from this moment: the old roles no longer count while the database is asked about the new ones.
            const info = shared.connections.get(ws);
            if (info) info.readOnly = true;
            void closeAfterAccessChange({ db: deps.db, log: deps.log, userId: actor.userId, ref }).then(({ code, reason }) =>
              ws.close(code, reason),
            );
          },
        });
        const attribution = trackEditAttribution(shared.doc, ws, clock);
        bindYjsConnection({
          shared,
          ws,
          userId: actor.userId,
          user: { name: session.user.name, ...colour },
          readOnly,
          mayConclude: !readOnly && access.mayConclude,
          saveAcks: wantsSaveAcks(req),
          editUntil: !readOnly && access.changesAt ? access.changesAt.getTime() : null,
          clock,
          log: deps.log,
          onClose: (edits) => {
            deps.registry.release(shared);
            untrack();
            stopWatching();
            releaseSlot(actor.userId);
            const touched = attribution.stop();
            // One audit entry per editing session, not per keystroke; with the fields it touched (attribution).
            if (edits > 0) {
              void recordAuditEvent(deps.db, {
                actorId: actor.userId,
                action: ref.kind === 'case' ? 'case.update' : 'item.update',
                entityType: ref.kind,
                entityId: ref.id,
                unitId: access.unitId,
                detail: { channel: 'realtime', updates: edits, ...touched },
              }).catch((error: Error) => deps.log.error({ err: error.message, doc: ref.name }, 'audit: could not record realtime edits'));
            }
          },
        });
        const stopWatching = watchAccessInTime({ ws, shared, actor, ref, granted: access.level, changesAt: access.changesAt });
      });
    });
  }

  /**
   * A rule that changes with time (a submitted case becomes read-only for its
   * author when its meeting starts): at that instant, by the clock, the
   * connection is checked again — on every node, each for its own
   * connections, from the start time in the database, so no node has to tell
   * another. The same level: it goes on (a moved meeting gives a new instant).
   * Another: it is closed as after a role change (4100 reconnect and come back
   * read-only, 4403 nothing left), as a new connection would be refused or
   * granted. Edits after the instant are refused before this runs
   * (`editUntil`, checked per message). A meeting moved or opened early
   * re-checks the case documents itself (move-meeting, run-meeting).
   */
  function watchAccessInTime(options: {
    ws: import('ws').WebSocket;
    shared: import('./shared-document').SharedDocument;
    actor: Actor;
    ref: DocumentRef;
    granted: AccessLevel;
    changesAt: Date | null;
  }): () => void {
    const { ws, shared, actor, ref, granted } = options;
    let cancel = () => {};
    const watch = (changesAt: Date | null) => {
      if (!changesAt) return;
      cancel = runAt(clock, changesAt, () => {
        if (ws.readyState !== ws.OPEN) return;
        documentAccess(deps.db, actor, ref, clock.now()).then(
          (now) => {
            const info = shared.connections.get(ws);
            if (!info || ws.readyState !== ws.OPEN) return;
            if (now.level === granted) {
              info.editUntil = granted === 'edit' && now.changesAt ? now.changesAt.getTime() : null;
              return watch(now.changesAt);
            }
            info.readOnly = true;
            deps.log.info({ doc: ref.name, userId: actor.userId, from: granted, to: now.level }, 'yjs: access changed with time');
            void closeAfterAccessChange({ db: deps.db, log: deps.log, userId: actor.userId, ref }).then(({ code, reason }) =>
              ws.close(code, reason),
            );
          },
          (error: Error) => {
            deps.log.warn({ doc: ref.name, err: error.message }, 'yjs: could not check access at its deadline');
            ws.close(closeCodes.unavailable, 'access check unavailable');
          },
        );
      });
    };
    watch(options.changesAt);
    return () => cancel();
  }

  return {
    handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string) =>
      handleUpgrade(req, socket, head, pathname).catch((error: Error) => {
        deps.log.error({ err: error.message }, 'yjs: upgrade failed');
        refuseUpgrade(socket, new AppError('unavailable'));
      }),
    /** Open websockets, for shutdown and access revocation. */
    clients: () => wss.clients,
  };
}

/** The app's client asks for save acknowledgements with `?ack=1` (the stock client does not). */
function wantsSaveAcks(req: IncomingMessage): boolean {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(saveAckParam) === '1';
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
