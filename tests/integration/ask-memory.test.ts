import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { formMapName, textOf } from '../../lib/cases/case-document';
import { textFields } from '../../lib/cases/case-form';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { builtServerActions, postServerAction } from '../support/server-actions';
import { writeStoredEdit } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * The ask remembered (lib/meetings/ask-for-missing.ts): the chair clicking
 * "Be saksbehandleren fylle ut" twice at once — two tabs, a double click
 * without JavaScript — sends the caseworker one notice, not two; the other
 * click is told it was asked already. Concurrent server actions on the real
 * server, on both databases.
 */
describe.each(databaseKinds)('asking for what is missing, twice at once, on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let meetingId: string;
  let caseId: string;
  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    const saraId = (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id;
    caseId = (await db.case.findFirstOrThrow({ where: { meetingId, createdById: saraId, status: 'submitted' } })).id;
    // Her case as she has it now holds the question only: there is something to ask for (written before
    // anyone opens it: the server loads it from the store).
    await writeStoredEdit(db, `case:${caseId}`, (doc) => {
      for (const field of textFields) if (field !== 'question') textOf(doc, field).delete(0, textOf(doc, field).length);
      const form = doc.getMap(formMapName);
      for (const key of [...form.keys()]) if (key !== 'question' && !textFields.includes(key as never)) form.delete(key);
    });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('records one ask and sends one notice when three asks arrive together', async () => {
    const cookie = (await login(server.url, demo.chair, demo.password))!;
    const [actionId] = [...builtServerActions()].find(([, action]) => action.name === 'askForMissingAction')!;
    const ask = () => postServerAction(server.url, `/moter/${meetingId}`, actionId, { meetingId, caseId }, { cookie });
    const answers = await Promise.all([ask(), ask(), ask()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await db.missingAsk.count({ where: { meetingId, caseId } })).toBe(1);
    expect(await db.notification.count({ where: { link: `/saker/${caseId}` } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'case.ask_missing', entityId: caseId } })).toBe(1);
  });
});
