/** The case form's section navigation and its progress (app/saker/[id]/case-section-nav.tsx). */
export const nbCaseNav = {
  heading: 'Deler av skjemaet',
  overall: (started: number, total: number) => `${started} av ${total} deler har innhold`,
  section: (filled: number, total: number) =>
    filled === 0 ? 'Ikke påbegynt' : filled === total ? 'Alt fylt ut' : `${filled} av ${total} felt fylt ut`,
};
