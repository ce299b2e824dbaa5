'use client';

import '@/app/_collab/zod-client-config';
import { Button, Checkbox, Fieldset, FieldsetLegend, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DateField } from '@/app/_components/date-field';
import { formatDate } from '@/lib/i18n/format';
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
        <ValidationMessage id={`${fieldId(field)}-feil`} data-size="sm" className="mt-1">
          {messages[state.error] ?? t.errors.invalid}
        </ValidationMessage>
      ) : null}
      {state?.warnings?.map((warning) => (
        <ValidationMessage key={warning} id={`${fieldId(field)}-varsel-${warning}`} data-color="warning" data-size="sm" className="mt-1">
          {messages[warning] ?? warning}
        </ValidationMessage>
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

/** Who else is in this field: their names, each in the colour their caret has in the text. */
function PeersHere({ peers, field }: { peers: Peer[]; field: string }) {
  const here = peers.filter((p) => p.field === field);
  if (here.length === 0) return null;
  return (
    <span className="ml-2 flex flex-wrap gap-1 text-xs font-normal">
      {here.map((p) => (
        <span key={p.clientId} className="rounded px-1.5 py-0.5 text-white" style={{ backgroundColor: p.color ?? '#1e3a8a' }}>
          {p.name}
        </span>
      ))}
    </span>
  );
}

/**
 * A text field bound to its Y.Text through CodeMirror and y-codemirror.next
 * (app/_collab/editor-kit.ts): the editable element is the field (id, label,
 * description and error on it), others' carets are drawn in the text, and
 * undo/redo — Ctrl+Z / Ctrl+Y or the buttons — take back only this person's
 * own edits. Until Yjs is loaded the stored text is shown read-only.
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
  /** The field's text when it is not `document.content[field]` (a row's text, e.g. a follow-up's description). */
  text?: string;
  /** Replaces the default top margin (a field inside a row's grid). */
  className?: string;
  /** The label for screen readers only: a heading right above already says it (the room's 'Notater fra møtet'). */
  labelHidden?: boolean;
}) {
  const { field, document: doc, state } = props;
  const currentText = props.text ?? String(doc.content[field] ?? '');
  const multiline = props.multiline !== false;
  const host = useRef<HTMLDivElement>(null);
  const [history, setHistory] = useState({ undo: false, redo: false });
  /** A paste or keystroke was cut at the field's cap: said below the field until the text is shorter again. */
  const [cut, setCut] = useState(false);
  const binding = doc.bindField(field);
  const labelId = `${fieldId(field)}-label`;
  const describedByIds = describedBy(field, Boolean(props.hint), state);
  // Spelling checked and sentences capitalised as in any text field (CodeMirror, made for code, turns them off).
  const attributes: Record<string, string> = {
    id: fieldId(field),
    'aria-labelledby': labelId,
    spellcheck: 'true',
    autocorrect: 'on',
    autocapitalize: 'sentences',
  };
  if (describedByIds) attributes['aria-describedby'] = describedByIds;
  if (state?.error) attributes['aria-invalid'] = 'true';
  if (props.required) attributes['aria-required'] = 'true';
  const attributesKey = JSON.stringify(attributes);
  const view = useRef<import('@codemirror/view').EditorView | null>(null);

  useEffect(() => {
    const parent = host.current;
    if (!parent || !binding) return;
    const editor = binding.kit.createFieldEditor({
      parent,
      text: binding.text,
      awareness: binding.awareness,
      undoManager: binding.undoManager,
      multiline,
      readOnly: props.disabled,
      rows: props.rows ?? 3,
      attributes: JSON.parse(attributesKey) as Record<string, string>,
      maxLength: binding.maxLength,
      onLimit: () => setCut(true),
      onFocusChange: (focused) => doc.setFocus(focused ? field : null),
    });
    view.current = editor;
    const manager = binding.undoManager;
    const track = () => setHistory({ undo: manager.canUndo(), redo: manager.canRedo() });
    track();
    manager.on('stack-item-added', track);
    manager.on('stack-item-popped', track);
    manager.on('stack-cleared', track);
    return () => {
      manager.off('stack-item-added', track);
      manager.off('stack-item-popped', track);
      manager.off('stack-cleared', track);
      view.current = null;
      editor.destroy();
    };
    // The editor is made again when what it binds to or may do changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [binding?.text, props.disabled, multiline, attributesKey]);

  const step = (direction: 'undo' | 'redo') => {
    if (!binding) return;
    if (direction === 'undo') binding.undoManager.undo();
    else binding.undoManager.redo();
    view.current?.focus();
  };

  return (
    <div className={props.className ?? 'mt-4'}>
      {/* Presence sits beside the label, not in it: a field's accessible name must not change as people come and go. */}
      <div className="flex flex-wrap items-center gap-y-1">
        {/* The size of the design system's small field labels, as the choices' legends beside it (data-size="sm"). */}
        <label
          id={labelId}
          className={props.labelHidden ? 'sr-only' : 'block text-(length:--ds-body-sm-font-size) font-medium'}
          onClick={() => view.current?.focus()}
        >
          {props.label}
          {props.required ? <span aria-hidden="true"> *</span> : null}
        </label>
        <PeersHere peers={doc.peers} field={field} />
        {/* Shown once there is something of one's own to take back: Ctrl+Z / Ctrl+Y work from the start. */}
        {!props.disabled && binding && (history.undo || history.redo) ? (
          <span className="ml-auto flex gap-1">
            {/* Named "Angre"/"Gjør om", described by the field's label: the field's own name stays its alone. */}
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              disabled={!history.undo}
              onClick={() => step('undo')}
              aria-describedby={labelId}
            >
              {t.undo}
            </Button>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              disabled={!history.redo}
              onClick={() => step('redo')}
              aria-describedby={labelId}
            >
              {t.redo}
            </Button>
          </span>
        ) : null}
      </div>
      {props.hint ? (
        <p id={`${fieldId(field)}-hint`} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      <div
        ref={host}
        data-field={field}
        className={`mt-1 block w-full overflow-hidden rounded border focus-within:outline focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-sky-700 ${
          props.disabled ? 'bg-slate-100 [&_.cm-editor]:bg-slate-100' : ''
        } ${state?.error ? 'border-red-700' : 'border-slate-400'}`}
      >
        {binding ? null : (
          // Before Yjs has loaded: the text as the server rendered it, not editable yet.
          <div
            {...attributes}
            role="textbox"
            aria-readonly="true"
            aria-multiline={multiline ? 'true' : 'false'}
            className="min-h-[2.5rem] whitespace-pre-wrap px-3 py-2"
          >
            {currentText}
          </div>
        )}
      </div>
      <Messages field={field} state={state} />
      <p role="status" className="mt-1 text-sm font-medium text-amber-900">
        {cut && binding?.maxLength != null && currentText.length >= binding.maxLength ? t.fieldFull(binding.maxLength) : null}
      </p>
    </div>
  );
}

/**
 * The collaborative choices are Designsystemet's Fieldset, Radio and Checkbox,
 * controlled by the Yjs document: what is checked is always what the shared
 * document holds, a click writes it there (setValue), and others' choices
 * arrive as re-renders.
 */
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
  /** Shown as text, not as radio buttons (a locked item: a disabled radio reads as faint grey, not as the answer). */
  asText?: boolean;
}) {
  const current = String(props.document.content[props.field] ?? '');
  const options = props.allowNone ? ['', ...props.options] : props.options;
  if (props.asText)
    return (
      <dl className="mt-4" id={fieldId(props.field)}>
        <dt className="font-medium">{props.legend}</dt>
        <dd className="mt-1">{current ? (props.labels[current] ?? current) : (props.allowNone ?? t.notChosen)}</dd>
      </dl>
    );
  return (
    <Fieldset
      data-size="sm"
      className="mt-4"
      aria-describedby={describedBy(props.field, false, props.state)}
      id={fieldId(props.field)}
      tabIndex={-1}
    >
      <FieldsetLegend>
        {props.legend}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </FieldsetLegend>
      <div className="flex flex-wrap gap-x-6">
        {options.map((option) => (
          <Radio
            key={option || 'none'}
            name={props.field}
            value={option}
            checked={current === option}
            disabled={props.disabled}
            aria-invalid={props.state?.error ? true : undefined}
            onChange={() => props.document.setValue(props.field, option)}
            label={
              <>
                {option ? props.labels[option] : props.allowNone}
                {/* In the label, as before: read with the choice, and exempt from contrast like it when the form is read-only. */}
                {props.hints?.[option] ? <span className="text-slate-700"> – {props.hints[option]}</span> : null}
              </>
            }
          />
        ))}
      </div>
      <Messages field={props.field} state={props.state} />
    </Fieldset>
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
    <Fieldset data-size="sm" className="mt-4">
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {props.options.map((option) => (
          <Checkbox
            key={option}
            checked={current.includes(option)}
            disabled={props.disabled}
            onChange={(e) => toggle(option, e.target.checked)}
            label={props.labels[option] ?? option}
          />
        ))}
      </div>
    </Fieldset>
  );
}

export function Toggle(props: { field: string; label: string; document: YjsForm; disabled: boolean; children?: ReactNode }) {
  const on = props.document.content[props.field] === true;
  return (
    <div className="mt-4">
      <Checkbox
        data-size="sm"
        className="font-medium"
        checked={on}
        disabled={props.disabled}
        onChange={(e) => props.document.setValue(props.field, e.target.checked)}
        label={props.label}
      />
      {on ? <div className="ml-6 border-l-2 border-slate-200 pl-4">{props.children}</div> : null}
    </div>
  );
}

/** A date field of the shared form (the one date field, `DateField`: dd.mm.åååå, stored as "yyyy-MM-dd"). */
export function CollaborativeDate(props: {
  field: string;
  label: string;
  document: YjsForm;
  disabled: boolean;
  className?: string;
  /** Shown as text (a locked item), like `Choice`'s. */
  asText?: boolean;
}) {
  const value = String(props.document.content[props.field] ?? '');
  if (props.asText)
    return (
      <dl className={props.className ?? 'mt-4'} id={fieldId(props.field)}>
        <dt className="font-medium">{props.label}</dt>
        <dd className="mt-1">{value ? formatDate(value) : t.notSet}</dd>
      </dl>
    );
  return (
    <DateField
      id={fieldId(props.field)}
      label={props.label}
      value={value}
      onChange={(date) => props.document.setValue(props.field, date)}
      disabled={props.disabled}
      className={props.className ?? 'mt-4'}
    />
  );
}
