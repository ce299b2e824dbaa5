import type { Db } from '../../lib/db/db';

/**
 * Seeds an earlier decision just like a case — its words, levels and type —
 * into the history's search index, so the similar-earlier-decisions panel
 * ranks it first (lib/history/similar-cases.ts reads the same form fields).
 * Built from an existing entry, so every column the index needs is set.
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
}
