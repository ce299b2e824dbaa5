'use client';

import '@/app/_collab/zod-client-config';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { RelativePosition } from 'yjs';
import { nb } from '@/lib/i18n/nb';
import type { Peer, YjsForm } from './use-yjs-form';

const t = nb.cases;
const messages: Record<string, string> = { ...t.errors, ...t.warnings, ...nb.meetingRoom.problems, ...nb.meetingRoom.warnings };

export type FieldState = { error?: string; warnings?: string[] };

export function fieldId(field: string) {
  return `felt-${field}`;
}

function Messages({ field, state }: { field: string; state?: FieldState }) {
  return (
    <>
      {state?.error ? (
        <p id={`${fieldId(field)}-feil`} className="mt-1 text-sm font-medium text-red-800">
          {messages[state.error] ?? t.errors.invalid}
        </p>
      ) : null}
      {state?.warnings?.map((warning) => (
        <p key={warning} id={`${fieldId(field)}-varsel-${warning}`} className="mt-1 text-sm text-amber-900">
          {messages[warning] ?? warning}
        </p>
      ))}
    </>
  );
}

function describedBy(field: string, hint: boolean, state?: FieldState): string | undefined {
  const ids = [
    hint ? `${fieldId(field)}-hint` : null,
    state?.error ? `${fieldId(field)}-feil` : null,
    ...(state?.warnings ?? []).map((w) => `${fieldId(field)}-varsel-${w}`),
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Who else is in this field, and on which line their caret is. */
function PeersHere({ peers, field, value }: { peers: Peer[]; field: string; value: string }) {
  const here = peers.filter((p) => p.field === field);
  if (here.length === 0) return null;
  const where = (p: Peer) => (p.caret === null ? p.name : `${p.name} (${t.line(value.slice(0, p.caret).split('\n').length)})`);
  return <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-normal text-sky-900">{here.map(where).join(', ')}</span>;
}

/**
 * A text field bound to a Y.Text. Local typing goes straight into the
 * document; when someone else's edit arrives, the caret is put back where it
 * was relative to the surrounding text (a Yjs relative position), not at the end.
 */
export function CollaborativeText(props: {
  field: string;
  label: string;
  hint?: string;
  document: YjsForm;
  state?: FieldState;
  disabled: boolean;
  multiline?: boolean;
  required?: boolean;
  rows?: number;
}) {
  const { field, document: doc, state } = props;
  const value = String(doc.content[field] ?? '');
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const caret = useRef<{ start: RelativePosition; end: RelativePosition } | null>(null);
  const typing = useRef(false);

  const rememberCaret = () => {
    const el = ref.current;
    if (!el) return;
    const start = doc.relativePosition(field, el.selectionStart ?? 0);
    const end = doc.relativePosition(field, el.selectionEnd ?? 0);
    caret.current = start && end ? { start, end } : null;
    doc.shareCaret(start);
  };

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || globalThis.document.activeElement !== el) return;
    if (typing.current) {
      typing.current = false; // our own keystroke: the browser's caret is right
    } else if (caret.current) {
      const start = doc.absolutePosition(caret.current.start);
      const end = doc.absolutePosition(caret.current.end);
      if (start !== null && end !== null) el.setSelectionRange(start, end);
    }
    rememberCaret();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const common = {
    id: fieldId(field),
    ref,
    value,
    disabled: props.disabled,
    'aria-invalid': state?.error ? true : undefined,
    'aria-required': props.required || undefined,
    'aria-describedby': describedBy(field, Boolean(props.hint), state),
    onChange: (event: { target: { value: string } }) => {
      typing.current = true;
      doc.setText(field, event.target.value);
    },
    onSelect: rememberCaret,
    onFocus: () => doc.setFocus(field),
    onBlur: () => {
      doc.setFocus(null);
      doc.shareCaret(null);
    },
    className: `mt-1 block w-full rounded border px-3 py-2 disabled:bg-slate-100 ${state?.error ? 'border-red-700' : 'border-slate-400'}`,
  };
  return (
    <div className="mt-4">
      {/* Presence sits beside the label, not in it: a field's accessible name must not change as people come and go. */}
      <div className="flex flex-wrap items-center">
        <label htmlFor={fieldId(field)} className="block font-medium">
          {props.label}
          {props.required ? <span aria-hidden="true"> *</span> : null}
        </label>
        <PeersHere peers={doc.peers} field={field} value={value} />
      </div>
      {props.hint ? (
        <p id={`${fieldId(field)}-hint`} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      {props.multiline === false ? <input type="text" {...common} /> : <textarea rows={props.rows ?? 3} {...common} />}
      <Messages field={field} state={state} />
    </div>
  );
}

export function Choice(props: {
  field: string;
  legend: string;
  options: readonly string[];
  labels: Record<string, string>;
  hints?: Record<string, string>;
  document: YjsForm;
  state?: FieldState;
  disabled: boolean;
  required?: boolean;
  allowNone?: string;
}) {
  const current = String(props.document.content[props.field] ?? '');
  const options = props.allowNone ? ['', ...props.options] : props.options;
  return (
    <fieldset className="mt-4" aria-describedby={describedBy(props.field, false, props.state)} id={fieldId(props.field)} tabIndex={-1}>
      <legend className="font-medium">
        {props.legend}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {options.map((option) => (
          <label key={option || 'none'} className="flex items-center gap-2">
            <input
              type="radio"
              name={props.field}
              value={option}
              checked={current === option}
              disabled={props.disabled}
              onChange={() => props.document.setValue(props.field, option)}
            />
            <span>
              {option ? props.labels[option] : props.allowNone}
              {props.hints?.[option] ? <span className="text-sm text-slate-700"> – {props.hints[option]}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <Messages field={props.field} state={props.state} />
    </fieldset>
  );
}

export function Checks(props: {
  field: string;
  legend: string;
  options: readonly string[];
  labels: Record<string, string>;
  document: YjsForm;
  disabled: boolean;
}) {
  const current = (props.document.content[props.field] as string[] | undefined) ?? [];
  const toggle = (option: string, on: boolean) =>
    props.document.setValue(props.field, on ? [...new Set([...current, option])] : current.filter((o) => o !== option));
  return (
    <fieldset className="mt-4">
      <legend className="font-medium">{props.legend}</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {props.options.map((option) => (
          <label key={option} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={current.includes(option)}
              disabled={props.disabled}
              onChange={(e) => toggle(option, e.target.checked)}
            />
            <span>{props.labels[option] ?? option}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Toggle(props: { field: string; label: string; document: YjsForm; disabled: boolean; children?: ReactNode }) {
  const on = props.document.content[props.field] === true;
  return (
    <div className="mt-4">
      <label className="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          checked={on}
          disabled={props.disabled}
          onChange={(e) => props.document.setValue(props.field, e.target.checked)}
        />
        {props.label}
      </label>
      {on ? <div className="ml-6 border-l-2 border-slate-200 pl-4">{props.children}</div> : null}
    </div>
  );
}
