import * as Y from 'yjs';
import { applyCaseContent } from '../../lib/cases/case-document';
import type { CaseContent } from '../../lib/cases/case-form';
import { caseSummary } from '../../lib/cases/case-summary';
import type { Db } from '../../lib/db/db';
import { systemClock } from '../../lib/time/clock';
import { completeCase } from './api';
import { demo, demoFixtures } from './fixtures';

/**
 * A planned meeting of the main unit starting at `startsAt`, with one case of
 * the demo caseworker's submitted to it (its form in its Yjs document, as the
 * seed stores it). For tests of what happens at a meeting's start: `startsAt`
 * is an instant by the one clock the server under test reads too.
 */
export async function caseOnNewMeeting(db: Db, startsAt: Date, title = `Sak på eget møte ${startsAt.getTime()}`) {
  const { mainUnit } = await demoFixtures(db);
  const [author, chair] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: demo.caseworker } }),
    db.user.findUniqueOrThrow({ where: { email: demo.chair } }),
  ]);
  const meeting = await db.meeting.create({
    data: {
      unitId: mainUnit.id,
      chairId: chair.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      submissionDeadline: new Date(startsAt.getTime() - 24 * 3600_000),
    },
  });
  const content: CaseContent = { ...completeCase, question: title };
  const created = await db.case.create({
    data: {
      ...caseSummary(content),
      unitId: mainUnit.id,
      createdById: author.id,
      status: 'submitted',
      meetingId: meeting.id,
      version: 1,
      submittedAt: systemClock.now(),
      versions: { create: { version: 1, content: JSON.stringify(content), submittedById: author.id, meetingId: meeting.id } },
    },
  });
  const doc = new Y.Doc();
  applyCaseContent(doc, content);
  await db.yDocState.create({ data: { name: `case:${created.id}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
  doc.destroy();
  return { meetingId: meeting.id, caseId: created.id, authorId: author.id, unitId: mainUnit.id };
}
