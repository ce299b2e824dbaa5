import type { Actor } from '../access/access-service';
import { unitsForNewCases } from '../access/policy';
import type { Db } from '../db/db';
import type { QueueSort } from './case-summary';
import { logCaseReads } from '../history/log-case-reads';
import { findConcludedCases, type ConcludedCase } from './list-concluded-cases';
import { findMyCases, type Queue } from './list-my-cases';

export type QueuePage = { queue: Queue; concluded: ConcludedCase[]; newCaseUnits: { id: string; name: string }[] };

/** The case queue page: the caseworker's queue, their concluded cases (Behandlet), and the units in which they may start a draft. */
export async function loadQueuePage(options: {
  db: Db;
  actor: Actor;
  sort: QueueSort;
  retentionMonths: number;
  now?: Date;
}): Promise<QueuePage> {
  const { db, actor } = options;
  const [mine, concluded, newCaseUnits] = await Promise.all([
    findMyCases({ ...options, view: 'queue' }),
    findConcludedCases(options),
    db.unit.findMany({
      where: { id: { in: unitsForNewCases(actor.memberships) } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  // Everything the page shows, in one insert and each case once (a concluded case whose follow-up is in
  // the queue is shown twice), before it is returned.
  await logCaseReads(db, actor, [...mine.shown, ...concluded.shown], 'queue');
  return { queue: mine.queue, concluded: concluded.cases, newCaseUnits };
}
