import { notFound } from 'next/navigation';
import { isAppError, type AppErrorCode } from '@/lib/errors/app-error';

/**
 * Pages answer "not found" both for an id that is malformed or missing and for
 * one the user may not see, so a page never tells which.
 */
export function idOrNotFound(id: string): string {
  if (!/^[a-z0-9]{8,40}$/.test(id)) notFound();
  return id;
}

/** The refusals a page shows as "not found": what is hidden from the user looks like what does not exist. */
const hiddenAsMissing: readonly AppErrorCode[] = ['not_found', 'forbidden'];

/**
 * A page's or action's load: hidden or missing is 404. Every other error goes
 * on, and the page answers the status of the one error mapping
 * (lib/errors/error-mapping.ts, through instrumentation.ts): the database
 * away is 503, a conflict 409, a bad field 400 — never a 404 that would say
 * the thing is gone.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error) && hiddenAsMissing.includes(error.code)) notFound();
    throw error;
  }
}
