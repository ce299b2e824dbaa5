import * as Y from 'yjs';
import type { Db } from '../../lib/db/db';
import { PrismaDocumentStore } from '../../server/realtime/yjs/document-store';
import { defaultTextOf } from './yjs-client';

/**
 * What a document's store holds right now (snapshot and appended log), read
 * beside the running server: the text of `field` (by default the one the
 * test client writes; empty if nothing is stored).
 */
export async function storedText(db: Db, name: string, field = defaultTextOf(name)): Promise<string> {
  const state = await new PrismaDocumentStore(db).load(name);
  if (!state) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = doc.getText(field).toString();
  doc.destroy();
  return text;
}

/** The whole stored document (snapshot and log), as a Y.Doc the caller destroys; empty if nothing is stored. */
export async function storedDocument(db: Db, name: string): Promise<Y.Doc> {
  const state = await new PrismaDocumentStore(db).load(name);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** Bytes the store holds for a document: its snapshot plus every row of its update log. */
export async function storedBytes(db: Db, name: string): Promise<number> {
  const [snapshot, rows] = await Promise.all([
    db.yDocState.findUnique({ where: { name }, select: { state: true } }),
    db.yDocUpdate.findMany({ where: { docName: name }, select: { data: true } }),
  ]);
  return (snapshot?.state.length ?? 0) + rows.reduce((sum, row) => sum + row.data.length, 0);
}

/**
 * Writes an edit straight into the store, past the server and its guard: how
 * content that fails the schema (old data, a past bug) gets there, for the
 * tests of its readers. The document must not be open on a server meanwhile
 * (the server would not see the row until it loads the document again).
 */
export async function writeStoredEdit(db: Db, name: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const doc = await storedDocument(db, name);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  const store = new PrismaDocumentStore(db);
  await store.append(name, [update]);
  await store.close();
}
