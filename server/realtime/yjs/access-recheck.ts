import { documentAccess, loadActor } from '../../../lib/access/access-service';
import type { Db } from '../../../lib/db/db';
import { closeCodeFor } from '../../../lib/errors/error-mapping';
import type { DocumentRef } from '../../../lib/realtime/document-name';
import type { Logger } from '../../logger';
import { closeCodes } from '../close-codes';

export type CloseReason = { code: number; reason: string };

/**
 * How to close an open Yjs connection whose access changed under it: the
 * user's roles changed, or a rule that depends on time now answers otherwise
 * (the case's meeting has started). Closing
 * with "access changed" (4100) alone would make a person who lost access
 * reconnect, be refused the upgrade with a 403 that the stock client cannot
 * tell from a network failure, and retry for as long as the page is open.
 * So the server checks first: no access left → 4403, which the client takes
 * as final; some access left → 4100, reconnect and come back at the new
 * level; the database not answering → 4503, try again later.
 */
export async function closeAfterAccessChange(options: { db: Db; log: Logger; userId: string; ref: DocumentRef }): Promise<CloseReason> {
  const { db, log, userId, ref } = options;
  try {
    const actor = await loadActor(db, userId);
    if (!actor) return { code: closeCodeFor('unauthenticated'), reason: 'session ended' };
    const access = await documentAccess(db, actor, ref);
    if (access.level === 'none') return { code: closeCodeFor('forbidden'), reason: 'access revoked' };
    return { code: closeCodes.accessChanged, reason: 'access changed' };
  } catch (error) {
    log.warn({ doc: ref.name, userId, err: (error as Error).message }, 'yjs: could not check access again');
    return { code: closeCodeFor('unavailable'), reason: 'access check unavailable' };
  }
}
