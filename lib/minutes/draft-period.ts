import type { Db, DbTransaction } from '../db/db';
import { workingDaysAfter } from '../meetings/norwegian-holidays';
import { osloDate } from '../time/oslo';

/** Two working days, unless the unit sets another period (Unit.minutesApprovalDays). */
export const defaultMinutesApprovalDays = 2;

/**
 * What the close writes on the meeting: its minutes are a draft until the
 * chair approves them, with a comment period ending the unit's number of
 * working days after the close (Oslo's calendar, weekends and holidays skipped).
 */
export async function minutesDraftState(db: Db | DbTransaction, unitId: string, closedAt: Date) {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { minutesApprovalDays: true } });
  const days = unit?.minutesApprovalDays ?? defaultMinutesApprovalDays;
  return { minutesStatus: 'draft', minutesDraftUntil: workingDaysAfter(closedAt, days) } as const;
}

/** The comment period is over once Oslo's calendar day is past its last day. */
export function draftPeriodEnded(draftUntil: string | null, now: Date): boolean {
  return draftUntil !== null && osloDate(now) > draftUntil;
}
