import type { AuditRow } from '../audit/list-audit-events';
import type { AuditAction } from '../audit/record-audit-event';
import { formatDate, formatDateTime, formatNumber, formatTimestamp } from './format';
import { nb } from './nb';
import { versionFieldLabel } from './nb-versions';

/**
 * The audit log in words a leader reads: what each action means, where a
 * case was read, and what an entry's context (`detail`) says — never JSON.
 * The one place these words live; the page and the CSV export both use it.
 */

/** Every action, in Norwegian (typed by `AuditAction`, so a new action without words does not compile). */
export const auditActionLabels: Record<AuditAction, string> = {
  'auth.login': 'Logget inn',
  'auth.login_failed': 'Mislykket innlogging',
  'auth.logout': 'Logget ut',
  'case.read': 'Leste saken',
  'case.open_realtime': 'Åpnet saksskjemaet',
  'case.create': 'Opprettet saken',
  'case.update': 'Endret saken',
  'case.submit': 'Meldte inn saken',
  'case.withdraw': 'Trakk saken',
  'case.delete_draft': 'Slettet utkastet',
  'case.accept_late': 'Tok inn saken etter fristen',
  'case.ask_missing': 'Ba saksbehandleren fylle ut det som manglet',
  'meeting.read': 'Leste møtet',
  'meeting.open_realtime': 'Åpnet møterommet',
  'meeting.join': 'Deltok i møtet',
  'meeting.set_current': 'Satte aktuelt punkt i møtet',
  'meeting.set_referent': 'Valgte referent for møtet',
  'meeting.close': 'Avsluttet møtet',
  'item.lock': 'Låste punktet',
  'item.unlock': 'Låste opp punktet',
  'item.update': 'Endret punktet',
  'item.declare_recusal': 'Erklærte seg inhabil for punktet',
  'item.withdraw_recusal': 'Trakk tilbake inhabilitet for punktet',
  'item.set_acting_chair': 'Satte møteleder for punktet',
  'agenda.reorder': 'Endret rekkefølgen på sakslisten',
  'agenda.add_item': 'La til punkt på sakslisten',
  'agenda.a_list': 'Flyttet punkt til eller fra A-listen',
  'item.a_list_conclude': 'Tok A-listen til orientering',
  'access.denied': 'Ble nektet tilgang',
  'follow_up.complete': 'Markerte oppfølgingen som utført',
  'follow_up.reopen': 'Åpnet oppfølgingen igjen',
  'case.start_revision': 'Startet revurdering',
  'unit.create': 'Opprettet enheten',
  'unit.rename': 'Endret navn på enheten',
  'member.add': 'La til medlem',
  'member.role_change': 'Endret rolle',
  'member.remove': 'Fjernet medlem',
  'user.deactivate': 'Deaktiverte kontoen',
  'user.activate': 'Aktiverte kontoen',
  'user.password_set': 'Satte passord',
  'user.password_change': 'Byttet eget passord',
  'user.oidc_link': 'Koblet til kommunens innlogging',
  'user.rename': 'Endret navnet på kontoen',
  'user.email_change': 'Endret e-postadressen på kontoen',
  'user.oidc_unlink': 'Fjernet koblingen til kommunens innlogging',
  'user.system_admin_grant': 'Gjorde kontoen til systemadministrator',
  'user.system_admin_revoke': 'Tok bort systemadministratorrollen',
  'case.anonymised': 'Anonymiserte saken (sletting etter frist)',
  'person.export': 'Eksporterte innsyn for en personreferanse',
  'series.create': 'Opprettet møteserie',
  'series.end': 'Avsluttet møteserie',
  'meeting.create': 'La til ekstramøte',
  'meeting.move': 'Flyttet møtet',
  'meeting.cancel': 'Avlyste møtet',
  'calendar.rotate': 'Byttet kalenderlenke',
  'meeting_free.add': 'Markerte dager uten møter',
  'meeting_free.remove': 'Fjernet dager uten møter',
  'case.national_id_override': 'Bekreftet at et tall i saken ikke er et fødselsnummer',
  'version.restore': 'Gjenopprettet en tidligere versjon',
  'case.mark_documented': 'Markerte saken som dokumentert i fagsystemet',
  'case.changed_after_documented': 'Referatet ble rettet etter at saken var dokumentert i fagsystemet',
  'minutes.comment': 'Kommenterte utkastet til referat',
  'minutes.edit': 'Rettet teksten i utkastet til referat',
  'minutes.approve': 'Godkjente referatet',
  'minutes.remind': 'Påminnelse: referatet er ikke godkjent',
  'unit.minutes_period': 'Endret fristen for å godkjenne referater',
  'leader_case.create': 'Opprettet en sak på tjeneste- eller politisk nivå',
  'leader_case.read': 'Åpnet en sak på tjeneste- eller politisk nivå',
  'leader_case.update': 'Endret en sak på tjeneste- eller politisk nivå',
  'leader_case.attach_evidence': 'La ved tall fra enhetens egen historikk',
  'leader_case.download': 'Lastet ned saksframlegget',
  'leader_case.put_on_meeting': 'Satte en sak på tjeneste- eller politisk nivå på et ledermøte',
};

