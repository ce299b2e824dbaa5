import { z } from 'zod';
import { containsNationalId } from '../privacy/national-id';

export const meetingIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/);

/** Free text in the minutes (a comment, an item's notes or conclusion): never a national identity number. */
export function minutesText(max: number, tooLong: string) {
  return z
    .string()
    .max(max, tooLong)
    .refine((text) => !containsNationalId(text), 'national_id');
}
