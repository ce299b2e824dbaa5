/**
 * Runs a query over many ids in slices. SQLite takes at most 32,766 bound
 * parameters per statement (PostgreSQL 65,535), and Prisma binds each id of
 * an `in` list: a unit's whole history in one list fails with P2029 (the
 * chair's saksliste did, with 100,000 past cases). Slices run one after the
 * other, so a large history does not take every pooled connection at once.
 */
export const idsPerStatement = 10_000;

export async function inChunks<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>, size = idsPerStatement): Promise<T[]> {
  if (ids.length <= size) return query([...ids]);
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += size) rows.push(...(await query(ids.slice(start, start + size))));
  return rows;
}
