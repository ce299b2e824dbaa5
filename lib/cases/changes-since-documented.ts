import type { Db } from '../db/db';
import { maskNationalIds } from '../privacy/national-id';

export type ChangeSinceDocumented = { field: 'notes' | 'conclusion'; before: string | null; now: string };

/**
 * What a correction of the minutes changed in an item since its case was marked documented: each of the
 * item's texts (notes, conclusion) that differs from the item's last version at or before the mark (the
 * close's snapshot, or an earlier correction's, lib/versions). `before` is null when no such version is
 * stored. Masked, as every shown text.
 */
export async function changesSinceDocumented(
  db: Db,
  item: { id: string; notes: string | null; conclusion: string | null },
  documentedAt: Date,
): Promise<ChangeSinceDocumented[]> {
  const version = await db.documentVersion.findFirst({
    where: { itemId: item.id, documentKind: 'item', createdAt: { lte: documentedAt } },
    orderBy: { createdAt: 'desc' },
    select: { content: true },
  });
  const then = version ? (JSON.parse(version.content) as Record<string, unknown>) : null;
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return (['conclusion', 'notes'] as const).flatMap((field) => {
    const now = (item[field] ?? '').trim();
    const before = then ? text(then[field]) : null;
    if (before === now) return [];
    return [{ field, before: before === null ? null : maskNationalIds(before), now: maskNationalIds(now) }];
  });
}
