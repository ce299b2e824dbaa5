import { describe, expect, it } from 'vitest';
import { summarizeItems } from './summarize-items';

describe('summarizeItems', () => {
  it('counts items by purpose and outcome, and those that ended without one', () => {
    const summary = summarizeItems([
      { purpose: 'avklaring', outcome: 'avklart', status: 'concluded' },
      { purpose: 'avklaring', outcome: 'henvist', status: 'concluded' },
      { purpose: 'drofting', outcome: 'droftet', status: 'concluded' },
      { purpose: 'orientering', outcome: null, status: 'carried_over' },
    ]);
    expect(summary.total).toBe(4);
    expect(summary.byPurpose).toEqual({ orientering: 1, drofting: 1, avklaring: 2 });
    expect(summary.byOutcome).toEqual({ tatt_til_orientering: 0, droftet: 1, avklart: 1, utsatt: 0, henvist: 1 });
    expect(summary.withoutOutcome).toBe(1);
  });

  it('gives zeros for a meeting without items', () => {
    expect(summarizeItems([]).withoutOutcome).toBe(0);
    expect(summarizeItems([]).total).toBe(0);
  });
});
