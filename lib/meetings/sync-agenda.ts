import type { Db } from '../db/db';
import { reconcileAgenda } from './agenda-rules';

/**
 * Brings a meeting's agenda in line with the cases submitted to it (new
 * submissions appended, withdrawn ones not yet discussed removed) and returns
 * it in order. Cheap to call whenever the agenda is shown.
 */
export async function syncAgenda(db: Db, meetingId: string) {
  const [items, cases, meeting] = await Promise.all([
    db.agendaItem.findMany({
      where: { meetingId },
      select: { id: true, caseId: true, position: true, plannedMinutes: true, status: true },
    }),
    db.case.findMany({
      where: { meetingId, status: 'submitted' },
      orderBy: { submittedAt: 'asc' },
      select: { id: true, purpose: true, acceptedLate: true },
    }),
    db.meeting.findUnique({
      where: { id: meetingId },
      select: { series: { select: { minutesOrientering: true, minutesDrofting: true, minutesAvklaring: true } } },
    }),
  ]);
  const series = meeting?.series;
  const minutes = series
    ? { orientering: series.minutesOrientering, drofting: series.minutesDrofting, avklaring: series.minutesAvklaring }
    : undefined;
  const changes = reconcileAgenda(items, cases, minutes);
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
