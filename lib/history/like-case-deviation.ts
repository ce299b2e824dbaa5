import type { Actor } from '../access/access-service';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { nb } from '../i18n/nb';
import { similarCases, type SimilarCase } from './similar-cases';
import { likeCaseThreshold } from './similarity';

/**
 * "Like cases alike, or why not" (DOMAIN.md): the top match of the
 * similar-earlier-decisions panel, when it is a like case (at or above
 * likeCaseThreshold) and its outcome differs from the one being locked.
 * Computed on the server at the lock, from what the locker's panel shows.
 */
export async function likeCaseDeviation(options: {
  db: Db;
  actor: Actor;
  caseId: string | null;
  outcome: string | null | undefined;
  now?: Date;
}): Promise<SimilarCase | null> {
  // Postponing decides nothing, so there is nothing to treat alike yet.
  if (!options.caseId || !options.outcome || options.outcome === 'utsatt') return null;
  const [top] = await similarCases({ db: options.db, actor: options.actor, caseId: options.caseId, count: 1, now: options.now });
  if (!top || top.score < likeCaseThreshold || !top.outcome || top.outcome === options.outcome) return null;
  return top;
}

/**
 * The reason to keep with the lock: null when the outcome follows the like
 * case (or there is none); the trimmed reason when it departs; refused with
 * `deviation_reason_required` (the message says which case and outcome) when
 * it departs and no reason was given.
 */
export async function requireDeviationReason(options: {
  db: Db;
  actor: Actor;
  caseId: string | null;
  outcome: string | null | undefined;
  reason: string | undefined;
  now?: Date;
}): Promise<string | null> {
  const deviation = await likeCaseDeviation(options);
  if (!deviation) return null;
  const reason = options.reason?.trim() ?? '';
  if (reason.length < 3) {
    const message = nb.recusal.deviationAsk(
      deviation.title,
      nb.meetingRoom.outcomes[deviation.outcome as keyof typeof nb.meetingRoom.outcomes] ?? '',
    );
    throw new AppError('invalid_input', message, { deviation_reason_required: 'deviation_reason_required' });
  }
  return reason;
}
