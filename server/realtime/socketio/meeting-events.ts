import type { z } from 'zod';
import { loadLiveSession } from '../../../lib/auth/user-sessions';
import { loadActor, loadMeetingAccess } from '../../../lib/access/access-service';
import { recordAuditEvent } from '../../../lib/audit/record-audit-event';
import type { Db } from '../../../lib/db/db';
import { AppError } from '../../../lib/errors/app-error';
import { asAppError, socketErrorFor } from '../../../lib/errors/error-mapping';
import { concludeAList, setAList } from '../../../lib/meetings/a-list';
import { addAgendaItem, planItem, reorderAgenda } from '../../../lib/meetings/chair-agenda';
import { closeMeeting } from '../../../lib/meetings/close-meeting';
import type { MeetingContext, MeetingDocuments } from '../../../lib/meetings/meeting-documents';
import { lockItem, setCurrentItem } from '../../../lib/meetings/run-meeting';
import { setReferent } from '../../../lib/meetings/set-referent';
import {
  clientEventSchemas,
  type Ack,
  type AckResults,
  type ChairEvent,
  type ClientEvent,
  meetingRooms,
} from '../../../lib/realtime/meeting-socket-contract';
import type { Logger } from '../../logger';
import type { SamletServer, SamletSocket } from './socket-server';
import { parseInput } from '../../../lib/validation/parse-input';
import { systemClock, type Clock } from '../../../lib/time/clock';

/** `clock`: the server's time as the room's join answers it (systemClock unless a test gives one). */
type Deps = { db: Db; log: Logger; documents: MeetingDocuments; io: SamletServer; clock?: Clock };
type Payload<E extends ClientEvent> = z.output<(typeof clientEventSchemas)[E]>;

const room = (meetingId: string) => meetingRooms(meetingId).room;

/**
 * The meeting room over socket.io: joining (with attendance and presence) and
 * the chair's commands (lib/realtime/meeting-socket-contract.ts). Every event
 * is validated, re-reads the user's roles (they may have changed since the
 * handshake) and answers through its ack; what changes is broadcast to
 * everyone in the meeting.
 */
