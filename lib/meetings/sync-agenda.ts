import type { Db } from '../db/db';
import { reconcileAgenda } from './agenda-rules';

/**
 * Brings a meeting's agenda in line with the cases submitted to it (new
 * submissions appended, withdrawn ones not yet discussed removed) and returns
 * it in order. Cheap to call whenever the agenda is shown.
 */
export async function syncAgenda(db: Db, meetingId: string) {
  const [items, cases, series] = await Promise.all([
    db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } }),
    db.case.findMany({
      where: { meetingId, status: 'submitted' },
      orderBy: { submittedAt: 'asc' },
      select: { id: true, purpose: true, acceptedLate: true },
    }),
    // Through the meeting in one statement: reading the meeting with its series would cost two.
    db.meetingSeries.findFirst({
      where: { meetings: { some: { id: meetingId } } },
      select: { minutesOrientering: true, minutesDrofting: true, minutesAvklaring: true },
    }),
  ]);
  const minutes = series
    ? { orientering: series.minutesOrientering, drofting: series.minutesDrofting, avklaring: series.minutesAvklaring }
    : undefined;
  const changes = reconcileAgenda(items, cases, minutes);
  // Nothing to change (every load but the first after a submission or withdrawal): the rows read above are the agenda.
  if (changes.create.length === 0 && changes.remove.length === 0) return items;
  // Several people opening the room at once may race here: the unique (meetingId, caseId)
  // index lets exactly one create each item, and the others skip it.
  for (const item of changes.create) {
    await db.agendaItem.create({ data: { meetingId, ...item } }).catch((error: { code?: string }) => {
      if (error.code !== 'P2002') throw error;
    });
  }
  if (changes.remove.length) await db.agendaItem.deleteMany({ where: { id: { in: changes.remove }, status: 'pending' } });
  return db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
}
