'use client';

import '@/app/_collab/zod-client-config';
import { useActionState, useId, useRef } from 'react';
import { Button, Checkbox, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { DateField } from '@/app/_components/date-field';
import { TimeField } from '@/app/_components/time-field';
import { splitDateTimeInput } from '@/lib/i18n/date-input';
import { nb } from '@/lib/i18n/nb';
import { CopyField } from './copy-field';
import { emptyFormState, type FormState } from './form-state';

export type Field =
  | { kind: 'hidden'; name: string; value: string }
  | {
      /** `datetime`: a date field (dd.mm.åååå) and a time field, posted as `<name>Date` and `<name>Time`; `defaultValue` "yyyy-MM-ddTHH:mm". */
      kind: 'text' | 'email' | 'password' | 'number' | 'time' | 'date' | 'datetime';
      name: string;
      label: string;
      hint?: string;
      autoComplete?: string;
      required?: boolean;
      defaultValue?: string;
    }
  | {
      kind: 'select';
      name: string;
      label: string;
      options: [string, string][];
      defaultValue?: string;
      /** The label for screen readers only: a table cell whose column already says it (a member's «Rolle»). */
      labelHidden?: boolean;
    }
  | { kind: 'checkboxes'; name: string; label: string; options: [string, string][]; defaultValues?: string[] };

/**
 * One administration form on Designsystemet's fields: labelled fields, the
 * server's answer beside each field (a validation message the field points
 * to) and a status line. A form with `confirm` asks in a dialog first; a
 * `danger` form's button is secondary and red, so a row of them does not
 * shout. Works without JavaScript too (a plain form post, unconfirmed).
 */
export function AdminForm(props: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: Field[];
  submit: string;
  confirm?: string;
  inline?: boolean;
  danger?: boolean;
  /** A secondary button: one of many alike down a list (a member's «Lagre rolle»). */
  quiet?: boolean;
}) {
  const [state, formAction, pending] = useActionState(props.action, emptyFormState);
  const [confirm, confirmDialog] = useConfirm();
  const confirmed = useRef(false);
  const id = useId();
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!props.confirm || confirmed.current) {
          confirmed.current = false;
          return;
        }
        event.preventDefault();
        const form = event.currentTarget;
        void confirm({ title: props.confirm, confirmLabel: props.submit, danger: props.danger }).then((yes) => {
          if (!yes) return;
          confirmed.current = true;
          form.requestSubmit();
        });
      }}
      className={props.inline ? 'flex flex-wrap items-end gap-2' : 'mt-2 grid max-w-md gap-3'}
      noValidate
    >
      {confirmDialog}
      {props.fields.map((field) => {
        if (field.kind === 'hidden') return <input key={field.name} type="hidden" name={field.name} value={field.value} />;
        const inputId = `${id}-${field.name}`;
        const error = state.fields?.[field.name];
        if (field.kind === 'checkboxes') {
          const checked = new Set(state.values?.[field.name]?.split(',') ?? field.defaultValues ?? []);
          return (
            <Fieldset key={`${field.name}-${state.at}`} data-size="sm" aria-describedby={error ? `${inputId}-error` : undefined}>
              <Fieldset.Legend>{field.label}</Fieldset.Legend>
              <div className="flex flex-wrap gap-x-4">
                {field.options.map(([value, label]) => (
                  <Checkbox key={value} name={field.name} value={value} label={label} defaultChecked={checked.has(value)} />
                ))}
              </div>
              {error ? <ValidationMessage id={`${inputId}-error`}>{error}</ValidationMessage> : null}
            </Fieldset>
          );
        }
        if (field.kind === 'select') {
          return (
            <Field key={field.name} data-size="sm">
              <Label htmlFor={inputId} className={field.labelHidden ? 'sr-only' : undefined}>
                {field.label}
              </Label>
              <Select
                key={state.at}
                id={inputId}
                name={field.name}
                defaultValue={state.values?.[field.name] ?? field.defaultValue}
                aria-invalid={error ? true : undefined}
              >
                {field.options.map(([value, label]) => (
                  <Select.Option key={value} value={value}>
                    {label}
                  </Select.Option>
                ))}
              </Select>
              {error ? <ValidationMessage>{error}</ValidationMessage> : null}
            </Field>
          );
        }
        if (field.kind === 'datetime') {
          // The date as every date field is (dd.mm.åååå), beside a time: one date style across the product.
          const given = splitDateTimeInput(field.defaultValue ?? '');
          const errorId = `${inputId}-error`;
          return (
            // Designsystemet ties the fieldset's validation message to both inputs (and marks them invalid).
            <Fieldset key={`${field.name}-${state.at}`} data-size="sm">
              <Fieldset.Legend>{field.label}</Fieldset.Legend>
              <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
                <DateField
                  id={`${inputId}-dato`}
                  name={`${field.name}Date`}
                  label={nb.dateField.date}
                  defaultValue={state.values?.[`${field.name}Date`] ?? given.date}
                  required={field.required}
                />
                <TimeField
                  id={`${inputId}-tid`}
                  name={`${field.name}Time`}
                  label={nb.dateField.time}
                  defaultValue={state.values?.[`${field.name}Time`] ?? given.time}
                  required={field.required}
                />
              </div>
              {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
            </Fieldset>
          );
        }
        if (field.kind === 'time')
          return (
            <TimeField
              key={`${field.name}-${state.at}`}
              id={inputId}
              name={field.name}
              label={field.label}
              defaultValue={state.values?.[field.name] ?? field.defaultValue}
              error={error}
              required={field.required}
            />
          );
        if (field.kind === 'date')
          return (
            <DateField
              key={`${field.name}-${state.at}`}
              id={inputId}
              name={field.name}
              label={field.label}
              defaultValue={state.values?.[field.name] ?? field.defaultValue}
              error={error}
              required={field.required}
            />
          );
        return (
          <Textfield
            key={`${field.name}-${state.at}`}
            data-size="sm"
            id={inputId}
            name={field.name}
            type={field.kind}
            label={field.label}
            description={field.hint}
            error={error}
            autoComplete={field.autoComplete}
            defaultValue={field.kind === 'password' ? undefined : (state.values?.[field.name] ?? field.defaultValue)}
            required={field.required}
          />
        );
      })}
      <div>
        <Button
          type="submit"
          data-size="sm"
          variant={props.danger || props.quiet ? 'secondary' : 'primary'}
          data-color={props.danger ? 'danger' : undefined}
          disabled={pending}
        >
          {props.submit}
        </Button>
      </div>
      <p role={state.error ? 'alert' : 'status'} className={`text-sm ${state.error ? 'font-medium text-red-800' : 'text-green-800'}`}>
        {state.error ?? state.ok ?? ''}
      </p>
      {state.copy ? <CopyField key={state.at} label={state.copy.label} value={state.copy.value} /> : null}
    </form>
  );
}
