import { describe, expect, it } from 'vitest';
import { osloDate } from './oslo';

describe('osloDate', () => {
  it('is the Oslo day, not the UTC day', () => {
    expect(osloDate(new Date('2026-12-31T23:50:00Z'))).toBe('2027-01-01');
    expect(osloDate(new Date('2026-12-31T22:50:00Z'))).toBe('2026-12-31');
    // Summer time: Oslo is UTC+2.
    expect(osloDate(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });
});
