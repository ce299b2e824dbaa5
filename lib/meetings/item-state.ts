import { splitAList } from './agenda-rules';

/**
 * An agenda item's state as the saksliste page and the room both show it, in
 * one order, so the two screens say the same thing about each item: the one
 * the chair presents, locked, and how it ended (not while pending).
 */
export type ItemState = 'current' | 'locked' | 'concluded' | 'postponed' | 'carried_over';

export function itemStates(item: { id: string; locked: boolean; status: string }, currentId: string | null): ItemState[] {
  const states: ItemState[] = [];
  if (item.id === currentId) states.push('current');
  if (item.locked) states.push('locked');
  if (item.status === 'concluded' || item.status === 'postponed' || item.status === 'carried_over') states.push(item.status);
  return states;
}

/** An item's number: its place among the items to discuss (1, 2 …) or on the A-list (A1, A2 …). */
export type AgendaPlace = { aList: boolean; n: number };

/**
 * Every item's number, from the whole agenda in the chair's order — worked out before anything is left out
 * for the person looking (a caseworker sees only her own cases of a closed meeting), so an item keeps the
 * number it had in the room and has in the minutes on every screen.
 */
export function agendaPlaces(items: readonly { id: string; aList: boolean }[]): Map<string, AgendaPlace> {
  const { rest, aList } = splitAList(items);
  return new Map([
    ...rest.map((item, i): [string, AgendaPlace] => [item.id, { aList: false, n: i + 1 }]),
    ...aList.map((item, i): [string, AgendaPlace] => [item.id, { aList: true, n: i + 1 }]),
  ]);
}
