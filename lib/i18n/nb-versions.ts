import { nbCases } from './nb-cases';
import { nbMeeting } from './nb-meeting';

/** The version history of a case or an agenda item (issue 17): list, comparison, restore. */
export const nbVersions = {
  title: 'Versjonshistorikk',
  link: 'Versjonshistorikk',
  linkFor: (what: string) => `Versjonshistorikk for ${what}`,
  backToCase: 'Tilbake til saken',
  backToMeeting: 'Tilbake til møtet',
  intro:
    'En versjon lagres når saken meldes inn, når et punkt låses, når møtet avsluttes og når noen gjenoppretter en versjon. For hver versjon ser du hvilke felt som er endret siden versjonen før, og hvem som skrev i dem.',
  granularity: 'Hvem som endret hva, vises per felt – ikke per ord.',
  listHeading: 'Versjoner',
  none: 'Ingen versjoner ennå. Den første lagres når saken meldes inn eller punktet låses.',
  columns: { when: 'Tidspunkt', kind: 'Hendelse', by: 'Av', changes: 'Endret siden versjonen før', actions: 'Handling' },
  kinds: {
    submitted: 'Meldt inn',
    locked: 'Punktet låst',
    meeting_closed: 'Møtet avsluttet',
    restored: 'Gjenopprettet',
    minutes_edited: 'Rettet i utkastet til referat',
  } as Record<string, string>,
  noChanges: 'Ingen endringer',
  editedBy: (people: string) => `skrevet av ${people}`,
  unknownPerson: 'ukjent',
  editingNowHeading: 'Endret etter siste versjon',
  editingNowIntro: 'Disse feltene er endret etter den nyeste versjonen:',
  restore: 'Gjenopprett',
  restoreLabel: (when: string) => `Gjenopprett versjonen fra ${when}`,
  restoreHint:
    'Gjenopprett legger versjonens innhold inn i dokumentet som en ny endring. Alle som har dokumentet åpent, ser det med en gang, og en ny versjon lagres.',
  readOnly: 'Du kan ikke gjenopprette her: dokumentet er skrivebeskyttet for deg (for eksempel låst eller møtet er i gang).',
  restored: 'Versjonen er gjenopprettet. Innholdet er lagt inn i dokumentet som en ny endring.',
  compareHeading: 'Sammenlign to versjoner',
  from: 'Fra versjon',
  to: 'Til versjon',
  compare: 'Sammenlign',
  compareNeedsTwo: 'Det trengs minst to versjoner for å sammenligne.',
  diffHeading: (from: string, to: string) => `Endringer fra ${from} til ${to}`,
  sameVersions: 'Versjonene er like.',
  before: 'Før',
  after: 'Etter',
  deletedStart: '[slettet: ',
  insertedStart: '[lagt til: ',
  markEnd: ']',
  empty: '(tomt)',
  versionOption: (kind: string, when: string) => `${kind} – ${when}`,
  itemFields: {
    notes: nbMeeting.notes,
    conclusion: nbMeeting.conclusion,
    dissent: nbMeeting.dissent,
    assessmentNote: nbMeeting.assessmentNote,
    outcome: nbMeeting.outcome,
    referredTo: nbMeeting.referredTo,
    reassessmentDate: nbMeeting.reassessmentDate,
    epjDocumentation: nbMeeting.epjDocumentation,
    epjResponsibleId: nbMeeting.epjResponsible,
    alvorlighetLevel: `${nbCases.fields.alvorlighet} (${nbCases.criterionParts.Level})`,
    nytteLevel: `${nbCases.fields.nytte} (${nbCases.criterionParts.Level})`,
    ressursLevel: `${nbCases.fields.ressurs} (${nbCases.criterionParts.Level})`,
    followUps: nbMeeting.followUps,
  } as Record<string, string>,
};

/** A field's name in a version history, for a case form or an agenda item. */
export function versionFieldLabel(kind: 'case' | 'item', field: string): string {
  if (kind === 'item') return nbVersions.itemFields[field] ?? field;
  const labels = nbCases.fields as Record<string, unknown>;
  // The form labels the alternatives' checkboxes by their legend; the stored field is plain 'alternatives'.
  const label = labels[field === 'alternatives' ? 'alternativesLegend' : field];
  if (typeof label === 'string') return label;
  const [, criterion, part] = /^(.*?)(Reasons|Level|Factors)$/.exec(field) ?? [];
  const name = criterion ? labels[criterion] : undefined;
  return typeof name === 'string' ? `${name} (${nbCases.criterionParts[part]})` : field;
}
