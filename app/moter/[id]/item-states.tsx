import { nb } from '@/lib/i18n/nb';
import type { ItemState } from '@/lib/meetings/item-state';

const emphasis: Partial<Record<ItemState, string>> = { current: 'font-semibold text-brand-800', locked: 'font-semibold' };

/**
 * An item's state (lib/meetings/item-state.ts) as words, the same on the
 * saksliste page and in the room's agenda; `data-item-states` says it for
 * tests and tools comparing the two screens.
 */
export function ItemStates({ states }: { states: ItemState[] }) {
  return (
    <span data-item-states={states.join(' ')} className="contents">
      {states.map((state) => (
        <span key={state} className={emphasis[state]}>
          {nb.meetingRoom.itemStates[state]}
        </span>
      ))}
    </span>
  );
}
