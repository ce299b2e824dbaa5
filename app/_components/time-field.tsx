'use client';

import { Field, FieldDescription, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { parseTimeInput } from '@/lib/i18n/date-input';
import { nb } from '@/lib/i18n/nb';

const t = nb.dateField;

/**
 * A plain form's time of day, beside the date fields (date-field.tsx): a text
 * field under the hint *tt:mm* that takes what a Norwegian types ("9.30",
 * "0930", lib/i18n/date-input) and shows it as 09:30 when the field is left.
 * Not the browser's time input: that one follows the computer's language and
 * shows "10:00 AM" on an English Windows. What is typed is posted; the server
 * reads it the same way (lib/meetings/meeting-admin-input's `clockTime`).
 */
export function TimeField(props: { id: string; name: string; label: string; defaultValue?: string; error?: string; required?: boolean }) {
  const [text, setText] = useState(props.defaultValue ?? '');
  const [unreadable, setUnreadable] = useState(false);
  const error = unreadable ? t.invalidTime : props.error;
  return (
    <Field data-size="sm">
      <Label htmlFor={props.id}>{props.label}</Label>
      <FieldDescription id={`${props.id}-hint`}>{t.timeHint}</FieldDescription>
      <Input
        id={props.id}
        name={props.name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={text}
        required={props.required}
        aria-invalid={error ? true : undefined}
        className="max-w-[6rem]"
        onChange={(event) => {
          setText(event.target.value);
          if (parseTimeInput(event.target.value) !== null) setUnreadable(false);
        }}
        onBlur={() => {
          const time = parseTimeInput(text);
          setUnreadable(time === null);
          if (time) setText(time);
        }}
      />
      {error ? (
        <ValidationMessage id={`${props.id}-feil`} data-size="sm">
          {error}
        </ValidationMessage>
      ) : null}
    </Field>
  );
}
