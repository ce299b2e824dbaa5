import { DateTime } from 'luxon';
import type { Actor } from '../access/access-service';
import { inhabilCaseIds, readableCases, recusedItemIds } from '../access/access-service';
import { historyScope } from '../access/policy';
import { caseContentSchema } from '../cases/case-form';
import { parseFields } from '../validation/parse-fields';
import type { Db } from '../db/db';
import { maskNationalIds as mask } from '../privacy/national-id';
import { ComparableItemsCache } from './comparable-items-cache';
import { wordSetOf, type ConcludedDecisionRow } from './concluded-decisions';
import { caseReadEvents, logCaseReads } from './log-case-reads';
import { recordAuditEvents, type AuditEventInput } from '../audit/record-audit-event';
import { mostSimilar, similarity, words, type CaseProfile } from './similarity';
import { systemClock } from '../time/clock';
import { osloZone } from '../time/oslo-zone';

type Entry = Awaited<ReturnType<Db['searchEntry']['findMany']>>[number];

const profileOf = (e: Entry): CaseProfile & { entry: Entry } => ({
  entry: e,
  caseType: e.caseType,
  level: e.level,
  severity: e.severityLevel,
  benefit: e.benefitLevel,
  resource: e.resourceLevel,
  // Entries are masked when written (search-index.ts); masked again for entries written before that.
  text: mask(`${e.title}\n${e.body}`),
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

/** A stored decision with its words as a set, as similarity() takes them. */
type Candidate = CaseProfile & { decision: Omit<ConcludedDecisionRow, 'words'>; wordSet: Set<string> };

/** Process-wide: a few units' candidates with their words (see comparable-items-cache.ts), gone after 10 idle minutes. */
const unitCandidates = new ComparableItemsCache<Candidate>(4);
setInterval(() => unitCandidates.sweep(10 * 60_000), 60_000).unref();

/**
 * The earlier decisions the actor may compare with in a unit, from the store
 * (concluded-decisions.ts) in one query: all for leaders, admins and chairs;
 * own cases for a caseworker. The words were split when the row was written.
 */
async function loadCandidates(db: Db, actor: Actor, unitId: string, since: Date): Promise<Candidate[]> {
  const scope = historyScope(actor.memberships, unitId);
  if (scope === 'none') return [];
  const rows = await db.concludedDecision.findMany({
    where: { unitId, meetingDate: { gte: since }, ...(scope === 'own' ? { caseworkerId: actor.userId } : {}) },
    orderBy: [{ meetingDate: 'desc' }, { itemId: 'asc' }],
    take: 2000,
  });
  return rows.map(({ words: _words, ...decision }) => ({
    decision,
    caseType: decision.caseType,
    level: decision.level,
    severity: decision.severityLevel,
    benefit: decision.benefitLevel,
    resource: decision.resourceLevel,
    text: '',
    wordSet: wordSetOf({ words: _words }),
  }));
}

/**
 * What identifies the unit's stored decisions in the window, in one query:
 * how many there are and the latest write (a lock, a close, a back-fill add or
 * rewrite rows; an unlock and retention remove them). A change made on any
 * node loads again.
 */
async function windowToken(db: Db, unitId: string, since: Date): Promise<string> {
  const window = await db.concludedDecision.aggregate({
    where: { unitId, meetingDate: { gte: since } },
    _count: { _all: true },
    _max: { writtenAt: true },
  });
  return `${since.toISOString()}|${window._count._all}|${window._max.writtenAt?.toISOString() ?? ''}`;
}

async function candidatesFor(db: Db, actor: Actor, unitId: string, since: Date): Promise<readonly Candidate[]> {
  const load = () => loadCandidates(db, actor, unitId, since);
  // A caseworker's own items differ per person and are few: not kept.
  if (historyScope(actor.memberships, unitId) !== 'unit') return load();
  return unitCandidates.get(unitId, await windowToken(db, unitId, since), load);
}

function fromDecision(d: Candidate['decision'], score: number): SimilarCase {
  return {
    itemId: d.itemId,
    meetingId: d.meetingId,
    meetingDate: d.meetingDate,
    title: mask(d.title),
    outcome: d.outcome,
    conclusion: mask(d.conclusion),
    score,
  };
}

function toSimilarCase(e: Entry, conclusions: Map<string, string | null>, score: number): SimilarCase {
  return {
    itemId: e.itemId,
    meetingId: e.meetingId,
    meetingDate: e.meetingDate,
    title: mask(e.title),
    outcome: e.outcome,
    conclusion: mask(conclusions.get(e.itemId) ?? null),
    score,
  };
}

export type SimilarCase = {
  itemId: string;
  meetingId: string;
  meetingDate: Date;
  title: string;
  outcome: string | null;
  conclusion: string | null;
  score: number;
};

type TargetRow = { title: string; caseType: string; level: string; versions: { content: string }[] };

/** A case row as the panel compares it (the room passes those it has read: `caseRows`). */
export type SimilarTargetRow = TargetRow & { id: string; unitId: string };

/** A case as it is compared with the earlier decisions: its latest submitted version's levels and words. */
export function targetProfile(row: TargetRow): CaseProfile {
  const content = parseFields(caseContentSchema, row.versions[0] ? JSON.parse(row.versions[0].content) : {}).data;
  return {
    caseType: row.caseType,
    level: row.level,
    severity: content.alvorlighetLevel || null,
    benefit: content.nytteLevel || null,
    resource: content.ressursLevel || null,
    // The case's own text is compared word by word with the index: masked like the index.
    text: mask(
      [
        row.title,
        content.facts,
        content.changedNeeds,
        content.services,
        content.servicesConcerned,
        content.situation,
        content.proposal,
        content.samletVurdering,
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  };
}

/**
 * The earlier decisions most like this case (same service and case type, a
 * similar criteria profile, similar text), with their outcomes and reasons.
 */
export async function similarCases(options: { db: Db; actor: Actor; caseId: string; count?: number; now?: Date }): Promise<SimilarCase[]> {
  return (await similarForCases({ ...options, caseIds: [options.caseId] }))[options.caseId] ?? [];
}

/**
 * The same for several cases of one unit at once (a meeting's agenda), with
 * the earlier decisions loaded once and the access checked for all at once.
 * Cases the actor may not read are left out. The reads of the earlier
 * decisions shown are logged here, or — with `reads` — added to it for the
 * caller's own insert (the room writes one insert per view).
 */
export async function similarForCases(options: {
  db: Db;
  actor: Actor;
  caseIds: string[];
  count?: number;
  now?: Date;
  reads?: AuditEventInput[];
  /** The cases' rows with their latest version, when the caller has read them already; the rest are read here. */
  caseRows?: ReadonlyMap<string, SimilarTargetRow>;
}): Promise<Record<string, SimilarCase[]>> {
  const { db, actor } = options;
  if (options.caseIds.length === 0) return {};
  // Habilitet (per case): an earlier item the actor was inhabil for, or about a case they are inhabil for, is never shown as a like case.
  const [recused, inhabilCases] = await Promise.all([recusedItemIds(db, actor.userId), inhabilCaseIds(db, actor.userId)]);
  const readable = [...(await readableCases(db, actor, options.caseIds, inhabilCases)).keys()];
  if (readable.length === 0) return {};
  // Only the readable ones, whoever read the rows.
  const given = readable.flatMap((id) => (options.caseRows?.has(id) ? [options.caseRows.get(id)!] : []));
  const toRead = readable.filter((id) => !options.caseRows?.has(id));
  const read =
    toRead.length === 0
      ? []
      : await db.case.findMany({
          where: { id: { in: toRead } },
          select: {
            id: true,
            unitId: true,
            title: true,
            caseType: true,
            level: true,
            versions: { orderBy: { version: 'desc' }, take: 1, select: { content: true } },
          },
        });
  const rows: SimilarTargetRow[] = [...given, ...read];
  // From the start of the day, so that the window (and the kept candidates) stay the same all day.
  const since = DateTime.fromJSDate(options.now ?? systemClock.now(), { zone: osloZone })
    .startOf('day')
    .minus({ years: 3 })
    .toJSDate();
  const candidatesByUnit = new Map<string, readonly Candidate[]>();
  for (const unitId of new Set(rows.map((r) => r.unitId)))
    candidatesByUnit.set(
      unitId,
      (await candidatesFor(db, actor, unitId, since)).filter(
        (c) => !recused.has(c.decision.itemId) && !(c.decision.caseId && inhabilCases.has(c.decision.caseId)),
      ),
    );
  const ranked = rows.map((row) => {
    const target = targetProfile(row);
    const candidates = (candidatesByUnit.get(row.unitId) ?? []).filter((c) => c.decision.caseId !== row.id);
    return { caseId: row.id, top: mostSimilar(target, candidates, options.count ?? 5) };
  });
  const reads = caseReadEvents(
    actor,
    ranked.flatMap((r) => r.top.map((t) => t.candidate.decision)),
    'similar',
  );
  if (options.reads) options.reads.push(...reads);
  else await recordAuditEvents(db, reads);
  return Object.fromEntries(
    ranked.map(({ caseId, top }) => [caseId, top.map(({ candidate: { decision }, score }) => fromDecision(decision, score))]),
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
export async function flagInconsistentPairs(options: {
  db: Db;
  actor: Actor;
  unitId: string;
  months?: number;
  threshold?: number;
  now?: Date;
}): Promise<FlaggedPair[]> {
  const { db, actor, unitId } = options;
  if (historyScope(actor.memberships, unitId) !== 'unit') return [];
  const since = DateTime.fromJSDate(options.now ?? systemClock.now(), { zone: osloZone })
    .minus({ months: options.months ?? 12 })
    .toJSDate();
  const entries = (await comparableEntries(db, actor, unitId, since))
    .filter((e) => e.outcome && decisive.has(e.outcome))
    .slice(0, 600)
    .map(profileOf);
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
  await logCaseReads(
    db,
    actor,
    top.flatMap((p) => [p.a, p.b]),
    'consistency',
  );
  const conclusions = new Map(
    (
      await db.agendaItem.findMany({
        where: { id: { in: top.flatMap((p) => [p.a.itemId, p.b.itemId]) } },
        select: { id: true, conclusion: true },
      })
    ).map((i) => [i.id, i.conclusion]),
  );
  return top.map((p) => ({ score: p.score, a: toSimilarCase(p.a, conclusions, p.score), b: toSimilarCase(p.b, conclusions, p.score) }));
}
