'use client';

import { Field, FieldDescription, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatDateInput, parseDateInput } from '@/lib/i18n/date-input';
import { nb } from '@/lib/i18n/nb';

const t = nb.dateField;

/**
 * Every date field in Samlet, on Designsystemet's Field: a text field that
 * shows "04.03.2027" under the hint *dd.mm.åååå* and takes what a Norwegian
 * types ("4.3.2027" too, lib/i18n/date-input). Not the browser's date input:
 * that one writes the date in the order of the computer's language (an
 * English Windows shows mm/dd/yyyy on a Norwegian page), its day, month and
 * year are three stops for a keyboard and a screen reader, and its calendar
 * button is drawn by the browser out of the page's reach.
 *
 * Two uses. A shared document's date (`value` + `onChange`): the calendar
 * date "yyyy-MM-dd" goes to `onChange` as soon as what is typed is a whole
 * date ('' when emptied); what is no date stays in the field with a message
 * and is not stored. A plain form's date (`name`): what is typed is posted
 * and the server reads it the same way (lib/validation/query-params'
 * `isoDateParam`), so the form works without JavaScript; `error` is the
 * server's answer.
 */
export function DateField(props: {
  id: string;
  label: string;
  /** The stored calendar date "yyyy-MM-dd" or ''. */
  value?: string;
  onChange?: (date: string) => void;
  name?: string;
  /** A plain form's starting value: a calendar date, or what was typed before the server answered. */
  defaultValue?: string;
  error?: string;
  disabled?: boolean;
  required?: boolean;
  className?: string;
}) {
  const controlled = props.onChange !== undefined;
  const [text, setText] = useState(() => formatDateInput(controlled ? (props.value ?? '') : (props.defaultValue ?? '')));
  const [unreadable, setUnreadable] = useState(false);

  // Someone else's date (or an undo) arrives: show it, unless the field already says that date.
  useEffect(() => {
    if (!controlled) return;
    const value = props.value ?? '';
    setText((typed) => (parseDateInput(typed) === value ? typed : formatDateInput(value)));
    setUnreadable(false);
  }, [controlled, props.value]);

  // Designsystemet's Field ties the hint and the message to the input (aria-describedby) itself.
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-feil`;
  const error = unreadable ? t.invalid : props.error;
  return (
    <Field data-size="sm" className={props.className}>
      <Label htmlFor={props.id}>{props.label}</Label>
      {/* How to type it, for whoever may type (Designsystemet fades a disabled field's text below the contrast minimum). */}
      {props.disabled ? null : <FieldDescription id={hintId}>{t.hint}</FieldDescription>}
      <Input
        id={props.id}
        name={props.name}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={error ? true : undefined}
        className="max-w-[10rem]"
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          const date = parseDateInput(typed);
          if (date !== null) setUnreadable(false);
          if (controlled && date !== null && date !== (props.value ?? '')) props.onChange!(date);
        }}
        onBlur={() => setUnreadable(parseDateInput(text) === null)}
      />
      {error ? (
        <ValidationMessage id={errorId} data-size="sm">
          {error}
        </ValidationMessage>
      ) : null}
    </Field>
  );
}
