import type { Actor } from '../access/access-service';
import { canMarkDocumented, canSeeHandOff } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { logCaseReads } from '../history/log-case-reads';
import { maskNationalIds } from '../privacy/national-id';
import { draftDecisionLetter } from '../record-system/decision-letter';
import { gerica } from '../record-system/gerica';
import type { HandOffBlock, HandOffData, RecordSystem } from '../record-system/hand-off';
import { parseFields } from '../validation/parse-fields';
import { caseContentSchema, type CaseContent } from './case-form';
import { heldOn } from './held-on';
import { changesSinceDocumented, type ChangeSinceDocumented } from './changes-since-documented';

export type HandOffPage = {
  caseId: string;
  title: string;
  personRef: string;
  meetingId: string;
  itemId: string;
  recordSystem: string;
  blocks: HandOffBlock[];
  /** The draft decision letter in klarspråk, for the page to edit (lib/record-system/decision-letter.ts). */
  letter: string;
  /** Marked *dokumentert i fagsystemet*: when and by whom (null: not yet). */
  documented: { at: Date; by: string } | null;
  /** A correction of the minutes changed the conclusion or notes after the mark: when, and what (the case needs marking again). */
  changedAfterDocumented: { at: Date; changes: ChangeSinceDocumented[] } | null;
  /** The meeting's minutes are still a draft: the conclusion may yet be corrected. */
  minutesDraft: boolean;
  /** The viewer may mark it (its caseworker). */
  canMark: boolean;
};

function parseAdjusted(json: string | null): HandOffData['assessment']['adjusted'] {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
    return {
      alvorlighetLevel: text('alvorlighetLevel'),
      nytteLevel: text('nytteLevel'),
      ressursLevel: text('ressursLevel'),
      note: text('note'),
    };
  } catch {
    return null;
  }
}

/**
 * The hand-off page of a concluded case (issue 19): the blocks to carry into
 * the record system. For the case's caseworker and the unit's leader
 * (canSeeHandOff); anyone else, and a case not concluded, is not found.
 * The case as it stood when its meeting closed (its snapshot), or else its
 * last submission. Logged as a read (view `hand_off`) before it is returned.
 */
export async function loadHandOff(options: { db: Db; actor: Actor; caseId: string; recordSystem?: RecordSystem }): Promise<HandOffPage> {
  const { db, actor, caseId } = options;
  const system = options.recordSystem ?? gerica;
  const row = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      unitId: true,
      createdById: true,
      status: true,
      title: true,
      personRef: true,
      anonymisedAt: true,
      documentedAt: true,
      documentedById: true,
      changedAfterDocumentedAt: true,
    },
  });
  if (!row || row.status !== 'concluded' || row.anonymisedAt || !canSeeHandOff(actor.userId, actor.memberships, row))
    throw new AppError('not_found', 'case');
  const item = await db.agendaItem.findFirst({
    where: { caseId, status: 'concluded', meeting: { status: 'closed' } },
    orderBy: { meeting: { startsAt: 'desc' } },
    include: {
      meeting: { select: { id: true, startsAt: true, closedAt: true, minutesStatus: true } },
      followUps: { orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }] },
    },
  });
  if (!item) throw new AppError('not_found', 'case');
  const snapshot =
    (await db.documentVersion.findFirst({
      where: { caseId, kind: 'meeting_closed', meetingId: item.meeting.id },
      orderBy: { createdAt: 'desc' },
      select: { content: true },
    })) ?? (await db.caseVersion.findFirst({ where: { caseId }, orderBy: { version: 'desc' }, select: { content: true } }));
  const owners = new Map(
    (await db.user.findMany({ where: { id: { in: item.followUps.map((f) => f.ownerId) } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const content = parseFields(caseContentSchema, snapshot ? JSON.parse(snapshot.content) : {}).data as CaseContent;
  const s = (value: string | undefined) => value ?? '';
  const data: HandOffData = {
    personRef: row.personRef,
    caseType: content.caseType || null,
    question: s(content.question),
    servicesConcerned: s(content.servicesConcerned),
    facts: {
      facts: s(content.facts),
      changedNeeds: s(content.changedNeeds),
      measuresTried: s(content.measuresTried),
      diagnosis: s(content.diagnosis),
      functioning: s(content.functioning),
      services: s(content.services),
      situation: s(content.situation),
      proposal: s(content.proposal),
      personView: s(content.personView),
      relativesView: s(content.relativesView),
    },
    assessment: {
      alvorlighet: { level: content.alvorlighetLevel || null, reasons: s(content.alvorlighetReasons) },
      nytte: { level: content.nytteLevel || null, reasons: s(content.nytteReasons) },
      ressurs: { level: content.ressursLevel || null, reasons: s(content.ressursReasons) },
      samletVurdering: s(content.samletVurdering),
      childrenAffected: Boolean(content.childrenAffected),
      barnetsBeste: s(content.barnetsBeste),
      adjusted: parseAdjusted(item.adjustedAssessment),
    },
    meeting: {
      // The day it was held: its close, as the deadlines count (held-on.ts).
      date: heldOn(item.meeting),
      outcome: item.outcome,
      referredTo: item.referredTo,
      conclusion: item.conclusion ?? '',
      dissent: item.dissent ?? '',
      epjDocumentation: item.epjDocumentation,
    },
    followUps: item.followUps.map((f) => ({
      description: f.description,
      owner: owners.get(f.ownerId) ?? '',
      dueDate: f.dueDate,
      done: f.doneAt !== null,
    })),
    reassessmentDate: item.reassessmentDate,
  };
  const documentedBy = row.documentedById ? await db.user.findUnique({ where: { id: row.documentedById }, select: { name: true } }) : null;
  await logCaseReads(db, actor, [{ caseId, unitId: row.unitId }], 'hand_off');
  return {
    caseId,
    title: maskNationalIds(row.title),
    personRef: maskNationalIds(row.personRef),
    meetingId: item.meeting.id,
    itemId: item.id,
    recordSystem: system.name,
    blocks: system.blocks(data),
    letter: draftDecisionLetter(data),
    documented: row.documentedAt ? { at: row.documentedAt, by: documentedBy?.name ?? '' } : null,
    changedAfterDocumented:
      row.documentedAt && row.changedAfterDocumentedAt
        ? { at: row.changedAfterDocumentedAt, changes: await changesSinceDocumented(db, item, row.documentedAt) }
        : null,
    minutesDraft: item.meeting.minutesStatus === 'draft',
    canMark: canMarkDocumented(actor.userId, actor.memberships, row),
  };
}
