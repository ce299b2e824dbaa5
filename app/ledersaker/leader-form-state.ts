/** What a leader case's form actions answer: saved (with warnings about what was saved) or what is wrong per field. */
export type LeaderFormState = {
  ok?: string;
  error?: string;
  fields?: Record<string, string>;
  warnings?: Record<string, string[]>;
  /** When the case was last saved, after this save: the form's next save is checked against it. */
  seen?: string;
  at?: number;
};
export const emptyLeaderFormState: LeaderFormState = {};
