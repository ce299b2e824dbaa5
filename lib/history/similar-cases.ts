import { DateTime } from 'luxon';
import type { Actor } from '../access/access-service';
import { requireCaseAccess } from '../access/access-service';
import { historyScope } from '../access/policy';
import { caseContentSchema } from '../cases/case-form';
import type { Db } from '../db/db';
import { isAppError } from '../errors/app-error';
import { logCaseReads } from './log-case-reads';
import { mostSimilar, similarity, words, type CaseProfile } from './similarity';

type Entry = Awaited<ReturnType<Db['searchEntry']['findMany']>>[number];

const profileOf = (e: Entry): CaseProfile & { entry: Entry } => ({
  entry: e,
  caseType: e.caseType,
  level: e.level,
  severity: e.severityLevel,
  benefit: e.benefitLevel,
  resource: e.resourceLevel,
  text: `${e.title}\n${e.body}`,
});

/** The past items the actor may compare with in a unit: all for leaders, admins and chairs; own cases for a caseworker. */
async function comparableEntries(db: Db, actor: Actor, unitId: string, since: Date): Promise<Entry[]> {
  const scope = historyScope(actor.memberships, unitId);
  if (scope === 'none') return [];
  return db.searchEntry.findMany({
    where: { unitId, meetingDate: { gte: since }, outcome: { not: null }, ...(scope === 'own' ? { caseworkerId: actor.userId } : {}) },
    orderBy: { meetingDate: 'desc' },
    take: 2000,
  });
}

function toSimilarCase(e: Entry, conclusions: Map<string, string | null>, score: number): SimilarCase {
  return { itemId: e.itemId, meetingId: e.meetingId, meetingDate: e.meetingDate, title: e.title, outcome: e.outcome, conclusion: conclusions.get(e.itemId) ?? null, score };
}

export type SimilarCase = { itemId: string; meetingId: string; meetingDate: Date; title: string; outcome: string | null; conclusion: string | null; score: number };

/**
 * The earlier decisions most like this case (same service and case type, a
 * similar criteria profile, similar text), with their outcomes and reasons.
 */
export async function similarCases(options: { db: Db; actor: Actor; caseId: string; count?: number; now?: Date }): Promise<SimilarCase[]> {
  return (await similarForCases({ ...options, caseIds: [options.caseId] }))[options.caseId] ?? [];
}

/**
 * The same for several cases of one unit at once (a meeting's agenda), with
 * the earlier decisions loaded once. Cases the actor may not read are left out.
 */
export async function similarForCases(options: { db: Db; actor: Actor; caseIds: string[]; count?: number; now?: Date }): Promise<Record<string, SimilarCase[]>> {
  const { db, actor } = options;
  const readable: { id: string; unitId: string }[] = [];
  for (const caseId of options.caseIds) {
    const facts = await requireCaseAccess(db, actor, caseId, 'read').catch((error: unknown) => {
      if (isAppError(error)) return null;
      throw error;
    });
    if (facts) readable.push({ id: caseId, unitId: facts.unitId });
  }
  if (readable.length === 0) return {};
  const rows = await db.case.findMany({
    where: { id: { in: readable.map((r) => r.id) } },
    select: { id: true, unitId: true, title: true, caseType: true, level: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { content: true } } },
  });
  const since = DateTime.fromJSDate(options.now ?? new Date()).minus({ years: 3 }).toJSDate();
  const candidatesByUnit = new Map<string, (ReturnType<typeof profileOf> & { wordSet: Set<string> })[]>();
  for (const unitId of new Set(rows.map((r) => r.unitId))) {
    // Split into words once here, not once per case of the meeting.
    candidatesByUnit.set(unitId, (await comparableEntries(db, actor, unitId, since)).map((e) => {
      const profile = profileOf(e);
      return { ...profile, wordSet: words(profile.text) };
    }));
  }
  const ranked = rows.map((row) => {
    const parsed = caseContentSchema.safeParse(row.versions[0] ? JSON.parse(row.versions[0].content) : {});
    const content = parsed.success ? parsed.data : {};
    const target: CaseProfile = {
      caseType: row.caseType,
      level: row.level,
      severity: content.alvorlighetLevel || null,
      benefit: content.nytteLevel || null,
      resource: content.ressursLevel || null,
      text: [row.title, content.facts, content.changedNeeds, content.services, content.servicesConcerned, content.situation, content.proposal, content.samletVurdering].filter(Boolean).join('\n'),
    };
    const candidates = (candidatesByUnit.get(row.unitId) ?? []).filter((c) => c.entry.caseId !== row.id);
    return { caseId: row.id, top: mostSimilar(target, candidates, options.count ?? 5) };
  });
  const itemIds = ranked.flatMap((r) => r.top.map((t) => t.candidate.entry.itemId));
  await logCaseReads(db, actor, ranked.flatMap((r) => r.top.map((t) => t.candidate.entry)), 'similar');
  const conclusions = new Map((await db.agendaItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, conclusion: true } })).map((i) => [i.id, i.conclusion]));
  return Object.fromEntries(
    ranked.map(({ caseId, top }) => [
      caseId,
      top.map(({ candidate: { entry }, score }) => toSimilarCase(entry, conclusions, score)),
    ]),
  );
}

export type FlaggedPair = { score: number; a: SimilarCase; b: SimilarCase };

/** Outcomes that end a case's question; a postponement is not a different answer. */
const decisive = new Set(['tatt_til_orientering', 'droftet', 'avklart', 'henvist']);

/**
 * Pairs of similar decisions of the last `months` with different outcomes,
 * most similar first, for a leader to review whether like cases were treated
 * alike. Only for those who see the unit's whole history.
 */
export async function flagInconsistentPairs(options: { db: Db; actor: Actor; unitId: string; months?: number; threshold?: number; now?: Date }): Promise<FlaggedPair[]> {
  const { db, actor, unitId } = options;
  if (historyScope(actor.memberships, unitId) !== 'unit') return [];
  const since = DateTime.fromJSDate(options.now ?? new Date()).minus({ months: options.months ?? 12 }).toJSDate();
  const entries = (await comparableEntries(db, actor, unitId, since)).filter((e) => e.outcome && decisive.has(e.outcome)).slice(0, 600).map(profileOf);
  const wordSets = entries.map((e) => words(e.text));
  const pairs: { score: number; a: Entry; b: Entry }[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (entries[i].entry.outcome === entries[j].entry.outcome) continue;
      const score = similarity(entries[i], entries[j], wordSets[i], wordSets[j]);
      if (score >= (options.threshold ?? 0.7)) pairs.push({ score, a: entries[i].entry, b: entries[j].entry });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  const top = pairs.slice(0, 20);
  await logCaseReads(db, actor, top.flatMap((p) => [p.a, p.b]), 'consistency');
  const conclusions = new Map(
    (await db.agendaItem.findMany({ where: { id: { in: top.flatMap((p) => [p.a.itemId, p.b.itemId]) } }, select: { id: true, conclusion: true } })).map((i) => [i.id, i.conclusion]),
  );
  return top.map((p) => ({ score: p.score, a: toSimilarCase(p.a, conclusions, p.score), b: toSimilarCase(p.b, conclusions, p.score) }));
}
