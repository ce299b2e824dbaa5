'use client';

import '@/app/_collab/zod-client-config';
import { useActionState, useId } from 'react';
import { emptyFormState, type FormState } from './form-state';

export type Field =
  | { kind: 'hidden'; name: string; value: string }
  | {
      kind: 'text' | 'email' | 'password' | 'number' | 'time' | 'datetime-local';
      name: string;
      label: string;
      hint?: string;
      autoComplete?: string;
      required?: boolean;
      defaultValue?: string;
    }
  | { kind: 'select'; name: string; label: string; options: [string, string][]; defaultValue?: string }
  | { kind: 'checkboxes'; name: string; label: string; options: [string, string][]; defaultValues?: string[] };

/**
 * One administration form: labelled fields, the server's answer beside each
 * field (aria-invalid, aria-describedby) and a status line. Works without
 * JavaScript too (a plain form post to the server action).
 */
export function AdminForm(props: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: Field[];
  submit: string;
  confirm?: string;
  inline?: boolean;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(props.action, emptyFormState);
  const id = useId();
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (props.confirm && !window.confirm(props.confirm)) event.preventDefault();
      }}
      className={props.inline ? 'flex flex-wrap items-end gap-2' : 'mt-2 grid max-w-md gap-3'}
      noValidate
    >
      {props.fields.map((field) => {
        if (field.kind === 'hidden') return <input key={field.name} type="hidden" name={field.name} value={field.value} />;
        const inputId = `${id}-${field.name}`;
        const error = state.fields?.[field.name];
        if (field.kind === 'checkboxes') {
          const checked = new Set(state.values?.[field.name]?.split(',') ?? field.defaultValues ?? []);
          return (
            <fieldset key={`${field.name}-${state.at}`} aria-describedby={error ? `${inputId}-error` : undefined} className="grid gap-1">
              <legend className="text-sm font-medium">{field.label}</legend>
              <div className="flex flex-wrap gap-3">
                {field.options.map(([value, label]) => (
                  <label key={value} className="flex items-center gap-1 text-sm">
                    <input type="checkbox" name={field.name} value={value} defaultChecked={checked.has(value)} />
                    {label}
                  </label>
                ))}
              </div>
              {error ? (
                <p id={`${inputId}-error`} className="text-sm font-medium text-red-800">
                  {error}
                </p>
              ) : null}
            </fieldset>
          );
        }
        const describedBy =
          [field.kind !== 'select' && field.hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(' ') ||
          undefined;
        return (
          <div key={field.name} className="grid gap-1">
            <label htmlFor={inputId} className="text-sm font-medium">
              {field.label}
            </label>
            {field.kind === 'select' ? (
              <select
                key={state.at}
                id={inputId}
                name={field.name}
                defaultValue={state.values?.[field.name] ?? field.defaultValue}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className="rounded border border-slate-500 px-2 py-1"
              >
                {field.options.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                key={state.at}
                id={inputId}
                name={field.name}
                type={field.kind}
                autoComplete={field.autoComplete}
                defaultValue={field.kind === 'password' ? undefined : (state.values?.[field.name] ?? field.defaultValue)}
                required={field.required}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className="rounded border border-slate-500 px-2 py-1"
              />
            )}
            {field.kind !== 'select' && field.hint ? (
              <p id={`${inputId}-hint`} className="text-xs text-slate-700">
                {field.hint}
              </p>
            ) : null}
            {error ? (
              <p id={`${inputId}-error`} className="text-sm font-medium text-red-800">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <div>
        <button
          type="submit"
          disabled={pending}
          className={`rounded px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${props.danger ? 'bg-red-800 hover:bg-red-900' : 'bg-brand-800 hover:bg-brand-700'}`}
        >
          {props.submit}
        </button>
      </div>
      <p role={state.error ? 'alert' : 'status'} className={`text-sm ${state.error ? 'font-medium text-red-800' : 'text-green-800'}`}>
        {state.error ?? state.ok ?? ''}
      </p>
    </form>
  );
}
