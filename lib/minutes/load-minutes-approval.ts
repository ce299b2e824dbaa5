import { inhabilItemIds, type Actor } from '../access/access-service';
import { canCommentOnMinutes, canEditMinutes, historyScope } from '../access/policy';
import type { Db } from '../db/db';
import { maskNationalIds } from '../privacy/national-id';
import { systemClock } from '../time/clock';
import { draftPeriodEnded } from './draft-period';
import { loadMinutesFacts } from './minutes-facts';

/**
 * The approval round on the minutes page: the comments, and what the actor
 * may do (comment; edit and approve). Call after getMinutes, which checks and
 * logs the read. A caseworker who sees only their own cases' items sees only
 * their own comments: another's comment may be about a case hidden from them;
 * so does whoever was inhabil for one of the meeting's items.
 */
export async function loadMinutesApproval(options: { db: Db; actor: Actor; meetingId: string; now?: Date }) {
  const { db, actor, meetingId } = options;
  const now = options.now ?? systemClock.now();
  const { meeting, facts } = await loadMinutesFacts(db, actor, meetingId);
  const draft = meeting.minutesStatus === 'draft';
  // Whoever was inhabil for one of its items, too: a comment is free text, and may be about that item.
  const items = await db.agendaItem.findMany({ where: { meetingId }, select: { id: true, caseId: true } });
  const ownOnly = historyScope(actor.memberships, meeting.unitId) !== 'unit' || (await inhabilItemIds(db, actor.userId, items)).size > 0;
  const comments = await db.minutesComment.findMany({
    where: { meetingId, ...(ownOnly ? { authorId: actor.userId } : {}) },
    orderBy: { createdAt: 'asc' },
    select: { id: true, text: true, createdAt: true, author: { select: { name: true } } },
  });
  return {
    draft,
    draftUntil: meeting.minutesDraftUntil,
    periodEnded: draft && draftPeriodEnded(meeting.minutesDraftUntil, now),
    canComment: draft && canCommentOnMinutes(actor.memberships, actor.userId, facts),
    canEdit: draft && canEditMinutes(actor.memberships, actor.userId, facts),
    comments: comments.map((c) => ({ id: c.id, author: c.author.name, createdAt: c.createdAt, text: maskNationalIds(c.text) })),
  };
}
