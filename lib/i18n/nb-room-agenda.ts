/**
 * Norwegian text for the agenda's A-list, readiness in the room, the chair's
 * asks and the room's live announcements (issue 18; re-exported from nb.ts
 * as `nb.roomAgenda`).
 */
export const nbRoomAgenda = {
  aListTitle: 'A-liste – til orientering uten drøfting',
  aListIntro: 'Punktene leses, men drøftes ikke, og tas til orientering samlet.',
  aListEmpty: 'Ingen punkter på A-listen.',
  /** A-list items are numbered apart: A1, A2 … */
  aListNumber: (n: number) => `A${n}`,
  /** An item's number wherever it is listed (lib/meetings/item-state.ts, agendaPlaces). */
  placeLabel: (place: { aList: boolean; n: number }) => (place.aList ? `A${place.n}` : String(place.n)),
  /** A closed meeting's item a caseworker may not see (not her case): listed without what it was about. */
  withheldTitle: 'Punkt du ikke har innsyn i',
  withheldBody: 'Etter møtet ser du bare punktene om dine egne saker. Nummer, formål, tid og status er de samme som alle ser.',
  toAList: 'Flytt til A-listen',
  toAListFor: (title: string) => `Flytt til A-listen: ${title}`,
  offAList: 'Flytt fra A-listen',
  offAListFor: (title: string) => `Flytt fra A-listen: ${title}`,
  onAList: 'A-liste',
  concludeAList: 'Ta A-listen til orientering',
  concludeAListTitle: 'Ta A-listen til orientering?',
  concludeAListBody: (n: number) =>
    n === 1
      ? 'Ett punkt på A-listen låses med utfallet «Tatt til orientering».'
      : `${n} punkter på A-listen låses med utfallet «Tatt til orientering».`,
  concludeAListConfirm: 'Ja, ta til orientering',
  aListConcluded: 'A-listen er tatt til orientering.',
  /** In the minutes: the A-list items, concluded together in one step. */
  aListConcludedTogether: 'Tatt til orientering samlet (A-listen)',
  problems: {
    a_list_empty: 'Det er ingen åpne punkter på A-listen.',
    meeting_not_open: 'Møtet er ikke åpnet ennå. Gjør et punkt til aktuelt punkt først.',
    a_list_item_incomplete: 'Et punkt på A-listen kan ikke låses ennå. Åpne punktet og se hva som mangler.',
    a_list_changed: 'A-listen ble endret samtidig (et punkt ble låst eller flyttet). Ingenting ble låst. Prøv igjen.',
  } as Record<string, string>,
  /** Issue 18: the chair's ask remembered (lib/meetings/ask-for-missing.ts). */
  askedAt: (time: string, name: string) => `Spurt ${time} av ${name}`,
  askAgainTitle: 'Spørre igjen?',
  askAgainBody: (time: string, name: string) => `${name} spurte saksbehandleren ${time}. Vil du sende en ny beskjed?`,
  askAgainConfirm: 'Ja, send ny beskjed',
  /** The room's status region (app/moter/[id]/rom/live-announcer.tsx). */
  announceCurrent: (title: string) => `Aktuelt punkt er nå: ${title}.`,
  announceConnection: {
    connected: 'Tilkoblet møterommet.',
    disconnected: 'Frakoblet møterommet. Prøver å koble til igjen …',
  } as Record<string, string>,
} as const;
