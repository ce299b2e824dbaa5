/**
 * The one time zone of the product: meetings, deadlines and every date shown
 * are Oslo wall-clock time. Import this name instead of writing the zone out.
 */
export const osloZone = 'Europe/Oslo';
