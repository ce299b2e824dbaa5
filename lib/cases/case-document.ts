import type * as Y from 'yjs';
import { applyForm, applyTextChange, readForm, textIn } from '../realtime/y-form';
import { textFields, type CaseContent, type TextField } from './case-form';

/**
 * The case form inside its Yjs document (`case:<id>`), map "form". Imported
 * by the server and, dynamically, by the browser editor.
 */
export const formMapName = 'form';
export { applyTextChange };

const textFieldSet = new Set<string>(textFields);

export function isTextField(key: string): key is TextField {
  return textFieldSet.has(key);
}

export function readCaseContent(doc: Y.Doc): Record<string, unknown> {
  return readForm(doc, formMapName, textFields);
}

export function textOf(doc: Y.Doc, field: TextField): Y.Text {
  return textIn(doc, formMapName, field);
}

/** Writes the given fields (a validated partial CaseContent) into the document. */
export function applyCaseContent(doc: Y.Doc, patch: CaseContent, origin: unknown = null): void {
  applyForm(doc, formMapName, isTextField, patch, origin);
}
