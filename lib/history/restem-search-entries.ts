import type { Db } from '../db/db';
import { stemText } from './norwegian-stems';

const batch = 200;

/**
 * Fills the stems of search entries that have none — those written before the
 * stems existed (migration 20261201220000_search_stems), or by a writer that
 * left them out — so SQLite's FTS5 index (which its update trigger keeps in
 * step) finds them. The server runs it at start after the migrations; it is
 * cheap when there is nothing to do. Returns how many entries it stemmed.
 */
export async function restemSearchEntries(db: Db): Promise<number> {
  let count = 0;
  for (;;) {
    const rows = await db.searchEntry.findMany({
      where: { OR: [{ titleStems: null }, { bodyStems: null }] },
      select: { id: true, title: true, body: true },
      orderBy: { id: 'asc' },
      take: batch,
    });
    if (rows.length === 0) return count;
    await db.$transaction(
      rows.map((row) =>
        db.searchEntry.update({ where: { id: row.id }, data: { titleStems: stemText(row.title), bodyStems: stemText(row.body) } }),
      ),
    );
    count += rows.length;
  }
}
