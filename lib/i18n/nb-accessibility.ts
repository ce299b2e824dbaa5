/**
 * The accessibility statement (tilgjengelighetserklæring) at /tilgjengelighet,
 * with the parts uustatus.no asks for: status, what is not yet in order and
 * why, how it was checked, feedback and the right to complain. What is
 * written as checked by hand was checked (see docs/accessibility.md); keep it
 * that way when it changes.
 */
export const nbAccessibility = {
  title: 'Tilgjengelighetserklæring',
  intro: (organisation: string) =>
    `${organisation} har ansvar for at Samlet er universelt utformet. Samlet skal oppfylle kravene i WCAG 2.1 på nivå A og AA, slik forskriften om universell utforming av IKT krever, og vi følger også tilleggene i WCAG 2.2.`,
  published: {
    heading: 'Den publiserte erklæringen',
    link: 'Les erklæringen på uustatus.no',
    missing: 'Erklæringen for denne installasjonen er ikke publisert på uustatus.no ennå. Denne siden beskriver status i mellomtiden.',
  },
  status: {
    heading: 'Status',
    text: 'Samlet oppfyller de fleste kravene. Det som ikke er i orden ennå, står under.',
  },
  gaps: {
    heading: 'Dette er ikke i orden ennå',
    items: [
      'Om endringer i møterommet (neste sak, en låst konklusjon) blir lest opp av skjermleser, er ikke kontrollert ennå.',
      'Sidene er ikke testet med skjermleser (NVDA, JAWS, VoiceOver). Vi har kontrollert tilgjengelighetstreet i nettleseren, ikke hørt sidene lest opp.',
      'Tekstfeltene i skjemaet har ikke punktlister eller uthevinger. Det er et bevisst valg: teksten skal gå uendret videre som ren tekst.',
    ],
  },
  checked: {
    heading: 'Slik har vi kontrollert',
    automatic:
      'Alle sidene testes automatisk med axe (WCAG 2.0, 2.1 og 2.2, nivå A og AA) ved skjermbredder fra 360 til 1920 piksler, og testen sjekker at ingen side må rulles sidelengs.',
    manualHeading: 'Kontrollert utenom axe',
    manual: [
      {
        name: 'Tilgjengelig autentisering (WCAG 3.3.8)',
        text: 'Innloggingen ber bare om e-postadresse og passord. Feltene er merket for passordbehandlere (autocomplete), ingenting hindrer innliming, og det er ingen gåter eller tegnkoder å skrive av. Kontrollert i innloggingsskjemaet.',
      },
      {
        name: 'Overflødig inntasting (WCAG 3.3.7)',
        text: 'Saksskjemaet lagres mens du skriver, og det du har skrevet, står der når du kommer tilbake. Etter innmelding står feltene som de var, så endringer sendes inn uten å skrive alt på nytt. Kontrollert i saksskjemaet.',
      },
      {
        name: 'Tastaturbruk i historikk, søk og oppfølging (WCAG 2.1.1, 2.4.3, 2.4.7 og 2.4.11)',
        text: 'En automatisk test går gjennom Møtehistorikk, Søk og Oppfølging bare med tastaturet, fremover med Tab og tilbake med Shift+Tab, på PC- og mobilbredde: alle lenker, felt og knapper nås i den rekkefølgen de står, fokus vises (i datofeltene er det bare kontrollert for én av delene dag, måned og år), og det som har fokus, ligger aldri under den faste toppen av siden.',
      },
      {
        name: 'Tabeller på smal skjerm (WCAG 1.4.10)',
        text: 'Vi har sett på skjermbilder av historikk, oppfølging, søk, tilgangslogg, statistikk og kontoer i 390 og 1280 piksler: på mobil blir hver rad i en tabell en blokk der hver verdi står under navnet på kolonnen, uten at noe er kuttet eller må rulles sidelengs.',
      },
      {
        name: 'Tastaturbruk i saksskjemaet',
        text: 'En automatisk test går gjennom saksskjemaet bare med Tab-tasten: alle felt og knappen for innmelding nås, i den rekkefølgen de står, og fokus går videre ut av skjemaet.',
      },
    ],
    notDone: 'Ikke kontrollert ennå: opplesing med skjermleser.',
  },
  feedback: {
    heading: 'Si fra om feil og mangler',
    text: (organisation: string) =>
      `Finner du noe som ikke fungerer for deg, kan du si fra til ${organisation} gjennom den publiserte erklæringen, eller til den som administrerer Samlet i din enhet.`,
  },
  complaint: {
    heading: 'Klage',
    text: 'Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til Diskrimineringsnemnda. Tilsynet for universell utforming av IKT (Uutilsynet) fører tilsyn med at kravene følges.',
  },
};
