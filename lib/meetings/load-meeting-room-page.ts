import type { Actor } from '../access/access-service';
import { recordAuditEvents, type AuditEventInput } from '../audit/record-audit-event';
import { getCaseContentStore } from '../cases/case-content-store';
import type { Db } from '../db/db';
import { similarForCases, type SimilarTargetRow } from '../history/similar-cases';
import { getMeetingRoom } from './get-meeting-room';
import { liveMissing } from './live-readiness';

/**
 * All the meeting room page shows on load: the room (getMeetingRoom), the
 * earlier decisions like each case on its agenda, and for the chair what each
 * case still lacks. One view, so one audit insert for everything it shows
 * (the meeting, its cases, the earlier decisions), written before it returns.
 */
export async function loadMeetingRoomPage(options: { db: Db; actor: Actor; meetingId: string }) {
  const { db, actor } = options;
  const reads: AuditEventInput[] = [];
  // The agenda's cases as the room read them: the similar-cases panel compares them without reading them again.
  const caseRows = new Map<string, SimilarTargetRow>();
  const room = await getMeetingRoom({ ...options, reads, caseRows });
  const caseIds = room.items.flatMap((i) => (i.caseId ? [i.caseId] : []));
  const similar = await similarForCases({ db, actor, caseIds, reads, caseRows });
  await recordAuditEvents(db, reads);
  // The chair sees per item what its case still lacks, from the caseworker's live document (logged as read above).
  const chairing = room.canChair && room.meeting.status !== 'closed';
  const missingByCase = chairing ? await liveMissing(getCaseContentStore(), caseIds) : new Map<string, string[]>();
  const missing = Object.fromEntries(
    room.items.flatMap((i) => (i.caseId && missingByCase.has(i.caseId) ? [[i.id, missingByCase.get(i.caseId)!]] : [])),
  );
  return { room, similar, missing };
}
