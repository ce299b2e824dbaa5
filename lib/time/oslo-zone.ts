/**
 * The one time zone of the product: meetings, deadlines, due dates and every
 * date shown are Oslo wall-clock time. Import this name instead of writing the
 * zone out. A module of its own, with no imports, because the formatters that
 * use it are bundled for the browser too (no date library there).
 */
export const osloZone = 'Europe/Oslo';
