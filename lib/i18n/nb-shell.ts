/** Words of the page frame: header, small-screen menu, footer, confirmation dialogs. */
export const nbShell = {
  menu: 'Meny',
  closeMenu: 'Lukk menyen',
  footerLabel: 'Om tjenesten',
  accessibilityLink: 'Tilgjengelighetserklæring',
  logoAlt: (name: string) => `${name} – til forsiden`,
  confirm: {
    cancel: 'Avbryt',
    close: 'Lukk dialogen',
  },
};
