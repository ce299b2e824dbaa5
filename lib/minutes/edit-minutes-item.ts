import { z } from 'zod';
import { inhabilItemIds, type Actor } from '../access/access-service';
import { canEditMinutes } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { indexMeeting } from '../history/search-index';
import { systemClock } from '../time/clock';
import { maskNationalIds } from '../privacy/national-id';
import { parseInput } from '../validation/parse-input';
import { recordSnapshot } from '../versions/record-version';
import { afterCorrection } from './after-documented';
import { loadMinutesFacts, requireDraft } from './minutes-facts';
import { meetingIdSchema, minutesText } from './minutes-text';

export const editMinutesItemSchema = z.object({
  meetingId: meetingIdSchema,
  itemId: meetingIdSchema,
  notes: minutesText(20_000, 'text_too_long'),
  conclusion: minutesText(20_000, 'text_too_long'),
  /** The texts as the form showed them (masked): only a field changed from these is written, and only over them. */
  notesBefore: z.string().max(40_000).optional(),
  conclusionBefore: z.string().max(40_000).optional(),
});

const textFields = ['notes', 'conclusion'] as const;
type TextField = (typeof textFields)[number];

/**
 * The chair (or the referent) corrects an item's text in the draft minutes —
 * its notes and its conclusion as frozen at the close. The AgendaItem columns
 * are the minutes, so they are written; the item's version history gets a
 * `minutes_edited` snapshot (the close's content with the new text), and the
 * search index is rebuilt in the same transaction so search follows the edit.
 * Refused once the minutes are approved. Audited with the fields changed.
 */
export async function editMinutesItem(options: { db: Db; actor: Actor; input: unknown; now?: Date }) {
  const { db, actor } = options;
  const input = parseInput(editMinutesItemSchema, options.input);
  const now = options.now ?? systemClock.now();
  const { meeting, facts } = await loadMinutesFacts(db, actor, input.meetingId);
  if (!canEditMinutes(actor.memberships, actor.userId, facts)) throw new AppError('forbidden', 'chair_only');
  const item = await db.agendaItem.findFirst({ where: { id: input.itemId, meetingId: meeting.id } });
  if (!item) throw new AppError('not_found');
  // Whoever was inhabil for the item takes no part in its minutes either (they do not see its content).
  if ((await inhabilItemIds(db, actor.userId, [item])).size > 0) throw new AppError('not_found');
  requireDraft(meeting);
  const next = { notes: input.notes.trim() || null, conclusion: input.conclusion.trim() || null };
  const before = { notes: input.notesBefore, conclusion: input.conclusionBefore };
  // What this person changed: against what their form showed when it has it (so an untouched field, shown masked, is
  // never written back masked), else against what is stored.
  const changedHere = (field: TextField) =>
    before[field] !== undefined ? before[field]!.trim() !== (next[field] ?? '') : (item[field] ?? null) !== next[field];
  const fields = textFields.filter(changedHere);
  if (fields.length === 0) return { changed: [] as string[] };
  const data = Object.fromEntries(fields.map((field) => [field, next[field]])) as Partial<Record<TextField, string | null>>;
  await db.$transaction(async (tx) => {
    const still = await tx.meeting.count({ where: { id: meeting.id, minutesStatus: 'draft' } });
    if (still === 0) throw new AppError('conflict', 'minutes_approved');
    // Someone else saved this text since the form was loaded: refused, not overwritten (they reload and see it).
    const stored = await tx.agendaItem.findUniqueOrThrow({ where: { id: item.id }, select: { notes: true, conclusion: true } });
    for (const field of fields) {
      const shown = before[field];
      if (shown !== undefined && maskNationalIds(stored[field] ?? '').trim() !== shown.trim())
        throw new AppError('conflict', 'minutes_changed');
    }
    await tx.agendaItem.update({ where: { id: item.id }, data });
    const previous = await tx.documentVersion.findFirst({
      where: { itemId: item.id, documentKind: 'item' },
      orderBy: { createdAt: 'desc' },
      select: { content: true },
    });
    const content = {
      ...(previous ? (JSON.parse(previous.content) as Record<string, unknown>) : {}),
      notes: (fields.includes('notes') ? next.notes : stored.notes) ?? '',
      conclusion: (fields.includes('conclusion') ? next.conclusion : stored.conclusion) ?? '',
    };
    await recordSnapshot(tx, { kind: 'minutes_edited', itemId: item.id, content, createdById: actor.userId, meetingId: meeting.id, now });
    await indexMeeting(tx, meeting.id, now);
    await afterCorrection(tx, { item, fields, actorId: actor.userId, unitId: meeting.unitId, meetingId: meeting.id, now });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'minutes.edit',
      entityType: 'item',
      entityId: item.id,
      unitId: meeting.unitId,
      detail: { meetingId: meeting.id, fields: fields.join(',') },
    });
  });
  return { changed: fields as string[] };
}
