/** The words of a unit's calendar feed (an ICS subscription in Outlook and the like). */
export const nbCalendar = {
  name: (unit: string) => `Saksmøter – ${unit}`,
  product: 'Saksmøter',
  meeting: 'Saksmøte',
  summary: (meeting: string, unit: string) => `${meeting} – ${unit}`,
  description: (deadline: string, room: string) => `Frist for innmelding av saker: ${deadline}.\nMøterommet: ${room}`,
};