export function registerMeetingEvents(socket: SamletSocket, deps: Deps): void {
  const joined = new Set<string>();

  async function presence(meetingId: string): Promise<void> {
    // Across nodes through the Redis adapter; this node's own sockets if Redis or a node does not answer.
    const sockets = await deps.io
      .in(room(meetingId))
      .fetchSockets()
      .catch(() => deps.io.local.in(room(meetingId)).fetchSockets());
    const people = new Map<string, string>();
    for (const s of sockets) if (s.data.actor) people.set(s.data.actor.userId, s.data.name ?? '');
    deps.io.to(room(meetingId)).emit('meeting:presence', {
      meetingId,
      people: [...people].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name)),
    });
  }

  /** Listens for one event: its payload checked against the contract, the answer sent as its ack. */
  function on<E extends ClientEvent>(event: E, handler: (payload: Payload<E>) => Promise<AckResults[E]>) {
    // socket.io's conditional listener types do not resolve for a generic event name: this one view of
    // `on` is checked against the contract by the callers' types, and the payload by its schema.
    const listen = socket.on.bind(socket) as (event: E, listener: (payload: unknown, ack?: (reply: Ack<E>) => void) => void) => void;
    listen(event, async (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      try {
        // The one converter: a payload outside the contract is invalid_input with its fields, before the command runs.
        const parsed = parseInput(clientEventSchemas[event], payload, 'invalid_input');
        reply({ ok: true, ...(await handler(parsed as Payload<E>)) } as Ack<E>);
      } catch (error) {
        if (!asAppError(error)) deps.log.error({ event, err: (error as Error).message }, 'socket.io: event failed');
        reply(socketErrorFor(error));
      }
    });
  }

  /** The session as it is now (roles, name), or a disconnect when it has ended. */
  async function freshSession() {
    const live = await loadLiveSession(deps.db, { sub: socket.data.actor.userId, sid: socket.data.sessionId });
    if (!live) {
      socket.disconnect(true);
      throw new AppError('unauthenticated');
    }
    return live;
  }
  const freshActor = async () => (await freshSession()).actor;

  /** Runs a chair command with fresh roles, then tells the room what changed. */
  function chairCommand<E extends ChairEvent>(
    event: E,
    run: (context: MeetingContext & { input: Payload<E> }) => Promise<AckResults[E]['result']>,
    announce: (meetingId: string, result: AckResults[E]['result']) => void,
  ) {
    on(event, async (payload) => {
      const actor = await freshActor();
      const result = await run({ db: deps.db, documents: deps.documents, actor, input: payload });
      announce(payload.meetingId, result);
      return { result } as AckResults[E];
    });
  }
  // What changes reaches the room and the saksliste pages open on the meeting alike.
  const toRoom = (meetingId: string) => deps.io.to([room(meetingId), meetingRooms(meetingId).agenda]);

  on('meeting:join', async ({ meetingId }) => {
    const { actor, user } = await freshSession();
    const { level, meeting } = await loadMeetingAccess(deps.db, actor, meetingId);
    if (!meeting || level === 'none') throw new AppError('forbidden');
    // The name the presence list shows, from the session already read (not one more statement per join).
    socket.data.name = user.name;
    await socket.join(room(meetingId));
    joined.add(meetingId);
    if (meeting.status === 'planned' || meeting.status === 'open') {
      await deps.db.attendance.upsert({
        where: { meetingId_userId: { meetingId, userId: actor.userId } },
        create: { meetingId, userId: actor.userId },
        update: { lastSeenAt: new Date() },
      });
    }
    await recordAuditEvent(deps.db, {
      actorId: actor.userId,
      action: 'meeting.join',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unitId,
    });
    await presence(meetingId);
    // Someone who joins after the chair moved on (a late arrival, a page loaded just before) follows at once.
    const { currentItemId } = (await deps.db.meeting.findUnique({ where: { id: meetingId }, select: { currentItemId: true } })) ?? {};
    const current = currentItemId
      ? await deps.db.agendaItem.findFirst({ where: { id: currentItemId, meetingId }, select: { id: true, startedAt: true } })
      : null;
    if (current?.startedAt)
      socket.emit('meeting:current', { meetingId, currentItemId: current.id, startedAt: current.startedAt.toISOString(), previous: null });
    // Read last, just before the answer leaves: the client takes it as the midpoint of its round trip.
    return { access: level, now: (deps.clock ?? systemClock).now().toISOString() };
  });

  // The saksliste page (app/moter/[id]/live-agenda.tsx): told what the room is told, but not present in it.
  on('meeting:watch-agenda', async ({ meetingId }) => {
    const actor = await freshActor();
    const { level, meeting } = await loadMeetingAccess(deps.db, actor, meetingId);
    if (!meeting || level === 'none') throw new AppError('forbidden');
    await socket.join(meetingRooms(meetingId).agenda);
    return {};
  });

  on('meeting:leave', async ({ meetingId }) => {
    // Only a meeting this socket joined: anything else would make the server re-send another meeting's presence.
    if (!joined.delete(meetingId)) return {};
    await socket.leave(room(meetingId));
    await presence(meetingId);
    return {};
  });

  chairCommand(
    'meeting:set-current',
    async (c) => {
      const current = await setCurrentItem(c);
      const previous = current.previous ? { itemId: current.previous.itemId, endedAt: current.previous.endedAt.toISOString() } : null;
      return { currentItemId: current.currentItemId, startedAt: current.startedAt.toISOString(), previous };
    },
    (meetingId, current) => toRoom(meetingId).emit('meeting:current', { meetingId, ...current }),
  );
  chairCommand('meeting:lock-item', lockItem, (meetingId, item) => toRoom(meetingId).emit('meeting:item', { meetingId, ...item }));
  const agendaChanged = (meetingId: string) => toRoom(meetingId).emit('meeting:agenda-changed', { meetingId });
  chairCommand('meeting:reorder', reorderAgenda, agendaChanged);
  chairCommand('meeting:plan-item', (c) => planItem(c).then(() => ({})), agendaChanged);
  chairCommand('meeting:add-item', (c) => addAgendaItem(c).then((item) => ({ itemId: item.id })), agendaChanged);
  // Everyone's room reloads: who the referent is, and whether they themselves may write the conclusion.
  chairCommand('meeting:set-referent', setReferent, agendaChanged);
  chairCommand('meeting:set-a-list', setAList, agendaChanged);
  // Each item locked in the A-list's one step reaches every screen as a lock of its own.
  chairCommand('meeting:conclude-a-list', concludeAList, (meetingId, { items }) => {
    for (const item of items) toRoom(meetingId).emit('meeting:item', { meetingId, ...item });
  });
  chairCommand('meeting:close', closeMeeting, (meetingId, closed) => {
    toRoom(meetingId).emit('meeting:closed', { meetingId, ...closed });
    // The items carried on are on the next meeting's agenda now: its open saksliste pages and room load it again.
    if (closed.carriedOver > 0 && closed.nextMeetingId) agendaChanged(closed.nextMeetingId);
    dropHiddenMembers(meetingId).catch((error: Error) =>
      deps.log.warn({ meetingId, err: error.message }, 'socket.io: could not re-check the room'),
    );
  });

  /**
   * A closed meeting is history, hidden from a caseworker with no case on it
   * (meetingAccess): whoever joined while it ran and may no longer see it
   * leaves its room (on every node), so they hear nothing more of it, nor who
   * is present. Told `meeting:closed` first, as everyone.
   */
  async function dropHiddenMembers(meetingId: string): Promise<void> {
    const sockets = await deps.io.in(room(meetingId)).fetchSockets();
    let dropped = 0;
    for (const member of sockets) {
      const actor = member.data.actor ? await loadActor(deps.db, member.data.actor.userId) : null;
      const { level } = actor ? await loadMeetingAccess(deps.db, actor, meetingId) : { level: 'none' as const };
      if (level !== 'none') continue;
      member.leave(room(meetingId));
      dropped += 1;
    }
    if (dropped > 0) await presence(meetingId);
  }

  socket.on('disconnect', () => {
    for (const meetingId of joined)
      presence(meetingId).catch((error: Error) => deps.log.warn({ event: 'disconnect', err: error.message }, 'socket.io: presence failed'));
  });
}
