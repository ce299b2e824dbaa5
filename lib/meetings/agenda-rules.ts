/**
 * Rules of a meeting's agenda, free of any framework: how it follows the cases
 * submitted to the meeting, how items are ordered and timed, and what an item
 * needs before it can be closed.
 */
export const defaultMinutesByPurpose: Record<string, number> = { orientering: 5, drofting: 15, avklaring: 10 };

export type AgendaRow = {
  id: string;
  caseId: string | null;
  position: number;
  plannedMinutes: number;
  status: string;
};

export type SubmittedCase = { id: string; purpose: string | null; acceptedLate: boolean };

export type AgendaChanges = {
  create: {
    caseId: string;
    purpose: string;
    plannedMinutes: number;
    reason: 'submitted' | 'accepted_late';
    position: number;
    aList: boolean;
  }[];
  /** Items whose case was withdrawn or moved before anything was said about it. */
  remove: string[];
};

/** What to add and remove so the agenda lists exactly the cases submitted to the meeting. */
export function reconcileAgenda(
  items: readonly AgendaRow[],
  cases: readonly SubmittedCase[],
  /** Planned minutes per purpose: the meeting series' own, else the defaults. */
  minutesByPurpose: Record<string, number> = defaultMinutesByPurpose,
): AgendaChanges {
  const onAgenda = new Set(items.map((i) => i.caseId).filter(Boolean));
  const submitted = new Set(cases.map((c) => c.id));
  let next = items.reduce((max, i) => Math.max(max, i.position), 0);
  const create = cases
    .filter((c) => !onAgenda.has(c.id))
    .map((c) => {
      const purpose = c.purpose ?? 'drofting';
      return {
        caseId: c.id,
        purpose,
        plannedMinutes: minutesByPurpose[purpose] ?? 10,
        reason: c.acceptedLate ? ('accepted_late' as const) : ('submitted' as const),
        position: (next += 1),
        aList: startsOnAList(purpose),
      };
    });
  const remove = items.filter((i) => i.caseId && !submitted.has(i.caseId) && i.status === 'pending').map((i) => i.id);
  return { create, remove };
}

/**
 * Items brought for information only (orientering) start on the A-list: read,
 * not discussed, taken as information together. The chair moves them off (or
 * others on) afterwards; that choice is the item's own from then on.
 */
export function startsOnAList(purpose: string): boolean {
  return purpose === 'orientering';
}

/** The agenda as shown: the A-list apart, each part in the chair's order. */
export function splitAList<T extends { aList: boolean }>(items: readonly T[]): { aList: T[]; rest: T[] } {
  return { aList: items.filter((i) => i.aList), rest: items.filter((i) => !i.aList) };
}

/** Moves one item to a new index; returns ids in their new order. */
export function moveItem(order: readonly string[], itemId: string, toIndex: number): string[] {
  const from = order.indexOf(itemId);
  if (from === -1) return [...order];
  const next = order.filter((id) => id !== itemId);
  const index = Math.max(0, Math.min(toIndex, next.length));
  next.splice(index, 0, itemId);
  return next;
}

/** When the agenda ends if it keeps to its planned minutes, and how that compares with the slot. */
export function plannedSchedule(startsAt: Date, endsAt: Date, items: readonly Pick<AgendaRow, 'plannedMinutes'>[]) {
  const totalMinutes = items.reduce((sum, item) => sum + item.plannedMinutes, 0);
  const plannedEnd = new Date(startsAt.getTime() + totalMinutes * 60_000);
  return { totalMinutes, plannedEnd, overrunMinutes: Math.max(0, Math.round((plannedEnd.getTime() - endsAt.getTime()) / 60_000)) };
}

export const outcomes = ['tatt_til_orientering', 'droftet', 'avklart', 'utsatt', 'henvist'] as const;
export const referralTargets = ['leder', 'jurist', 'kek'] as const;

export type ItemConclusion = {
  outcome?: string;
  referredTo?: string;
  conclusion?: string;
  followUps?: { ownerId?: string; description?: string }[];
};

/**
 * What stops an item from being closed (locked). An avklaring needs an
 * outcome, a written conclusion and at least one follow-up with an owner.
 */
export function closeItemProblems(purpose: string, item: ItemConclusion): string[] {
  const problems: string[] = [];
  if (!item.outcome) problems.push('outcome_required');
  if (item.outcome === 'henvist' && !item.referredTo) problems.push('referral_target_required');
  if (purpose === 'avklaring') {
    if (!item.conclusion?.trim()) problems.push('conclusion_required');
    if (!item.followUps?.some((f) => f.ownerId && f.description?.trim())) problems.push('owner_required');
  }
  return problems;
}

/**
 * Items that go on to the next meeting when this one closes: those the chair
 * postponed, and cases never dealt with — a person's case, or a leader case
 * (issue 22: it goes on to the next leader meeting). A matter the chair added for this
 * meeting alone (eventuelt, no case behind it) that was never dealt with ends
 * with the meeting — it is "Ikke behandlet" in the minutes, not a new agenda
 * item; the chair carries it on only by choosing "Utsatt".
 */
export function unfinishedItems<T extends { status: string; locked: boolean; caseId: string | null; leaderCaseId?: string | null }>(
  items: readonly T[],
): T[] {
  const aboutACase = (item: T) => item.caseId !== null || Boolean(item.leaderCaseId);
  return items.filter((item) => item.status === 'postponed' || (!item.locked && item.status === 'pending' && aboutACase(item)));
}
