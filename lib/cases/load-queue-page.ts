import type { Actor } from '../access/access-service';
import { unitsForNewCases } from '../access/policy';
import type { Db } from '../db/db';
import type { QueueSort } from './case-summary';
import { listConcludedCases, type ConcludedCase } from './list-concluded-cases';
import { listMyCases, type Queue } from './list-my-cases';

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
  const [queue, concluded, newCaseUnits] = await Promise.all([
    listMyCases({ ...options, view: 'queue' }),
    listConcludedCases(options),
    db.unit.findMany({
      where: { id: { in: unitsForNewCases(actor.memberships) } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { queue, concluded, newCaseUnits };
}