/** Where a case was read (`view`, older entries `via`, of `case.read`; lib/history/log-case-reads.ts). */
export const caseReadViews: Record<string, string> = {
  agenda: 'Leste saken på sakslisten',
  meeting_room: 'Leste saken i møterommet',
  minutes: 'Leste saken i referatet',
  queue: 'Så saken i sakskøen',
  api_list: 'Hentet saken i saksoversikten gjennom API-et',
  follow_ups: 'Så saken i oppfølgingsoversikten',
  notices: 'Så saken i en beskjed',
  search: 'Så saken i søketreff',
  similar: 'Så saken blant lignende saker',
  consistency: 'Så saken i likebehandlingsoversikten',
  timeline: 'Leste saken i tidslinjen',
  innsyn: 'Leste saken i en innsynseksport',
  audit_log: 'Så saken i tilgangsloggen',
  audit_csv: 'Så saken i en eksport av tilgangsloggen',
  versions: 'Leste versjonshistorikken',
  hand_off: 'Leste overføringen til fagsystemet',
  undocumented: 'Så saken blant sakene som ikke er dokumentert i fagsystemet',
  reassessment_proposal: 'Så saken foreslått til revurdering på sakslisten',
};

/** `case.read` from the case page or `GET /api/cases/:id` (`channel`). */
const caseReadChannels: Record<string, string> = {
  page: 'Åpnet saken',
  api: 'Hentet saken gjennom API-et',
};

export const auditEntityTypes: Record<string, string> = {
  follow_up: 'Oppfølging',
  case: 'Sak',
  meeting: 'Møte',
  item: 'Punkt',
  user: 'Bruker',
  unit: 'Enhet',
  document: 'Dokument',
  leader_case: 'Ledersak',
};

export const auditWords = {
  anonymised: 'anonymisert',
  system: 'System',
  unknownUser: 'Ukjent bruker',
  meetingOn: (when: string) => `Møte ${when}`,
};

export type AuditDetail = Record<string, unknown>;

/** The stored `detail` (a small JSON object), or null when there is none or it cannot be read. */
export function parseAuditDetail(detail: string | null): AuditDetail | null {
  if (!detail) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as AuditDetail) : null;
  } catch {
    return null;
  }
}

/** "Leste saken i møterommet", "Endret saken", …: the action, and for a read, where it happened. */
export function describeAuditAction(action: string, detail: AuditDetail | null): string {
  if (action === 'case.read') {
    const view = text(detail?.view) ?? text(detail?.via);
    if (view) return caseReadViews[view] ?? auditActionLabels['case.read'];
    const channel = text(detail?.channel);
    if (channel) return caseReadChannels[channel] ?? auditActionLabels['case.read'];
  }
  if (action === 'meeting.read' && detail?.view === 'minutes') return 'Leste referatet';
  if ((action === 'case.update' || action === 'item.update') && detail?.channel === 'realtime') {
    return `${auditActionLabels[action]} i skjemaet`;
  }
  if (action === 'case.update' && detail?.channel === 'api') return 'Endret saken gjennom API-et';
  // A lock made by the A-list's one step (lib/meetings/a-list.ts): found as the item's lock, named as such.
  if (action === 'item.lock' && detail?.aList === true) return 'Låste punktet (A-listen tatt til orientering samlet)';
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}

