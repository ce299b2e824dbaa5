import { z } from 'zod';
import type { AccessLevel } from '../access/policy';
import type { SocketError } from '../errors/error-mapping';
import { aListSchema, concludeAListSchema } from '../meetings/a-list';
import { addItemSchema, planSchema, reorderSchema } from '../meetings/chair-agenda';
import { closeMeetingSchema } from '../meetings/close-meeting';
import { currentItemSchema, lockSchema } from '../meetings/run-meeting';
import { referentSchema } from '../meetings/set-referent';

/**
 * The meeting room's socket.io contract, in one place: what a client may
 * send (with the schema the server checks it against before anything runs),
 * what each acknowledgement carries, and what the server sends. The server
 * (server/realtime/socketio), the room (app/moter/[id]/rom) and the test
 * client (tests/support/socket-client.ts) are typed by it. Payloads cross as
 * JSON, so times are ISO strings here.
 */
export const meetingRefSchema = z.object({ meetingId: z.string().regex(/^[a-z0-9]{8,40}$/) });

/** Client-to-server events and their payloads; the chair's commands share the schemas of lib/meetings. */
export const clientEventSchemas = {
  'meeting:join': meetingRefSchema,
  'meeting:leave': meetingRefSchema,
  /** The saksliste page listens for the agenda's changes: no presence, no attendance (it is not the room). */
  'meeting:watch-agenda': meetingRefSchema,
  'meeting:set-current': currentItemSchema,
  'meeting:lock-item': lockSchema,
  'meeting:reorder': reorderSchema,
  'meeting:plan-item': planSchema,
  'meeting:add-item': addItemSchema,
  'meeting:close': closeMeetingSchema,
  'meeting:set-referent': referentSchema,
  /** The chair moves an item on to the A-list or off it (everyone's agenda reloads). */
  'meeting:set-a-list': aListSchema,
  /** The chair takes every open A-list item as information in one step: each is announced as `meeting:item`. */
  'meeting:conclude-a-list': concludeAListSchema,
} as const;

export type ClientEvent = keyof typeof clientEventSchemas;
export type ClientPayload<E extends ClientEvent> = z.input<(typeof clientEventSchemas)[E]>;
export type ChairEvent = Exclude<ClientEvent, 'meeting:join' | 'meeting:leave' | 'meeting:watch-agenda'>;

/**
 * The socket.io rooms a meeting's news goes to: the meeting room's (joined,
 * counted in presence) and the saksliste pages' (watching only).
 */
export const meetingRooms = (meetingId: string) => ({ room: `meeting:${meetingId}`, agenda: `meeting-agenda:${meetingId}` });

/** `previous`: the item the meeting left and when it ended there, so every screen's timeline (lib/meetings/meeting-timeline.ts) agrees. */
export type CurrentItem = { currentItemId: string; startedAt: string; previous: { itemId: string; endedAt: string } | null };
export type ItemLocked = { itemId: string; locked: boolean; status: string };
export type MeetingClosed = {
  closed: boolean;
  carriedOver: number;
  nextMeetingId: string | null;
  /** Each item's status as the meeting ended (concluded, postponed, carried_over…). */
  items: { id: string; status: string }[];
  /** When it closed (ISO): every screen says the same end. */
  closedAt: string;
};

/** What a successful acknowledgement adds to `ok: true`. */
export type AckResults = {
  /** `now`: the server's clock as it answered (ISO), so each screen can run its timers on the server's time (lib/time/clock-offset.ts). */
  'meeting:join': { access: AccessLevel; now: string };
  'meeting:leave': Record<string, never>;
  'meeting:watch-agenda': Record<string, never>;
  'meeting:set-current': { result: CurrentItem };
  'meeting:lock-item': { result: ItemLocked };
  /** The items' ids in their new order. */
  'meeting:reorder': { result: string[] };
  'meeting:plan-item': { result: Record<string, never> };
  'meeting:add-item': { result: { itemId: string } };
  'meeting:close': { result: MeetingClosed };
  'meeting:set-referent': { result: { referentId: string | null } };
  'meeting:set-a-list': { result: { itemId: string; onAList: boolean } };
  'meeting:conclude-a-list': { result: { items: ItemLocked[] } };
};

/** A refusal: the AppError's code, its message when it says more, and per-field message keys for a form (lib/errors/error-mapping.ts). */
export type AckError = SocketError;
export type Ack<E extends ClientEvent> = ({ ok: true } & AckResults[E]) | AckError;

/** socket.io's typing of what a client emits (each with an acknowledgement). */
export type ClientToServerEvents = { [E in ClientEvent]: (payload: ClientPayload<E>, ack: (reply: Ack<E>) => void) => void };

export type Presence = { meetingId: string; people: { userId: string; name: string }[] };

/** Everything the server sends; each meeting event names its meeting. */
export type ServerToClientEvents = {
  'meeting:presence': (event: Presence) => void;
  /** The chair moved the meeting on: every screen that follows moves with it (app/moter/[id]/rom/meeting-room.tsx). */
  'meeting:current': (event: { meetingId: string } & CurrentItem) => void;
  'meeting:item': (event: { meetingId: string } & ItemLocked) => void;
  /** Items were added, moved or re-planned: load the agenda again. */
  'meeting:agenda-changed': (event: { meetingId: string }) => void;
  'meeting:closed': (event: { meetingId: string } & MeetingClosed) => void;
  /** This login ended (logout, expiry, deactivation); the socket closes next. */
  'session:ended': () => void;
  /** The user's roles changed; the socket closes next, and the page is checked again as it reloads. */
  'access:changed': () => void;
};

export type ServerEvent = keyof ServerToClientEvents;
export type ServerPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];
