import { Field, FieldDescription, Input, Label, Select } from '@digdir/designsystemet-react';

/*
 * Fields of the GET filter forms (search, audit log, statistics, accounts) on
 * Designsystemet (dates: `DateField`). Ids are given, not generated, so label and description are
 * tied to their input in the server's HTML already (the form works before, and
 * without, JavaScript).
 */

export function FilterText(props: {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'search';
  defaultValue?: string;
  maxLength?: number;
  description?: string;
  className?: string;
}) {
  const descriptionId = props.description ? `${props.id}-hint` : undefined;
  return (
    <Field data-size="sm" className={props.className}>
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.description ? <FieldDescription id={descriptionId}>{props.description}</FieldDescription> : null}
      <Input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        aria-describedby={descriptionId}
      />
    </Field>
  );
}

export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  /** The first option, with the empty value ("Alle"); none when every value is a real choice. */
  anyLabel?: string;
  defaultValue?: string;
  className?: string;
}) {
  return (
    <Field data-size="sm" className={props.className}>
      <Label htmlFor={props.id}>{props.label}</Label>
      <Select id={props.id} name={props.name} defaultValue={props.defaultValue ?? ''}>
        {props.anyLabel !== undefined ? <option value="">{props.anyLabel}</option> : null}
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
