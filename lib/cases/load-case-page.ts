import type { Actor } from '../access/access-service';
import type { Db } from '../db/db';
import { similarCases, type SimilarCase } from '../history/similar-cases';
import type { CaseContentStore } from './case-content-store';
import { getCase, type CaseDetails } from './get-case';
import { systemClock } from '../time/clock';
import { maskNationalIds } from '../privacy/national-id';
import { loadOverrideCheck, overriddenNumbers } from '../privacy/national-id-override';
import { caseMeetingKind } from '../access/leader-case-policy';

/** A meeting the case may be sent to, and whether its submission deadline has passed (then it asks for late acceptance). */
export type TargetMeeting = { id: string; startsAt: Date; submissionDeadline: Date; deadlinePassed: boolean };

export type CasePage = {
  details: CaseDetails;
  meetings: TargetMeeting[];
  similar: SimilarCase[];
  /** Per field, the numbers in it now that its author marked as "not a national identity number": the editor's check lets them pass. */
  overridden: Record<string, string[]>;
};

/** How many upcoming meetings the editor offers. */
const offeredMeetings = 8;

/**
 * The case editor page: the case (access-checked and audit-logged by
 * getCase; hidden and missing both throw not_found), the unit's next planned
 * meetings to send it to, and — once submitted, when it has an assessment to
 * compare — the decisions most like it.
 */
export async function loadCasePage(options: {
  db: Db;
  store: CaseContentStore;
  actor: Actor;
  caseId: string;
  now?: Date;
}): Promise<CasePage> {
  const { db, actor } = options;
  const now = options.now ?? systemClock.now();
  const details = await getCase({ db, store: options.store, actor, caseId: options.caseId, channel: 'page' });
  const [meetings, similar] = await Promise.all([
    targetMeetings(db, details.unitId, now),
    details.status !== 'draft' ? similarCases({ db, actor, caseId: details.id }) : Promise.resolve([]),
  ]);
  const overridden = overriddenNumbers(details.content, await loadOverrideCheck(db, `case:${details.id}`));
  return {
    // The heading is outside the editor: a number in the question is masked there (the editor shows it, to be replaced).
    details: { ...details, title: maskNationalIds(details.title) },
    meetings,
    similar,
    overridden,
  };
}

/** The unit's next planned meetings a case may be sent to (also for *Ny sak*, before the case exists). */
export async function targetMeetings(db: Db, unitId: string, now: Date): Promise<TargetMeeting[]> {
  const meetings = await db.meeting.findMany({
    where: { unitId, kind: caseMeetingKind, status: 'planned', startsAt: { gt: now } },
    orderBy: { startsAt: 'asc' },
    take: offeredMeetings,
    select: { id: true, startsAt: true, submissionDeadline: true },
  });
  return meetings.map((m) => ({ ...m, deadlinePassed: m.submissionDeadline <= now }));
}
