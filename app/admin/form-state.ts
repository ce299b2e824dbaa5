/** What a form's server action answers: a confirmation, or what is wrong (shown next to each field). */
export type FormState = {
  ok?: string;
  error?: string;
  fields?: Record<string, string>;
  /** What was typed, echoed back on an error so the form keeps it (React resets a form after its action) — never passwords. */
  values?: Record<string, string>;
  at?: number;
  /** A value shown once for the person to copy (the new calendar link), with its label. */
  copy?: { label: string; value: string };
};
export const emptyFormState: FormState = {};
