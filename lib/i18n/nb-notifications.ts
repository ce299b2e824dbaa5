/** In-app notices to caseworkers when a meeting their case is on changes (dates come formatted). */
export const nbNotifications = {
  meetingMoved: (title: string, from: string, to: string) => `Møtet der «${title}» står, er flyttet fra ${from} til ${to}.`,
  meetingCancelledMovedOn: (title: string, cancelled: string, next: string) =>
    `Møtet ${cancelled} er avlyst. «${title}» er flyttet til møtet ${next}.`,
  meetingCancelledNoNext: (title: string, cancelled: string) =>
    `Møtet ${cancelled} er avlyst, og det er ikke satt opp noe nytt møte ennå. Meld inn «${title}» på nytt når det finnes et.`,
  /** Issue 18: the chair asks the caseworker to fill in what is missing before the meeting (lib/meetings/ask-for-missing.ts). */
  missingBeforeMeeting: (title: string, meeting: string, missing: string[]) =>
    `Møtelederen ber deg fylle ut det som mangler i «${title}» før møtet ${meeting}: ${missing.join(', ')}.`,
  /** Issue 19: a decided case's re-assessment date comes near (lib/history/reassessment-drafts.ts). */
  reassessmentDraftReady: (title: string, date: string, meeting: string | null) =>
    `Et utkast til revurdering av «${title}» er klart. Revurderingsdatoen er ${date}` +
    (meeting ? `, og saken er foreslått til møtet ${meeting}.` : '.'),
  /** Issue 16: someone was given a role in a unit on an account they already had. */
  addedToUnit: (unit: string, role: string) =>
    `Du er lagt til i «${unit}» med rollen ${nbRoleNames[role] ?? role}. Kjenner du ikke til dette, si fra til en administrator.`,
};

const nbRoleNames: Record<string, string> = {
  saksbehandler: 'saksbehandler',
  moteleder: 'møteleder',
  leder: 'leder',
  admin: 'administrator',
};
