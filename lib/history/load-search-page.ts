import type { Actor } from '../access/access-service';
import { unitsWithHistory } from '../access/policy';
import type { Db, DbProvider } from '../db/db';
import { searchHistory, type HistorySearch, type SearchHit } from './search-history';

/** `draftMeetings`: the hits' meetings whose minutes are still a draft (issue 19), marked "Utkast" on the page. */
export type SearchPage = { hits: SearchHit[]; caseworkers: { id: string; name: string }[]; draftMeetings: string[] };

/**
 * The history search page: the hits (searchHistory applies the access rules)
 * when a valid search was asked, and the people to filter by — the members
 * of the units whose whole history the actor sees (none for a caseworker,
 * who sees only their own cases).
 */
export async function loadSearchPage(options: {
  db: Db;
  provider: DbProvider;
  actor: Actor;
  search: HistorySearch | null;
}): Promise<SearchPage> {
  const { db, actor, search } = options;
  const fullUnits = unitsWithHistory(actor.memberships, 'unit');
  const [hits, caseworkers] = await Promise.all([
    search ? searchHistory({ db, provider: options.provider, actor, search }) : Promise.resolve([]),
    fullUnits.length
      ? db.user.findMany({
          where: { memberships: { some: { unitId: { in: fullUnits } } } },
          select: { id: true, name: true },
          orderBy: { name: 'asc' },
        })
      : Promise.resolve([]),
  ]);
  const meetingIds = [...new Set(hits.map((hit) => hit.meetingId))];
  const drafts = meetingIds.length
    ? await db.meeting.findMany({ where: { id: { in: meetingIds }, minutesStatus: 'draft' }, select: { id: true } })
    : [];
  return { hits, caseworkers, draftMeetings: drafts.map((m) => m.id) };
}
