import { z } from 'zod';
import type { AckError } from '../../../lib/realtime/meeting-socket-contract';
import { isAppError } from '../../../lib/errors/app-error';

/**
 * The acknowledgement of a refused event: the AppError's code, its message
 * when it says more than the code, and its fields. Null for anything else
 * (a bug or an outage), which the caller logs and answers as unavailable.
 */
export function ackErrorOf(error: unknown): AckError | null {
  // A command's own validation (lib/meetings) may still throw a ZodError: its input is the client's.
  if (error instanceof z.ZodError) return { ok: false, error: 'invalid_input' };
  if (!isAppError(error)) return null;
  const message = error.message !== error.code ? error.message : undefined;
  return {
    ok: false,
    error: error.code,
    ...(message ? { message } : {}),
    ...(error.fields ? { fields: error.fields } : {}),
  };
}
