import type { AppErrorCode } from '../errors/app-error';

/**
 * What a person reads when a download or a calendar link answers with an
 * error instead of a file (the JSON API keeps its documented codes, docs/api.md).
 * A missing thing and a hidden one read the same, as their status does.
 */
export const nbErrors: Record<AppErrorCode | 'internal', string> = {
  unauthenticated: 'Du er ikke logget inn. Logg inn og prøv igjen.',
  forbidden: 'Du har ikke tilgang til dette.',
  not_found: 'Vi fant ikke det du ba om, eller du har ikke tilgang til det.',
  invalid_input: 'Lenken eller skjemaet kan ikke brukes slik. Sjekk det du har valgt, og prøv igjen.',
  conflict: 'Saken eller møtet er endret i mellomtiden. Last siden på nytt, og prøv igjen.',
  rate_limited: 'Du har sendt mange forespørsler på kort tid. Vent litt, og prøv igjen.',
  unavailable: 'Samlet får ikke hentet dette akkurat nå. Prøv igjen om litt.',
  internal: 'Noe gikk galt hos oss. Prøv igjen, eller kontakt brukerstøtte hvis feilen vedvarer.',
};
