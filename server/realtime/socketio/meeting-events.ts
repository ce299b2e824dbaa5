import type { Server } from 'socket.io';
import { z } from 'zod';
import { loadLiveSession } from '../../../lib/auth/user-sessions';
import { loadMeetingAccess } from '../../../lib/access/access-service';
import { recordAuditEvent } from '../../../lib/audit/record-audit-event';
import type { Db } from '../../../lib/db/db';
import { AppError, isAppError } from '../../../lib/errors/app-error';
import { addAgendaItem, planItem, reorderAgenda } from '../../../lib/meetings/chair-agenda';
import { closeMeeting } from '../../../lib/meetings/close-meeting';
import type { MeetingDocuments } from '../../../lib/meetings/meeting-documents';
import { lockItem, setCurrentItem } from '../../../lib/meetings/run-meeting';
import type { Logger } from '../../logger';
import type { SamletSocket } from './socket-server';

const meetingRefSchema = z.object({ meetingId: z.string().regex(/^[a-z0-9]{8,40}$/) });

type Reply = (response: Record<string, unknown>) => void;
type Deps = { db: Db; log: Logger; documents: MeetingDocuments; io: Server };

const room = (meetingId: string) => `meeting:${meetingId}`;

/**
 * The meeting room over socket.io: joining (with attendance and presence) and
 * the chair's commands. Every event is validated, re-reads the user's roles
 * (they may have changed since the handshake) and answers through its ack;
 * what changes is broadcast to everyone in the meeting.
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
    for (const s of sockets) {
      const data = s.data as { actor?: { userId: string }; name?: string };
      if (data.actor) people.set(data.actor.userId, data.name ?? '');
    }
    deps.io.to(room(meetingId)).emit('meeting:presence', {
      meetingId,
      people: [...people].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name)),
    });
  }

  function on(event: string, handler: (payload: unknown) => Promise<Record<string, unknown>>) {
    socket.on(event as never, async (payload: unknown, ack: unknown) => {
      const reply: Reply = typeof ack === 'function' ? (ack as Reply) : () => undefined;
      try {
        reply({ ok: true, ...(await handler(payload)) });
      } catch (error) {
        if (error instanceof z.ZodError) return reply({ ok: false, error: 'invalid_input' });
        if (isAppError(error)) {
          const message = error.message !== error.code ? error.message : undefined;
          return reply({
            ok: false,
            error: error.code,
            ...(message ? { message } : {}),
            ...(error.fields ? { fields: error.fields } : {}),
          });
        }
        deps.log.error({ event, err: (error as Error).message }, 'socket.io: event failed');
        reply({ ok: false, error: 'unavailable' });
      }
    });
  }

  async function freshActor() {
    const live = await loadLiveSession(deps.db, { sub: socket.data.actor.userId, sid: socket.data.sessionId });
    if (!live) {
      socket.disconnect(true);
      throw new AppError('unauthenticated');
    }
    return live.actor;
  }

  /** Runs a chair command with fresh roles and tells the room what changed. */
  function chairCommand<T extends Record<string, unknown> | object>(
    event: string,
    run: (context: Parameters<typeof setCurrentItem>[0]) => Promise<T>,
    broadcast: string,
  ) {
    on(event, async (payload) => {
      const actor = await freshActor();
      const result = await run({ db: deps.db, documents: deps.documents, actor, input: payload } as Parameters<typeof setCurrentItem>[0]);
      const meetingId = meetingRefSchema.parse(payload).meetingId;
      deps.io.to(room(meetingId)).emit(broadcast, { meetingId, ...(result as object) });
      return { result };
    });
  }

  on('meeting:join', async (payload) => {
    const { meetingId } = meetingRefSchema.parse(payload);
    const actor = await freshActor();
    const { level, meeting } = await loadMeetingAccess(deps.db, actor, meetingId);
    if (!meeting || level === 'none') throw new AppError('forbidden');
    const user = await deps.db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    (socket.data as { name?: string }).name = user.name;
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
    return { access: level };
  });

  on('meeting:leave', async (payload) => {
    const { meetingId } = meetingRefSchema.parse(payload);
    // Only a meeting this socket joined: anything else would make the server re-send another meeting's presence.
    if (!joined.delete(meetingId)) return {};
    await socket.leave(room(meetingId));
    await presence(meetingId);
    return {};
  });

  chairCommand('meeting:set-current', setCurrentItem, 'meeting:current');
  chairCommand('meeting:lock-item', lockItem, 'meeting:item');
  chairCommand('meeting:reorder', reorderAgenda, 'meeting:agenda-changed');
  chairCommand('meeting:plan-item', (c) => planItem(c).then(() => ({})), 'meeting:agenda-changed');
  chairCommand('meeting:add-item', (c) => addAgendaItem(c).then((item) => ({ itemId: item.id })), 'meeting:agenda-changed');
  chairCommand('meeting:close', closeMeeting, 'meeting:closed');

  socket.on('disconnect', () => {
    for (const meetingId of joined)
      presence(meetingId).catch((error: Error) => deps.log.warn({ err: error.message }, 'socket.io: presence failed'));
  });
}
