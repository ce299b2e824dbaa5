import type { Db } from '../../lib/db/db';

/**
 * One individual case's history as a closed meeting leaves it, written
 * straight into the tables the history reads (Case, CaseVersion, Meeting,
 * AgendaItem, SearchEntry, FollowUp): one item per meeting it was on.
 */
export type PastCase = {
  unitId: string;
  createdById: string;
  service: string;
  caseType?: string;
  severity: string | null;
  submittedAt: Date;
  /** Each meeting it was on, in order: when, and what became of it there. */
  meetings: { at: Date; outcome: string | null; status?: string }[];
  followUps?: { doneAt: Date | null; dueDate: string | null }[];
};

let serial = 0;

export async function addPastCase(db: Db, past: PastCase): Promise<{ caseId: string }> {
  serial += 1;
  const title = `Historikksak ${serial}`;
  const created = await db.case.create({
    data: {
      unitId: past.unitId,
      createdById: past.createdById,
      personRef: `P-${9000 + serial}`,
      title,
      caseType: past.caseType ?? 'ny_soknad',
      level: 'individ',
      status: 'concluded',
      purpose: 'avklaring',
      severityLevel: past.severity,
      version: 1,
      submittedAt: past.submittedAt,
    },
  });
  await db.caseVersion.create({
    data: {
      caseId: created.id,
      version: 1,
      content: JSON.stringify({ servicesConcerned: past.service }),
      submittedById: past.createdById,
      submittedAt: past.submittedAt,
    },
  });
  for (const [index, m] of past.meetings.entries()) {
    const meeting = await db.meeting.create({
      data: {
        unitId: past.unitId,
        startsAt: m.at,
        endsAt: new Date(m.at.getTime() + 3600_000),
        submissionDeadline: new Date(m.at.getTime() - 86_400_000),
        status: 'closed',
        closedAt: new Date(m.at.getTime() + 3600_000),
      },
    });
    const last = index === past.meetings.length - 1;
    const item = await db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        caseId: created.id,
        position: 0,
        plannedMinutes: 10,
        purpose: 'avklaring',
        reason: 'submitted',
        status: m.status ?? (m.outcome === 'utsatt' ? 'postponed' : 'concluded'),
        outcome: m.outcome,
        locked: true,
      },
    });
    await db.searchEntry.create({
      data: {
        itemId: item.id,
        unitId: past.unitId,
        meetingId: meeting.id,
        caseId: created.id,
        caseworkerId: past.createdById,
        meetingDate: m.at,
        caseType: past.caseType ?? 'ny_soknad',
        level: 'individ',
        purpose: 'avklaring',
        outcome: m.outcome,
        severityLevel: past.severity,
        services: past.service.toLocaleLowerCase('nb'),
        title,
        body: '',
      },
    });
    if (last)
      for (const f of past.followUps ?? [])
        await db.followUp.create({
          data: {
            agendaItemId: item.id,
            caseId: created.id,
            ownerId: past.createdById,
            description: 'Oppfølging',
            doneAt: f.doneAt,
            dueDate: f.dueDate,
          },
        });
  }
  return { caseId: created.id };
}
