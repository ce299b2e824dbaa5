/** The words of a unit's calendar feed (an ICS subscription in Outlook and the like). */
export const nbCalendar = {
  name: (unit: string) => `Saksmøter – ${unit}`,
  product: 'Saksmøter',
  meeting: 'Saksmøte',
  summary: (meeting: string, unit: string) => `${meeting} – ${unit}`,
  // "Møterommet i Samlet" is the live page, not the physical room (that is the event's location, "Møtested").
  description: (deadline: string, room: string) => `Frist for innmelding av saker: ${deadline}.\nMøterommet i Samlet: ${room}`,
  linkNotFound: 'Kalenderlenken virker ikke lenger. Be en administrator i enheten om den nye lenken.',
};
