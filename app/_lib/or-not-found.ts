import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors/app-error';

/**
 * Pages answer "not found" both for an id that is malformed or missing and for
 * one the user may not see, so a page never tells which.
 */
export function idOrNotFound(id: string): string {
  if (!/^[a-z0-9]{8,40}$/.test(id)) notFound();
  return id;
}

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}
