import { z } from 'zod';
import { inhabilCaseIds, type Actor } from '../access/access-service';
import { unitsWithHistory } from '../access/policy';
import { caseLevels, caseTypes, criterionLevels, purposes } from '../cases/case-form';
import { caseMeetingKind, unitsForLeaderCases } from '../access/leader-case-policy';
import type { Db, DbProvider } from '../db/db';
import { outcomes } from '../meetings/agenda-rules';
import { idParam, isoDateParam, optionalParam, osloDayRange } from '../validation/query-params';
// The SQL template helpers are the same runtime object in both generated clients.
import { Prisma } from '../../prisma/generated/sqlite/client';
import { logCaseReads } from './log-case-reads';
import { maskNationalIds as mask } from '../privacy/national-id';
import { ftsPrefixQuery, highlightParts, hitEnd, hitStart, markHits, snippetOf, type TextPart } from './highlight';
import { queryStems } from './norwegian-stems';

const optional = optionalParam;

/** The search form, from a query string: every field optional, anything malformed refused. */
export const historySearchSchema = z
  .object({
    q: optional(z.string().trim().max(200)),
    from: optional(isoDateParam),
    to: optional(isoDateParam),
    caseworkerId: optional(idParam),
    caseType: optional(z.enum(caseTypes)),
    level: optional(z.enum(caseLevels)),
    purpose: optional(z.enum(purposes)),
    outcome: optional(z.enum(outcomes)),
    severity: optional(z.enum(criterionLevels)),
    benefit: optional(z.enum(criterionLevels)),
    resource: optional(z.enum(criterionLevels)),
    children: optional(z.enum(['ja', 'nei'])),
    /** Part of the name of a service the case concerns, e.g. "støttekontakt". */
    service: optional(z.string().trim().min(2).max(60)),
  })
  .strict();
export type HistorySearch = z.infer<typeof historySearchSchema>;

export type SearchHit = {
  itemId: string;
  meetingId: string;
  caseId: string | null;
  meetingDate: Date;
  title: TextPart[];
  snippet: TextPart[];
  personRef: string | null;
  purpose: string;
  /** individ | tjeneste | politisk; null for an item without a case. */
  level: string | null;
  outcome: string | null;
};

type Row = {
  itemId: string;
  unitId: string;
  meetingId: string;
  caseId: string | null;
  meetingDate: Date | string;
  title: string;
  snippet: string | null;
  personRef: string | null;
  purpose: string;
  level: string | null;
  outcome: string | null;
};

const limit = 50;

/**
 * Full-text search over past agenda items (the case as submitted, notes,
 * conclusions) with filters, limited to what the actor may see: whole units
 * for leaders, admins and chairs, their own cases for caseworkers. SQLite:
 * FTS5 over Norwegian stems with prefix terms, ranked by bm25; PostgreSQL: the
 * Norwegian text configuration (the same Snowball stems), ranked by ts_rank.
 * Matches come back marked.
 */
export async function searchHistory(options: { db: Db; provider: DbProvider; actor: Actor; search: HistorySearch }): Promise<SearchHit[]> {
  const { db, provider, actor, search } = options;
  const filters = accessAndFilters(actor, search, await inhabilCaseIds(db, actor.userId));
  if (!filters) return [];
  const where = Prisma.join(filters, ' AND ');
  const text = search.q ? (provider === 'sqlite' ? ftsPrefixQuery(search.q) : search.q) : null;
  const stems = search.q ? queryStems(search.q) : [];
  let rows: Row[];
  if (search.q && !text) {
    // Only stopwords or punctuation: nothing to search for, and PostgreSQL finds nothing for it either.
    rows = [];
  } else if (!text) {
    rows = await db.$queryRaw<Row[]>`
      SELECT e."itemId", e."unitId", e."meetingId", e."caseId", e."meetingDate", e."title", NULL AS "snippet", e."personRef", e."purpose", e."level", e."outcome"
      FROM "SearchEntry" e WHERE ${where} ORDER BY e."meetingDate" DESC LIMIT ${limit}`;
  } else if (provider === 'sqlite') {
    rows = await db.$queryRaw<Row[]>`
      SELECT e."itemId", e."unitId", e."meetingId", e."caseId", e."meetingDate", e."title", e."body" AS "snippet",
        e."personRef", e."purpose", e."level", e."outcome"
      FROM "SearchEntryFts" CROSS JOIN "SearchEntry" e ON e."id" = "SearchEntryFts"."rowid"
      WHERE "SearchEntryFts" MATCH ${text} AND ${where}
      ORDER BY bm25("SearchEntryFts", 4.0, 1.0) LIMIT ${limit}`;
    // The index holds stems, so FTS5's highlight() and snippet() would show stems: mark the words here.
    rows = rows.map((row) => ({ ...row, title: markHits(row.title, stems), snippet: snippetOf(row.snippet ?? '', stems) }));
  } else {
    const marks = `StartSel=${hitStart}, StopSel=${hitEnd}`;
    // Headlines only for the page of hits, not for every match.
    rows = await db.$queryRaw<Row[]>`
      SELECT hit."itemId", hit."unitId", hit."meetingId", hit."caseId", hit."meetingDate",
        ts_headline('norwegian', hit."title", hit.query, ${`${marks}, HighlightAll=true`}) AS "title",
        ts_headline('norwegian', hit."body", hit.query, ${`${marks}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`}) AS "snippet",
        hit."personRef", hit."purpose", hit."level", hit."outcome"
      FROM (
        SELECT e.*, query, ts_rank(e."tsv", query) AS rank
        FROM "SearchEntry" e, websearch_to_tsquery('norwegian', ${text}) query
        WHERE e."tsv" @@ query AND ${where}
        ORDER BY rank DESC LIMIT ${limit}
      ) hit ORDER BY hit.rank DESC`;
  }
  // The hits show case text (snippets): each case shown is a read, for its access log.
  await logCaseReads(db, actor, rows, 'search');
  return rows.map((row) => ({
    itemId: row.itemId,
    meetingId: row.meetingId,
    caseId: row.caseId,
    meetingDate: new Date(row.meetingDate),
    // Entries are masked when indexed; one indexed before that is masked here (the hit marks are not digits).
    title: highlightParts(mask(row.title)),
    snippet: row.snippet ? highlightParts(mask(row.snippet)) : [],
    personRef: mask(row.personRef),
    purpose: row.purpose,
    level: row.level,
    outcome: row.outcome,
  }));
}

