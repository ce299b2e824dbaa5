/**
 * The words of the error pages the server itself answers, before a page is
 * rendered (server/http/error-page.ts): an address that cannot be read, or a
 * form post that is too large. The app's name and the way home come from nb.ts.
 */
export const nbHttp = {
  badRequest: {
    heading: 'Adressen kan ikke leses.',
    text: 'Lenken er ødelagt eller ufullstendig. Gå til oversikten og finn siden derfra.',
  },
  uriTooLong: {
    heading: 'Adressen er for lang.',
    text: 'Lenken er ødelagt eller ufullstendig. Gå til oversikten og finn siden derfra.',
  },
  tooLarge: {
    heading: 'Det du sendte er for stort.',
    text: (limit: string) => `Et skjema kan være på høyst ${limit}. Gjør innholdet kortere, og prøv igjen.`,
  },
  lengthRequired: {
    heading: 'Skjemaet kunne ikke tas imot.',
    text: 'Nettleseren sa ikke hvor stort skjemaet var. Last siden på nytt, og prøv igjen.',
  },
};
