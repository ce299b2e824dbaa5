// `npm run privacy:national-ids -- [--mask-index]`: reports which stored cases, versions (and version-history snapshots), Yjs documents, agenda
// items, follow-ups and search entries hold a national identity number, per unit and field — never the number.
// `--mask-index` also rewrites the search entries of the meetings whose entries hold one (masked, as every
// index written now is). Exit 0 when it ran, whatever it found.
import * as Y from 'yjs';
import { readCaseContent } from '../../lib/cases/case-document';
import { indexMeeting } from '../../lib/history/search-index';
import { readItemContent } from '../../lib/meetings/item-content';
import { findStoredNationalIds, formatNationalIdReport } from '../../lib/privacy/national-id-report';
import { createPrismaClient } from '../db/create-prisma-client';
import { resolveDatabaseTarget } from '../db/database-url';
import { PrismaDocumentStore } from '../realtime/yjs/document-store';
import { loadCliEnvironment } from './cli-environment';

const env = loadCliEnvironment();
const maskIndex = process.argv.slice(2).includes('--mask-index');
const db = createPrismaClient(resolveDatabaseTarget(env.DATABASE_URL));
const store = new PrismaDocumentStore(db);

const findings = await findStoredNationalIds(db, async (name) => {
  const state = await store.load(name);
  if (!state) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const content = name.startsWith('item:') ? readItemContent(doc) : readCaseContent(doc);
  doc.destroy();
  return content;
});
const units = new Map((await db.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
for (const line of formatNationalIdReport(findings, units)) console.log(line);

if (maskIndex) {
  const items = findings.filter((f) => f.where === 'search-entry').map((f) => f.id);
  const meetings = await db.agendaItem.findMany({ where: { id: { in: items } }, select: { meetingId: true }, distinct: ['meetingId'] });
  for (const { meetingId } of meetings) await db.$transaction((tx) => indexMeeting(tx, meetingId));
  console.log(`Re-indexed ${meetings.length} meeting(s) with masked text.`);
}
await db.$disconnect();