/** What an entry's context says, in words ("bare lesetilgang", "versjon 2, etter fristen"); empty when nothing. */
export function describeAuditDetail(action: string, detail: AuditDetail | null): string {
  if (!detail) return '';
  const parts: string[] = [];
  const said = new Set(['view', 'via', 'channel', 'meetingId', 'itemId', 'seriesId', 'revises']);
  const roleName = (role: unknown) => nb.roles[String(role)]?.toLowerCase() ?? String(role);
  const when = (iso: unknown) => {
    const date = new Date(String(iso));
    return Number.isNaN(date.getTime()) ? String(iso) : formatDateTime(date);
  };
  const take = (key: string, words: (value: unknown) => string | null) => {
    said.add(key);
    if (detail[key] === undefined) return;
    const phrase = words(detail[key]);
    if (phrase) parts.push(phrase);
  };
  if (action === 'meeting.move') {
    take('from', (v) => `fra ${when(v)}`);
    take('to', (v) => `til ${when(v)}`);
  } else if (action.startsWith('meeting_free.')) {
    take('from', (v) => `fra ${formatDate(String(v))}`);
    take('to', (v) => `til ${formatDate(String(v))}`);
  } else {
    take('from', (v) => `fra ${roleName(v)}`);
    take('to', (v) => `til ${roleName(v)}`);
  }
  // A view these words do not know (a newer door) is named as it is, so the entry still says where.
  for (const key of ['view', 'via']) {
    const view = text(detail[key]);
    if (view && action === 'case.read' && !caseReadViews[view]) parts.push(`visning: ${view}`);
  }
  take('role', (v) => `rolle: ${roleName(v)}`);
  take('readOnly', (v) => (v ? 'bare lesetilgang' : 'med redigeringstilgang'));
  take('updates', (v) => `${formatNumber(Number(v), 0)} endringer`);
  take('fields', (v) => `${formatNumber(Number(v), 0)} felt`);
  // Attribution (issue 17): the fields an editing session or a restore touched, by their labels, and when.
  const kind = action.startsWith('item.') ? 'item' : 'case';
  take('touched', (v) =>
    text(v)
      ? `felt: ${String(v)
          .split(',')
          .map((field) => versionFieldLabel(kind, field))
          .join(', ')}`
      : null,
  );
  take('firstEdit', (v) => (detail.lastEdit && detail.lastEdit !== v ? `fra ${when(v)}` : null));
  take('lastEdit', (v) => `skrevet ${when(v)}`);
  take('restoredFrom', (v) => (String(v).startsWith('case-version:') ? 'fra en innmeldt versjon' : 'fra en tidligere versjon'));
  take('version', (v) => `versjon ${formatNumber(Number(v), 0)}`);
  take('late', (v) => (v ? 'etter fristen' : null));
  take('ownOnly', (v) => (v ? 'bare egne saker' : null));
  take('newAccount', (v) => (v ? 'ny konto' : null));
  take('withPassword', (v) => (v ? 'med passord' : null));
  // Issue 16: who acted on an account, and the creator's own membership of a new unit.
  take('as', (v) => (v === 'system_admin' ? 'som systemadministrator' : 'som enhetens administrator'));
  take('creator', (v) => (v ? 'den som opprettet enheten' : null));
  take('provider', (v) => (v === 'oidc' ? 'gjennom kommunens innlogging' : String(v)));
  // Issue 19: a revurdering draft the re-assessment date prepared (no one made it), for its caseworker.
  take('by', (v) => (v === 'reassessment_date' ? 'laget fra revurderingsdatoen' : String(v)));
  take('for', () => 'til sakens saksbehandler');
  take('items', (v) => `${formatNumber(Number(v), 0)} punkter`);
  take('carriedOver', (v) => `${formatNumber(Number(v), 0)} flyttet til neste møte`);
  take('plannedMinutes', (v) => `${formatNumber(Number(v), 0)} minutter planlagt`);
  take('movedTo', (v) => (v ? 'sakene flyttet til neste møte' : 'ingen møte å flytte sakene til'));
  take('reason', (v) => (v === 'retention' ? 'slettefristen er nådd' : String(v)));
  take('months', (v) => `${formatNumber(Number(v), 0)} måneder etter siste konklusjon`);
  take('cases', (v) => `${formatNumber(Number(v), 0)} saker`);
  // The A-list's step and an unlock (lib/meetings/a-list.ts, run-meeting.ts).
  take('aList', () => null);
  take('count', (v) =>
    action === 'item.lock' || action === 'item.a_list_conclude' ? `${formatNumber(Number(v), 0)} punkter samlet` : String(v),
  );
  take('deviationReasonCleared', (v) => (v ? 'begrunnelsen for avvik fra lignende saker er fjernet' : null));
  take('aListConcludedCleared', (v) => (v ? 'ikke lenger tatt til orientering samlet' : null));
  // A key these words do not know yet (a newer kind of entry) is still shown, as it is, rather than hidden.
  for (const [key, value] of Object.entries(detail)) {
    if (!said.has(key) && value !== undefined && value !== '') parts.push(`${key}: ${String(value)}`);
  }
  return parts.join(', ');
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** One entry in words, as the page shows it and the CSV export writes it. */
export type AuditRowWords = {
  /** "torsdag 3. desember kl. 10:04" (the page); `exactAt` has the year and seconds (the CSV, and the page's tooltip). */
  at: string;
  exactAt: string;
  actor: string;
  action: string;
  /** What the entry is about: "Sak", "Møte torsdag 3. desember kl. 10:00", "Bruker Lars Leder", … */
  subject: string;
  /** The case's title (or an item's own), "anonymisert" once retention removed it, "" when not about a case. */
  caseTitle: string;
  personRef: string;
  detail: string;
};

export function auditRowWords(row: AuditRow): AuditRowWords {
  const detail = parseAuditDetail(row.detail);
  const type = auditEntityTypes[row.entityType] ?? row.entityType;
  let subject = type;
  if (row.entityType === 'meeting' && row.meetingStartsAt) subject = auditWords.meetingOn(formatDateTime(row.meetingStartsAt));
  else if ((row.entityType === 'user' || row.entityType === 'unit') && row.entityName) subject = `${type} ${row.entityName}`;
  return {
    at: formatDateTime(row.at),
    exactAt: formatTimestamp(row.at),
    actor: row.actor ?? (row.actorId ? auditWords.unknownUser : auditWords.system),
    action: describeAuditAction(row.action, detail),
    subject,
    caseTitle: row.anonymised ? auditWords.anonymised : (row.caseTitle ?? row.itemTitle ?? ''),
    personRef: row.anonymised ? auditWords.anonymised : (row.personRef ?? ''),
    detail: describeAuditDetail(row.action, detail),
  };
}