/** The WHERE conditions: what the actor may see, then the chosen filters. Null: nothing visible. */
function accessAndFilters(actor: Actor, search: HistorySearch, inhabilCases: ReadonlySet<string>): Prisma.Sql[] | null {
  const unitIds = unitsWithHistory(actor.memberships, 'unit');
  const ownUnitIds = unitsWithHistory(actor.memberships, 'own');
  const leaderUnits = unitsForLeaderCases(actor.memberships);
  const access: Prisma.Sql[] = [];
  if (unitIds.length) access.push(Prisma.sql`e."unitId" IN (${Prisma.join(unitIds)})`);
  if (ownUnitIds.length) access.push(Prisma.sql`(e."unitId" IN (${Prisma.join(ownUnitIds)}) AND e."caseworkerId" = ${actor.userId})`);
  if (access.length === 0) return null;
  const conditions = [
    Prisma.sql`(${Prisma.join(access, ' OR ')})`,
    // Habilitet: an item the actor declared themselves inhabil for is never a hit for them.
    Prisma.sql`e."itemId" NOT IN (SELECT r."itemId" FROM "Recusal" r WHERE r."userId" = ${actor.userId})`,
    // A leader meeting's items are the leader group's (lib/access/leader-case-policy.ts): not an admin's or a caseworker's.
    leaderUnits.length
      ? Prisma.sql`e."meetingId" IN (SELECT m."id" FROM "Meeting" m WHERE m."kind" = ${caseMeetingKind} OR m."unitId" IN (${Prisma.join(leaderUnits)}))`
      : Prisma.sql`e."meetingId" IN (SELECT m."id" FROM "Meeting" m WHERE m."kind" = ${caseMeetingKind})`,
  ];
  // Habilitet holds per case (lib/access inhabilCaseIds): no item about such a case, at any meeting, is a hit.
  if (inhabilCases.size) conditions.push(Prisma.sql`(e."caseId" IS NULL OR e."caseId" NOT IN (${Prisma.join([...inhabilCases])}))`);
  const range = osloDayRange(search.from, search.to);
  if (range.gte) conditions.push(Prisma.sql`e."meetingDate" >= ${range.gte}`);
  if (range.lt) conditions.push(Prisma.sql`e."meetingDate" < ${range.lt}`);
  const equal = (column: string, value: string | undefined) => {
    if (value) conditions.push(Prisma.sql`${Prisma.raw(`e."${column}"`)} = ${value}`);
  };
  equal('caseworkerId', search.caseworkerId);
  equal('caseType', search.caseType);
  equal('level', search.level);
  equal('purpose', search.purpose);
  equal('outcome', search.outcome);
  equal('severityLevel', search.severity);
  equal('benefitLevel', search.benefit);
  equal('resourceLevel', search.resource);
  if (search.service) {
    // Stored lower-cased in JS (SQLite's lower() knows only ASCII); wildcards in the input are literal.
    const pattern = `%${search.service.toLocaleLowerCase('nb').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(Prisma.sql`e."services" LIKE ${pattern} ESCAPE '\\'`);
  }
  if (search.children) conditions.push(Prisma.sql`e."childrenAffected" = ${search.children === 'ja'}`);
  return conditions;
}
