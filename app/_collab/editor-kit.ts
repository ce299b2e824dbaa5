import { defaultKeymap } from '@codemirror/commands';
import { EditorState, Transaction, type Extension, type TransactionSpec } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { yCollab, ySyncAnnotation, yUndoManagerKeymap } from 'y-codemirror.next';
import type * as Y from 'yjs';
import type { ThrottledAwareness } from './throttled-awareness';

/**
 * Chromium scrolls a focused contenteditable only as far as its caret and
 * ignores the page's scroll-padding, so a field entered from below can stay
 * partly under the sticky header (WCAG 2.2 2.4.11): its frame is brought out.
 */
function keepClearOfHeader(frame: HTMLElement): void {
  const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
  const top = frame.getBoundingClientRect().top;
  if (top < header) window.scrollBy({ top: top - header - 8, behavior: 'instant' });
}

/**
 * One form field as a CodeMirror 6 editor bound to its Y.Text by
 * y-codemirror.next: typing, pasting, composition (dead keys, IME) and
 * remote edits go through the maintained binding, never through a diff of the
 * whole value. Remote carets and selections are drawn in the text with the
 * person's name and colour (set by the server in their awareness `user`).
 * Loaded only in the browser, with Yjs (use-yjs-form.ts).
 */
export function createFieldEditor(options: {
  parent: HTMLElement;
  text: Y.Text;
  awareness: ThrottledAwareness;
  undoManager: Y.UndoManager;
  multiline: boolean;
  readOnly: boolean;
  rows: number;
  /** id, aria-labelledby, aria-describedby, …: on the editable element, which is the field. */
  attributes: Record<string, string>;
  placeholder?: string;
  /** The field's cap (UTF-16 units): typing or pasting past it is cut there, and `onLimit` is told. */
  maxLength: number | null;
  onLimit: () => void;
  onFocusChange: (focused: boolean) => void;
}): EditorView {
  const { text, awareness, multiline } = options;
  const extensions: Extension[] = [
    yCollab(text, awareness, { undoManager: options.undoManager }),
    keymap.of([...yUndoManagerKeymap, ...defaultKeymap]),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({
      ...options.attributes,
      'aria-multiline': multiline ? 'true' : 'false',
      ...(options.readOnly ? { 'aria-readonly': 'true' } : {}),
    }),
    EditorState.readOnly.of(options.readOnly),
    EditorView.editable.of(!options.readOnly),
    EditorView.domEventHandlers({
      focus: () => {
        keepClearOfHeader(options.parent);
        options.onFocusChange(true);
      },
      blur: () => {
        // The library keeps the last cursor on blur; a person who left the field is not in it any more.
        awareness.setLocalStateField('cursor', null);
        options.onFocusChange(false);
      },
    }),
    fieldTheme(options.rows, multiline),
  ];
  if (options.placeholder) extensions.push(placeholderText(options.placeholder));
  if (!multiline) extensions.push(singleLine);
  if (options.maxLength !== null) extensions.push(lengthCap(options.maxLength, options.onLimit));
  return new EditorView({ parent: options.parent, state: EditorState.create({ doc: text.toString(), extensions }) });
}

/**
 * A one-line field: Enter does nothing and a pasted or dictated line break
 * becomes a space. Edits arriving from others are shown as they are.
 */
const singleLine: Extension = [
  keymap.of([{ key: 'Enter', run: () => true }]),
  EditorState.transactionFilter.of((tr) => {
    if (!tr.docChanged || tr.annotation(ySyncAnnotation)) return tr;
    let breaks = false;
    tr.changes.iterChanges((_fromA, _toA, _fromB, _toB, inserted) => {
      if (inserted.lines > 1) breaks = true;
    });
    if (!breaks) return tr;
    const changes: { from: number; to: number; insert: string }[] = [];
    tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) =>
      changes.push({ from: fromA, to: toA, insert: inserted.sliceString(0, inserted.length, ' ').replace(/\s*\r?\n\s*/g, ' ') }),
    );
    const spec: TransactionSpec = { changes, scrollIntoView: true, userEvent: tr.annotation(Transaction.userEvent) };
    return spec;
  }),
];

/**
 * The server refuses (4400) an update that makes a field longer than its cap,
 * and the page then reloads: so the editor never lets a local edit past it.
 * A paste or a keystroke that would go over is cut to what fits; an edit of
 * several ranges at once that would go over is not made. Edits from others
 * are shown as they are.
 */
function lengthCap(maxLength: number, onLimit: () => void): Extension {
  return EditorState.transactionFilter.of((tr) => {
    if (!tr.docChanged || tr.annotation(ySyncAnnotation)) return tr;
    if (tr.newDoc.length <= maxLength || tr.newDoc.length <= tr.startState.doc.length) return tr;
    onLimit();
    const changes: { from: number; to: number; insert: string }[] = [];
    tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => changes.push({ from: fromA, to: toA, insert: inserted.toString() }));
    if (changes.length !== 1) return [];
    const [change] = changes;
    const room = maxLength - (tr.startState.doc.length - (change.to - change.from));
    if (room <= 0) return [];
    return {
      changes: { ...change, insert: change.insert.slice(0, room) },
      scrollIntoView: true,
      userEvent: tr.annotation(Transaction.userEvent),
    };
  });
}

function fieldTheme(rows: number, multiline: boolean): Extension {
  return EditorView.theme({
    '&': { backgroundColor: 'white', color: 'inherit', fontSize: 'inherit' },
    '&.cm-focused': { outline: 'none' },
    // Room above each line for the name label over someone's caret, also on the first line.
    '.cm-scroller': { fontFamily: 'inherit', lineHeight: '1.7' },
    '.cm-content': {
      padding: '0.8rem 0.75rem 0.5rem',
      minHeight: multiline ? `${rows * 1.7 + 1.3}em` : 'auto',
      caretColor: 'currentColor',
    },
    '.cm-line': { padding: '0' },
    // Show whose caret it is without hovering: in a meeting, that is the point.
    '.cm-ySelectionInfo': {
      opacity: '1',
      fontFamily: 'inherit',
      fontSize: '0.65rem',
      lineHeight: '1.2',
      top: '-1.15em',
      borderRadius: '2px',
      pointerEvents: 'none',
    },
    '.cm-ySelectionCaretDot': { display: 'none' },
  });
}
