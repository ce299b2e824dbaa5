import { z } from 'zod';

/**
 * Names of collaborative (Yjs) documents: `case:<id>` (the caseworker's form)
 * or `item:<id>` (one agenda item's notes and conclusion). There is no
 * meeting-wide document: a meeting's live text is its items' (an earlier
 * `meeting:<id>` kind, used by no page and written without audit, was removed;
 * its stored rows are deleted by migration 20261201110000_drop_meeting_documents).
 * Ids are cuids (lower-case letters and digits); anything else is refused
 * before a document is looked up, so no odd string reaches the database.
 */
export const documentKinds = ['case', 'item'] as const;
export type DocumentKind = (typeof documentKinds)[number];

const idPattern = /^[a-z0-9]{8,40}$/;

export const documentNameSchema = z
  .string()
  .max(64)
  .transform((name, ctx) => {
    const separator = name.indexOf(':');
    const kind = name.slice(0, separator);
    const id = name.slice(separator + 1);
    if (separator < 0 || !(documentKinds as readonly string[]).includes(kind) || !idPattern.test(id)) {
      ctx.addIssue({ code: 'custom', message: 'invalid_document_name' });
      return z.NEVER;
    }
    return { kind: kind as DocumentKind, id, name };
  });

export type DocumentRef = z.output<typeof documentNameSchema>;

export function parseDocumentName(name: string): DocumentRef | null {
  const result = documentNameSchema.safeParse(name);
  return result.success ? result.data : null;
}

export function documentName(kind: DocumentKind, id: string): string {
  return `${kind}:${id}`;
}
