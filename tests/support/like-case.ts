import type { Db } from '../../lib/db/db';
import { backfillConcludedDecisions } from '../../lib/history/concluded-decisions';
import { systemClock } from '../../lib/time/clock';

/**
 * Earlier decisions written straight into the search index (as a closed
 * meeting leaves them) reach the similar-cases store the way meetings closed
 * before the store did: the back-fill the server runs at start
 * (lib/history/concluded-decisions.ts), run again here.
 */
export async function storeEarlierDecisions(db: Db): Promise<void> {
  await backfillConcludedDecisions(db, systemClock.now());
}

/**
 * Seeds an earlier decision just like a case — its words, levels and type —
 * into the history's search index, so the similar-earlier-decisions panel
 * ranks it first (lib/history/similar-cases.ts reads the same form fields).
 * Built from an existing entry, so every column the index needs is set; stored
 * for the panel as a closed meeting's decision is (storeEarlierDecisions).
 */
export async function seedEarlierLikeCase(
  db: Db,
  like: { caseType: string; level: string; content: Record<string, string>; title: string; outcome: string; alsoText?: string },
): Promise<void> {
  const { content } = like;
  const { id: _id, ...base } = await db.searchEntry.findFirstOrThrow();
  await db.searchEntry.create({
    data: {
      ...base,
      itemId: 'liktilfelle0001',
      caseId: null,
      outcome: like.outcome,
      caseType: like.caseType,
      level: like.level,
      severityLevel: content.alvorlighetLevel || null,
      benefitLevel: content.nytteLevel || null,
      resourceLevel: content.ressursLevel || null,
      title: like.title,
      body: [
        content.facts,
        content.changedNeeds,
        content.services,
        content.servicesConcerned,
        content.situation,
        content.proposal,
        content.samletVurdering,
        like.alsoText,
      ]
        .filter(Boolean)
        .join('\n'),
    },
  });
  await storeEarlierDecisions(db);
}
