import { describe, expect, it } from 'vitest';
import { agendaPlaces, itemStates } from './item-state';

describe('itemStates', () => {
  it('says nothing of a pending item nobody presents', () => {
    expect(itemStates({ id: 'a', locked: false, status: 'pending' }, 'b')).toEqual([]);
  });

  it('names the current item, the lock and how it ended, in that order', () => {
    expect(itemStates({ id: 'a', locked: true, status: 'concluded' }, 'a')).toEqual(['current', 'locked', 'concluded']);
    expect(itemStates({ id: 'a', locked: true, status: 'carried_over' }, null)).toEqual(['locked', 'carried_over']);
  });
});

describe('agendaPlaces', () => {
  it("numbers the items to discuss and the A-list apart, in the chair's order", () => {
    const places = agendaPlaces([
      { id: 'a', aList: false },
      { id: 'b', aList: true },
      { id: 'c', aList: false },
      { id: 'd', aList: true },
    ]);
    expect(Object.fromEntries(places)).toEqual({
      a: { aList: false, n: 1 },
      b: { aList: true, n: 1 },
      c: { aList: false, n: 2 },
      d: { aList: true, n: 2 },
    });
  });
});
