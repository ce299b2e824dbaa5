import { formatDate, formatDateTime } from './format';

/** Minutes people approve (issue 19): the draft, comments, the chair's edits and approval, the PDF's marks. */
export const nbMinutes = {
  draftBadge: 'Utkast',
  draftTitle: 'Referatet er ikke godkjent ennå',
  /** After the badge "Utkast": says what the draft means, without repeating the word. */
  draftNotice: (until: string | null) =>
    until
      ? `Referatet er ikke godkjent ennå. Deltakerne kan kommentere til og med ${formatDate(until)}; møtelederen eller referenten godkjenner det.`
      : 'Referatet er ikke godkjent ennå.',
  /** A closed meeting's minutes in no known state (closed before approval existed, and not migrated): final as closed. */
  frozenAtClose: (closedAt: Date | null) =>
    closedAt ? `Referatet ble låst da møtet ble avsluttet ${formatDate(closedAt)}.` : 'Referatet ble låst da møtet ble avsluttet.',
  noReferent: 'ikke oppnevnt',
  draftPeriodEnded: 'Fristen for kommentarer er ute, men referatet er ikke godkjent ennå.',
  approved: (when: Date, name: string | null) => `Godkjent ${formatDate(when)}${name ? ` av ${name}` : ''}`,
  pdfDraft: 'Utkast – ikke godkjent',
  pdfPage: (page: number, pages: number) => `Side ${page} av ${pages}`,
  place: 'Møtested',
  commentsHeading: 'Kommentarer til utkastet',
  noComments: 'Ingen kommentarer ennå.',
  commentBy: (name: string, when: Date) => `${name}, ${formatDateTime(when)}`,
  commentLabel: 'Din kommentar',
  commentHint: 'Hva bør rettes i referatet? Ikke skriv fødselsnummer.',
  commentSubmit: 'Send kommentar',
  commentSaved: 'Kommentaren er sendt.',
  editHeading: 'Rett teksten i referatet',
  editFor: (title: string) => `Rett teksten for «${title}»`,
  notesLabel: 'Notater',
  conclusionLabel: 'Konklusjon',
  editSave: 'Lagre teksten',
  editSaved: 'Teksten er lagret.',
  approveHeading: 'Godkjenn referatet',
  approveIntro: 'Når referatet er godkjent, kan det ikke lenger kommenteres eller rettes.',
  approveSubmit: 'Godkjenn referatet',
  approveConfirm: 'Godkjenne referatet? Etter det kan ingen rette eller kommentere det.',
  reminder: (meetingDate: string) =>
    `Referatet fra møtet ${meetingDate} er ikke godkjent, og fristen for kommentarer er ute. Se over kommentarene og godkjenn det.`,
  periodHeading: 'Godkjenning av referater',
  periodLabel: 'Frist for å godkjenne referater (virkedager etter møtet)',
  periodHint: 'Så mange virkedager er referatet et utkast som deltakerne kan kommentere, før møtelederen blir minnet på å godkjenne det.',
  periodSave: 'Lagre fristen',
  periodSaved: 'Fristen er lagret.',
  errors: {
    comment_required: 'Skriv en kommentar (minst tre tegn).',
    comment_too_long: 'Kommentaren kan være høyst 2000 tegn.',
    text_too_long: 'Teksten kan være høyst 20 000 tegn.',
    national_id: 'Teksten ser ut til å inneholde et fødselsnummer eller D-nummer. Fjern det.',
    minutes_approved: 'Referatet er godkjent og kan ikke lenger endres eller kommenteres.',
    minutes_changed: 'Noen andre har lagret en endring i denne teksten mens du skrev. Kopier det du har skrevet, og last siden på nytt.',
    forbidden: 'Du kan ikke gjøre dette i referatet.',
    days_range: 'Skriv et helt tall fra 1 til 20.',
    generic: 'Det gikk ikke å lagre. Prøv igjen.',
  } as Record<string, string>,
};
