import { caseContentSchema, type CaseContent } from '../cases/case-form';
import { parseFields } from '../validation/parse-fields';
import type { Db, DbTransaction } from '../db/db';
import { maskNationalIds as mask } from '../privacy/national-id';
import { stemText } from './norwegian-stems';
import { decisionRow, replaceMeetingDecisions } from './concluded-decisions';
import { systemClock } from '../time/clock';
import { adjustedAssessment, type ItemContent } from '../meetings/item-content';

/** Form fields whose text is searched, in the order they are read. */
const searchedFields = [
  'facts',
  'changedNeeds',
  'measuresTried',
  'diagnosis',
  'functioning',
  'services',
  'servicesConcerned',
  'situation',
  'proposal',
  'alvorlighetReasons',
  'nytteReasons',
  'ressursReasons',
  'samletVurdering',
  'barnetsBeste',
] as const;

type ItemRow = {
  id: string;
  caseId: string | null;
  title: string | null;
  purpose: string;
  notes: string | null;
  outcome: string | null;
  conclusion: string | null;
  dissent: string | null;
  adjustedAssessment: string | null;
};

/**
 * What one past item is found by: the case as submitted, the notes, the
 * conclusion and dissent; and its facets. Pure, so the rules are tested alone.
 * Every text is masked for national identity numbers first: one stored before
 * they were refused (or under an override) never reaches the index — nor the
 * similar-case scoring and the statistics, which read these entries.
 */
export function buildSearchEntry(input: {
  item: ItemRow;
  meeting: { id: string; unitId: string; startsAt: Date };
  caseRow: {
    id: string;
    title: string;
    personRef: string;
    createdById: string;
    caseType: string;
    level: string;
    childrenAffected: boolean;
  } | null;
  content: CaseContent | null;
  /** A leader case's level (tjeneste | politisk) for an item about one: the level facet of issue 22. */
  leaderCaseLevel?: string | null;
}) {
  const { item, meeting, caseRow, content } = input;
  const adjusted = item.adjustedAssessment ? (JSON.parse(item.adjustedAssessment) as Record<string, string | undefined>) : {};
  const body = [
    ...searchedFields.map((field) => content?.[field] ?? ''),
    item.notes ?? '',
    item.conclusion ?? '',
    item.dissent ?? '',
    adjusted.note ?? '',
  ]
    .map((text) => mask(text.trim()))
    .filter(Boolean)
    .join('\n');
  const title = mask(caseRow?.title ?? item.title ?? '');
  return {
    itemId: item.id,
    unitId: meeting.unitId,
    meetingId: meeting.id,
    caseId: caseRow?.id ?? null,
    caseworkerId: caseRow?.createdById ?? null,
    meetingDate: meeting.startsAt,
    caseType: caseRow?.caseType ?? null,
    level: caseRow?.level ?? input.leaderCaseLevel ?? null,
    purpose: item.purpose,
    outcome: item.outcome,
    severityLevel: adjusted.alvorlighetLevel || content?.alvorlighetLevel || null,
    benefitLevel: adjusted.nytteLevel || content?.nytteLevel || null,
    resourceLevel: adjusted.ressursLevel || content?.ressursLevel || null,
    childrenAffected: caseRow?.childrenAffected ?? false,
    personRef: mask(caseRow?.personRef ?? null),
    services: mask(content?.servicesConcerned ?? '')
      .toLocaleLowerCase('nb')
      .slice(0, 2000),
    title,
    body,
    titleStems: stemText(title),
    bodyStems: stemText(body),
  };
}

/**
 * Writes the search entries of a closed meeting's items (replacing any
 * earlier ones), from the frozen rows and each case's submitted version —
 * and, from the same entries, the meeting's concluded decisions
 * (concluded-decisions.ts; a lock's row keeps the time it was concluded).
 */
export async function indexMeeting(db: Db | DbTransaction, meetingId: string, now: Date = systemClock.now()): Promise<number> {
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      unitId: true,
      startsAt: true,
      closedAt: true,
      agendaItems: { include: { leaderCase: { select: { level: true } } } },
    },
  });
  const caseIds = meeting.agendaItems.flatMap((i) => (i.caseId ? [i.caseId] : []));
  const [cases, versions, locked] = await Promise.all([
    db.case.findMany({
      where: { id: { in: caseIds } },
      select: { id: true, title: true, personRef: true, createdById: true, caseType: true, level: true, childrenAffected: true },
    }),
    db.caseVersion.findMany({ where: { caseId: { in: caseIds } }, orderBy: { version: 'desc' }, select: { caseId: true, content: true } }),
    db.concludedDecision.findMany({ where: { meetingId }, select: { itemId: true, concludedAt: true } }),
  ]);
  const latest = new Map<string, CaseContent>();
  for (const version of versions) {
    if (latest.has(version.caseId)) continue;
    latest.set(version.caseId, parseFields(caseContentSchema, JSON.parse(version.content)).data);
  }
  const entries = meeting.agendaItems.map((item) =>
    buildSearchEntry({
      item,
      meeting,
      caseRow: cases.find((c) => c.id === item.caseId) ?? null,
      content: item.caseId ? (latest.get(item.caseId) ?? null) : null,
      leaderCaseLevel: item.leaderCase?.level ?? null,
    }),
  );
  await db.searchEntry.deleteMany({ where: { meetingId } });
  await db.searchEntry.createMany({ data: entries });
  const lockedAt = new Map(locked.map((row) => [row.itemId, row.concludedAt]));
  const conclusions = new Map(meeting.agendaItems.map((item) => [item.id, item.conclusion]));
  await replaceMeetingDecisions(
    db,
    meetingId,
    entries.map((entry) =>
      decisionRow(entry, {
        conclusion: conclusions.get(entry.itemId) ?? null,
        concludedAt: lockedAt.get(entry.itemId) ?? meeting.closedAt ?? now,
        writtenAt: now,
      }),
    ),
  );
  return entries.length;
}

/**
 * The concluded decision a lock writes (concluded-decisions.ts), built like the
 * close's search entry from the item's live content as the lock read it and
 * the case's submitted version; null when the lock has no outcome.
 */
export async function lockedDecision(
  db: Db | DbTransaction,
  options: {
    item: { id: string; caseId: string | null; title: string | null; purpose: string };
    meeting: { id: string; unitId: string; startsAt: Date };
    content: ItemContent;
    now: Date;
  },
) {
  const { item, meeting, content, now } = options;
  if (!content.outcome) return null;
  const [caseRow, version] = item.caseId
    ? await Promise.all([
        db.case.findUnique({
          where: { id: item.caseId },
          select: { id: true, title: true, personRef: true, createdById: true, caseType: true, level: true, childrenAffected: true },
        }),
        db.caseVersion.findFirst({ where: { caseId: item.caseId }, orderBy: { version: 'desc' }, select: { content: true } }),
      ])
    : [null, null];
  const entry = buildSearchEntry({
    item: {
      id: item.id,
      caseId: item.caseId,
      title: item.title,
      purpose: item.purpose,
      notes: content.notes ?? null,
      outcome: content.outcome || null,
      conclusion: content.conclusion ?? null,
      dissent: content.dissent || null,
      adjustedAssessment: adjustedAssessment(content),
    },
    meeting,
    caseRow,
    content: version ? parseFields(caseContentSchema, JSON.parse(version.content)).data : null,
  });
  return decisionRow(entry, { conclusion: content.conclusion ?? null, concludedAt: now, writtenAt: now });
}
