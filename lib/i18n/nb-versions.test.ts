import { describe, expect, it } from 'vitest';
import { caseContentSchema } from '../cases/case-form';
import { versionFieldLabel } from './nb-versions';

/**
 * A version history names the fields that changed (issue 20 walk): every field
 * a case can store has a Norwegian name there, never its key ('alternatives'
 * was shown as is).
 */
describe('versionFieldLabel', () => {
  it('names every field of a case in Norwegian', () => {
    const unnamed = Object.keys(caseContentSchema.shape).filter((field) => versionFieldLabel('case', field) === field);
    expect(unnamed).toEqual([]);
  });

  it('names the alternatives by the form’s legend', () => {
    expect(versionFieldLabel('case', 'alternatives')).toBe('Alternativer som er vurdert');
  });
});
