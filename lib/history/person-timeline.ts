import { inhabilCaseIds, recusedItemIds, type Actor } from '../access/access-service';
import { historyScope } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { logCaseReads } from './log-case-reads';
import { maskNationalIds as mask } from '../privacy/national-id';

export type TimelineEntry = {
  itemId: string;
  caseId: string | null;
  title: string;
  meetingId: string;
  meetingDate: Date;
  purpose: string;
  outcome: string | null;
  conclusion: string | null;
  levels: { alvorlighet: string | null; nytte: string | null; ressurs: string | null };
  reassessmentDate: string | null;
  followUps: { description: string; done: boolean; dueDate: string | null }[];
};

/**
 * Every time a person reference came up in a unit's closed meetings, oldest
 * first: assessment, outcome and conclusion, follow-ups done or not, and the
 * re-assessment date. A caseworker sees the items of their own cases only.
 * Each case shown is logged as read.
 */
export async function personTimeline(options: { db: Db; actor: Actor; unitId: string; personRef: string }): Promise<TimelineEntry[]> {
  const { db, actor, unitId, personRef } = options;
  const scope = historyScope(actor.memberships, unitId);
  if (scope === 'none') throw new AppError('not_found');
  // Habilitet (per case): the items the actor was inhabil for, and every item about such a case, are left out.
  const recused = [...(await recusedItemIds(db, actor.userId))];
  const inhabilCases = [...(await inhabilCaseIds(db, actor.userId))];
  const entries = await db.searchEntry.findMany({
    where: {
      unitId,
      personRef,
      itemId: { notIn: recused },
      OR: [{ caseId: null }, { caseId: { notIn: inhabilCases } }],
      ...(scope === 'own' ? { caseworkerId: actor.userId } : {}),
    },
    orderBy: { meetingDate: 'asc' },
    take: 200,
  });
  const items = await db.agendaItem.findMany({
    where: { id: { in: entries.map((e) => e.itemId) } },
    select: {
      id: true,
      conclusion: true,
      reassessmentDate: true,
      followUps: { select: { description: true, doneAt: true, dueDate: true } },
    },
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  await logCaseReads(db, actor, entries, 'timeline');
  return entries.map((e) => {
    const item = byId.get(e.itemId);
    return {
      itemId: e.itemId,
      caseId: e.caseId,
      title: mask(e.title),
      meetingId: e.meetingId,
      meetingDate: e.meetingDate,
      purpose: e.purpose,
      outcome: e.outcome,
      conclusion: mask(item?.conclusion ?? null),
      levels: { alvorlighet: e.severityLevel, nytte: e.benefitLevel, ressurs: e.resourceLevel },
      reassessmentDate: item?.reassessmentDate ?? null,
      followUps: (item?.followUps ?? []).map((f) => ({ description: mask(f.description), done: Boolean(f.doneAt), dueDate: f.dueDate })),
    };
  });
}
