import { optionalRuntimeService } from '../runtime/services';

/**
 * The bridge from a change made outside the room's socket (a server action on
 * the saksliste page, a habilitet declaration, a caseworker typing what was
 * missing) to the meeting rooms that are open: the server registers it with
 * the runtime services and sends the room's own `meeting:agenda-changed`, on
 * every node (socket.io's Redis adapter), so every open room reloads its data.
 */
export interface LiveMeetingControl {
  agendaChanged(meetingId: string): void;
}

/** Tells the open rooms of this meeting that its agenda changed (no-op where no server runs: the tools). */
export function announceAgendaChanged(meetingId: string): void {
  optionalRuntimeService('liveMeetings')?.agendaChanged(meetingId);
}
