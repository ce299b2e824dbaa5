import type { Db } from '../../lib/db/db';
import { migrateLegacyFollowUps } from '../../lib/meetings/item-content';
import { documentName } from '../../lib/realtime/document-name';
import { alone, type RunExclusive } from '../cluster/run-exclusive';
import type { Logger } from '../logger';
import { apiOrigin } from '../realtime/yjs/case-content-store';
import type { DocumentRegistry } from '../realtime/yjs/document-registry';

/**
 * Moves the follow-ups of agenda items still in play (meetings planned or
 * open) from one plain list to rows (lib/meetings/item-content.ts,
 * migrateLegacyFollowUps), before the server takes connections. A closed
 * meeting's items are frozen into rows of the database and are not read from
 * their documents again. Idempotent: a migrated document has no list left,
 * so later starts only read. On several nodes one runs it (a second start
 * meanwhile serves documents not yet migrated; their readers read the list as
 * it was).
 */
export async function migrateItemDocuments(deps: {
  db: Db;
  registry: DocumentRegistry;
  log: Logger;
  exclusive?: RunExclusive;
}): Promise<number> {
  const exclusive = deps.exclusive ?? alone;
  const migrated = await exclusive('migrate-item-follow-ups', async () => {
    const items = await deps.db.agendaItem.findMany({
      where: { meeting: { status: { in: ['planned', 'open'] } } },
      select: { id: true },
    });
    let count = 0;
    for (const { id } of items) {
      const changed = await deps.registry.use(documentName('item', id), async (shared) => {
        if (!migrateLegacyFollowUps(shared.doc, apiOrigin)) return false;
        if (!(await shared.persistence.flush())) throw new Error(`item ${id}: the migrated follow-ups could not be written`);
        return true;
      });
      if (changed) count++;
    }
    return count;
  });
  if (migrated) deps.log.info({ migrated }, 'agenda items: follow-ups moved to rows');
  return migrated ?? 0;
}
