/**
 * How alike two cases are, for "like cases alike" (DOMAIN.md): the same case
 * type, a similar criteria profile and similar words. Pure and deterministic,
 * so the ranking is tested on a fixture with known neighbours.
 */
export type CaseProfile = {
  caseType: string | null;
  level: string | null;
  severity: string | null;
  benefit: string | null;
  resource: string | null;
  text: string;
};

const levelValue: Record<string, number> = { lav: 0, moderat: 1, hoy: 2 };

/** Words of four letters or more, lower-cased: enough to tell services and needs apart. */
export function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).map((w) => w.slice(0, 8)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** 1 when the three levels agree, 0 when each is as far apart as it can be; unknown levels count half. */
function criteriaCloseness(a: CaseProfile, b: CaseProfile): number {
  const pairs: [string | null, string | null][] = [
    [a.severity, b.severity],
    [a.benefit, b.benefit],
    [a.resource, b.resource],
  ];
  const scores = pairs.map(([x, y]) =>
    x && y && x in levelValue && y in levelValue ? 1 - Math.abs(levelValue[x] - levelValue[y]) / 2 : 0.5,
  );
  return scores.reduce((sum, s) => sum + s, 0) / scores.length;
}

/** A score in [0, 1]: text 45 %, criteria 30 %, same case type 15 %, same level 10 %. */
export function similarity(a: CaseProfile, b: CaseProfile, wordsA = words(a.text), wordsB = words(b.text)): number {
  return (
    0.45 * Math.min(1, jaccard(wordsA, wordsB) * 2) +
    0.3 * criteriaCloseness(a, b) +
    0.15 * (a.caseType && a.caseType === b.caseType ? 1 : 0) +
    0.1 * (a.level && a.level === b.level ? 1 : 0)
  );
}

/**
 * The `count` most similar candidates to `target`, best first (ties: newest first, as given).
 * A candidate may carry its `wordSet` already: a meeting ranks every case against the same
 * candidates, and splitting their texts into words once instead of per case is most of the work.
 */
export function mostSimilar<T extends CaseProfile & { wordSet?: Set<string> }>(
  target: CaseProfile,
  candidates: readonly T[],
  count: number,
): { candidate: T; score: number }[] {
  const targetWords = words(target.text);
  return candidates
    .map((candidate, index) => ({
      candidate,
      index,
      score: similarity(target, candidate, targetWords, candidate.wordSet ?? words(candidate.text)),
    }))
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .slice(0, count)
    .map(({ candidate, score }) => ({ candidate, score }));
}

/**
 * From this score on an earlier decision counts as a like case: locking an
 * outcome other than the top match's then needs a written reason ("like cases
 * alike, or why not", lib/history/like-case-deviation.ts). The profile alone —
 * same case type and level, the same three criteria levels — scores 0.55, so
 * the words must be largely shared too: at 0.8 that means at least a good
 * quarter of the words in common with an otherwise identical profile. A lower
 * bar would ask for reasons on cases that are alike only in their form.
 */
export const likeCaseThreshold = 0.8;
