/**
 * The accessibility statement (tilgjengelighetserklæring) at /tilgjengelighet,
 * with the parts uustatus.no asks for: status, what is not yet in order and
 * why, how it was checked, feedback and the right to complain. What is
 * written as checked by hand was checked (see docs/accessibility.md); keep it
 * that way when it changes.
 */
export const nbAccessibility = {
  title: 'Tilgjengelighetserklæring',
  /** When this text was last gone through against the product (change it with the text). */
  updated: 'Erklæringen ble sist gjennomgått 2. desember 2026.',
  backToLogin: 'Til innloggingen',
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
      'Sidene er ikke testet med NVDA, JAWS eller VoiceOver, som de fleste skjermleserbrukere har. Vi har bare hørt dem med Orca på Linux (se under), og hver skjermleser leser statusmeldinger og fokus på sin egen måte.',
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
        text: 'En automatisk test går gjennom Møtehistorikk, Søk og Oppfølging bare med tastaturet, fremover med Tab og tilbake med Shift+Tab, på PC- og mobilbredde: alle lenker, felt og knapper nås i den rekkefølgen de står, fokus vises, og det som har fokus, ligger aldri under den faste toppen av siden.',
      },
      {
        name: 'Tastaturbruk i møterommet (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7 og 2.4.11)',
        text: 'En automatisk test går gjennom møterommet bare med tastaturet på PC- og nettbrettbredde, på samme måte: saksliste, innmeldt sak, notater og konklusjon nås i rekkefølge, tekstfeltene holder ikke på fokus, og fokus ligger aldri under toppen. Den samme testen lar møteleder ta opp en sak, skrive notater og konklusjon, velge utfall og låse punktet bare med tastaturet, mens en deltaker ser hvert steg i en annen nettleser. Dialogen for å avslutte møtet lukkes med Escape, og fokus går tilbake til knappen.',
      },
      {
        name: 'Tabeller på smal skjerm (WCAG 1.4.10)',
        text: 'Vi har sett på skjermbilder av historikk, oppfølging, søk, tilgangslogg, statistikk og kontoer i 390 og 1280 piksler: på mobil blir hver rad i en tabell en blokk der hver verdi står under navnet på kolonnen, uten at noe er kuttet eller må rulles sidelengs.',
      },
      {
        name: 'Opplesing med skjermleseren Orca (WCAG 1.3.1, 4.1.2 og 4.1.3)',
        text: 'I desember 2026 lot vi skjermleseren Orca 43 lese Samlet i Chromium 156 på Debian Linux, og skrev ned alt den sa: innloggingen (feltene og en feil), saksskjemaet (delene av skjemaet, skriving i et felt, feiloversikten og et felt med feil) og møterommet, der en annen deltaker var møteleder (neste sak, en konklusjon, et låst punkt, brudd i tilkoblingen). Feltene, knappene og lenkene ble lest med navn og rolle, og «Aktuelt punkt er nå …», «Konklusjonen er endret av en annen deltaker», «Punktet er låst» og «Frakoblet møterommet» ble lest når de skjedde. Dette rettet vi: lagringsstatusen («Lagrer …», «Alle endringer er lagret») ble lest opp etter hvert par ord noen skrev, og leses ikke lenger (bare brudd i tilkoblingen, og at den er tilbake); en konklusjon som ble endret igjen etter en pause, ble ikke sagt på nytt; feilmeldingen ved innlogging ble lest med siste setning først; lenkene til delene av skjemaet ble lest uten pause før hvor mye som er fylt ut. Kontrollen kan kjøres på nytt (docs/accessibility.md).',
      },
      {
        name: 'Tastaturbruk i saksskjemaet',
        text: 'En automatisk test går gjennom saksskjemaet bare med Tab-tasten: alle felt og knappen for innmelding nås, i den rekkefølgen de står, og fokus går videre ut av skjemaet.',
      },
    ],
    notDone: 'Ikke kontrollert ennå: opplesing med NVDA, JAWS og VoiceOver.',
  },
  feedback: {
    heading: 'Si fra om feil og mangler',
    text: (organisation: string) =>
      `Finner du noe som ikke fungerer for deg, kan du si fra til ${organisation} gjennom den publiserte erklæringen, eller til den som administrerer Samlet i din enhet.`,
    contact: 'E-post for tilbakemelding om universell utforming:',
  },
  complaint: {
    heading: 'Klage',
    text: 'Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til Diskrimineringsnemnda. Tilsynet for universell utforming av IKT (Uutilsynet) fører tilsyn med at kravene følges.',
  },
};
