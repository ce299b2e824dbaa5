/** The zone lives with the clock (lib/time/oslo.ts); re-exported for the formatters. */
export { osloZone } from '../time/oslo';
