import type { Db } from '../db/db';
import { containsNationalId } from './national-id';

/**
 * Where stored text holds a national identity number, so an installation can
 * clean up what was written before numbers were refused (or under an
 * override). Says which case, version, document, item, follow-up or search
 * entry and which field — never the number. Reads everything once, in pages.
 */
export type NationalIdFinding = {
  unitId: string;
  /** What holds it: the case row, a submitted version, a version-history snapshot (lib/versions/), a Yjs document, an agenda item, a follow-up, a search entry. */
  where: 'case' | 'case-version' | 'snapshot' | 'document' | 'agenda-item' | 'follow-up' | 'search-entry';
  /** The case, item, follow-up or search entry id; for a document, its name (`case:<id>`, `item:<id>`). */
  id: string;
  caseId: string | null;
  /** e.g. version number. */
  detail?: string;
  fields: string[];
};

/** Reads a stored Yjs document's fields as plain values (injected: lib does not open the document store). */
export type ReadDocument = (name: string) => Promise<Record<string, unknown> | null>;

const page = 200;

const fieldsWithNumbers = (record: Record<string, unknown>): string[] =>
  Object.entries(record).flatMap(([field, value]) => {
    if (typeof value === 'string') return containsNationalId(value) ? [field] : [];
    // Follow-up drafts in an item document: a list of objects with a description.
    if (
      Array.isArray(value) &&
      value.some((v) => v && typeof v === 'object' && containsNationalId(String((v as { description?: unknown }).description ?? '')))
    )
      return [field];
    return [];
  });

function snapshotFinding(
  unitId: string,
  id: string,
  caseId: string | null,
  snapshot: { id: string; kind: string; content: string },
): NationalIdFinding {
  let content: Record<string, unknown> = {};
  try {
    content = JSON.parse(snapshot.content) as Record<string, unknown>;
  } catch {
    // An unreadable snapshot holds nothing this report can name.
  }
  return { unitId, where: 'snapshot', id, caseId, detail: `${snapshot.kind} ${snapshot.id}`, fields: fieldsWithNumbers(content) };
}

export async function findStoredNationalIds(db: Db, readDocument: ReadDocument): Promise<NationalIdFinding[]> {
  const findings: NationalIdFinding[] = [];
  const add = (finding: NationalIdFinding) => finding.fields.length && findings.push(finding);

  for (let cursor: string | undefined; ;) {
    const cases = await db.case.findMany({
      take: page,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: 'asc' },
      select: {
        id: true,
        unitId: true,
        title: true,
        personRef: true,
        versions: { select: { version: true, content: true } },
        snapshots: { select: { id: true, kind: true, content: true } },
      },
    });
    if (cases.length === 0) break;
    cursor = cases.at(-1)!.id;
    for (const row of cases) {
      add({
        unitId: row.unitId,
        where: 'case',
        id: row.id,
        caseId: row.id,
        fields: fieldsWithNumbers({ title: row.title, personRef: row.personRef }),
      });
      for (const version of row.versions) {
        const content = JSON.parse(version.content) as Record<string, unknown>;
        add({
          unitId: row.unitId,
          where: 'case-version',
          id: row.id,
          caseId: row.id,
          detail: `version ${version.version}`,
          fields: fieldsWithNumbers(content),
        });
      }
      for (const snapshot of row.snapshots) add(snapshotFinding(row.unitId, row.id, row.id, snapshot));
      const name = `case:${row.id}`;
      const doc = await readDocument(name);
      if (doc) add({ unitId: row.unitId, where: 'document', id: name, caseId: row.id, fields: fieldsWithNumbers(doc) });
    }
  }

  for (let cursor: string | undefined; ;) {
    const items = await db.agendaItem.findMany({
      take: page,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: 'asc' },
      select: {
        id: true,
        caseId: true,
        title: true,
        notes: true,
        conclusion: true,
        dissent: true,
        adjustedAssessment: true,
        meeting: { select: { unitId: true } },
        followUps: { select: { id: true, description: true } },
        snapshots: { select: { id: true, kind: true, content: true } },
      },
    });
    if (items.length === 0) break;
    cursor = items.at(-1)!.id;
    for (const item of items) {
      const unitId = item.meeting.unitId;
      const { id, caseId, meeting: _meeting, followUps, snapshots, ...texts } = item;
      for (const snapshot of snapshots) add(snapshotFinding(unitId, id, caseId, snapshot));
      add({ unitId, where: 'agenda-item', id, caseId, fields: fieldsWithNumbers(texts) });
      for (const f of followUps)
        add({ unitId, where: 'follow-up', id: f.id, caseId, fields: fieldsWithNumbers({ description: f.description }) });
      const name = `item:${id}`;
      const doc = await readDocument(name);
      if (doc) add({ unitId, where: 'document', id: name, caseId, fields: fieldsWithNumbers(doc) });
    }
  }

  for (let cursor: number | undefined; ;) {
    const entries = await db.searchEntry.findMany({
      take: page,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: 'asc' },
      select: { id: true, itemId: true, unitId: true, caseId: true, title: true, personRef: true, services: true, body: true },
    });
    if (entries.length === 0) break;
    cursor = entries.at(-1)!.id;
    for (const { id: _id, itemId, unitId, caseId, ...texts } of entries) {
      add({ unitId, where: 'search-entry', id: itemId, caseId, fields: fieldsWithNumbers(texts) });
    }
  }
  return findings;
}

/** The report as lines, grouped by unit: ids and field names only. */
export function formatNationalIdReport(findings: readonly NationalIdFinding[], unitNames: ReadonlyMap<string, string>): string[] {
  if (findings.length === 0) return ['No stored text holds a national identity number.'];
  const lines: string[] = [];
  const units = [...new Set(findings.map((f) => f.unitId))].sort((a, b) =>
    (unitNames.get(a) ?? a).localeCompare(unitNames.get(b) ?? b, 'nb'),
  );
  for (const unitId of units) {
    const own = findings.filter((f) => f.unitId === unitId);
    lines.push(
      `Unit ${unitNames.get(unitId) ?? '?'} (${unitId}): ${own.length} place(s) in ${new Set(own.map((f) => f.caseId ?? f.id)).size} case(s)`,
    );
    for (const f of own) {
      const of = f.caseId && f.caseId !== f.id ? ` of case ${f.caseId}` : '';
      lines.push(`  ${f.where} ${f.id}${f.detail ? ` ${f.detail}` : ''}${of}: ${f.fields.join(', ')}`);
    }
  }
  lines.push(`${findings.length} place(s) hold a national identity number. The numbers are not printed.`);
  return lines;
}
