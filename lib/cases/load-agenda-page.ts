import type { Actor } from '../access/access-service';
import { recordAuditEvents, type AuditEventInput } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { reassessmentProposals } from '../history/reassessment-proposals';
import { listAgenda } from './list-agenda';

/**
 * All the saksliste page shows: the agenda (listAgenda) and, for whoever
 * chairs it before it closes, the decided cases proposed for revurdering at
 * this meeting. One view, so one audit insert for everything it shows,
 * written before it returns.
 */
export async function loadAgendaPage(options: { db: Db; actor: Actor; meetingId: string; now: Date }) {
  const { db, actor, meetingId, now } = options;
  const reads: AuditEventInput[] = [];
  const agenda = await listAgenda({ db, actor, meetingId, reads });
  const chairing = agenda.canChair && agenda.meeting.status !== 'closed';
  const proposals = chairing ? await reassessmentProposals({ db, actor, meetingId, now, reads }) : [];
  await recordAuditEvents(db, reads);
  return { agenda, proposals, chairing };
}
