/**
 * Who changed what between two versions, from the editing sessions the audit
 * log records: each `case.update` / `item.update` entry names the fields its
 * session touched (`touched`) and, for a realtime session, the instants of its
 * first and last edit (server/realtime/yjs/edit-attribution.ts); an API edit or
 * a restore is an instant (its entry's time). Field-level, not per character.
 */
export type EditSession = { userId: string; fields: readonly string[]; from: Date; to: Date };

/** The audit entries' shape, as stored (`detail` is JSON). */
export type EditEvent = { actorId: string | null; at: Date; detail: string | null };

export function sessionOf(event: EditEvent): EditSession | null {
  if (!event.actorId || !event.detail) return null;
  let detail: Record<string, unknown>;
  try {
    detail = JSON.parse(event.detail) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof detail.touched !== 'string' || detail.touched === '') return null;
  const instant = (value: unknown) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  };
  return {
    userId: event.actorId,
    fields: detail.touched.split(','),
    from: instant(detail.firstEdit) ?? event.at,
    to: instant(detail.lastEdit) ?? event.at,
  };
}

/**
 * For one version, taken at `at` after a previous one at `since` (null: the
 * first version): per field, the people whose sessions touched it in between.
 * A session that overlaps the interval counts for it; one that spans a version
 * counts for both sides (its edits are not split by instant).
 */
export function editorsBetween(sessions: readonly EditSession[], since: Date | null, at: Date | null): Map<string, string[]> {
  const byField = new Map<string, Set<string>>();
  for (const session of sessions) {
    if (at && session.from > at) continue;
    if (since && session.to <= since) continue;
    for (const field of session.fields) {
      const people = byField.get(field) ?? new Set<string>();
      people.add(session.userId);
      byField.set(field, people);
    }
  }
  return new Map([...byField].map(([field, people]) => [field, [...people]]));
}
