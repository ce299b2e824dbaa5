import * as Y from 'yjs';
import type { Db } from '../../lib/db/db';
import { PrismaDocumentStore } from '../../server/realtime/yjs/document-store';

/**
 * What a document's store holds right now (snapshot and appended log), read
 * beside the running server: the text of `field` (empty if nothing is stored).
 */
export async function storedText(db: Db, name: string, field = 'notes'): Promise<string> {
  const state = await new PrismaDocumentStore(db).load(name);
  if (!state) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = doc.getText(field).toString();
  doc.destroy();
  return text;
}
