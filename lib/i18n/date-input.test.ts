import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput } from './date-input';

describe('dates typed the Norwegian way', () => {
  it('reads dd.mm.åååå and the looser ways people write it', () => {
    expect(parseDateInput('04.03.2027')).toBe('2027-03-04');
    expect(parseDateInput('4.3.2027')).toBe('2027-03-04');
    expect(parseDateInput(' 4.3.2027. ')).toBe('2027-03-04');
    expect(parseDateInput('4/3/2027')).toBe('2027-03-04');
    expect(parseDateInput('4-3-2027')).toBe('2027-03-04');
    expect(parseDateInput('4 3 2027')).toBe('2027-03-04');
    expect(parseDateInput('04032027')).toBe('2027-03-04');
    expect(parseDateInput('31.12.2026')).toBe('2026-12-31');
  });

  it('still takes an ISO date (a link, a paste)', () => {
    expect(parseDateInput('2027-03-04')).toBe('2027-03-04');
    expect(parseDateInput('2027-3-4')).toBe('2027-03-04');
  });

  it('says an empty field is empty, and refuses what is no date', () => {
    expect(parseDateInput('')).toBe('');
    expect(parseDateInput('   ')).toBe('');
    for (const bad of ['31.02.2027', '29.02.2027', '4.13.2027', '0.3.2027', '4.3.27', '4.3.202', 'i morgen', '2027-02-30', '4.3.1066'])
      expect(parseDateInput(bad), bad).toBeNull();
    expect(parseDateInput('29.02.2028')).toBe('2028-02-29');
  });

  it('shows a stored date as dd.mm.åååå and leaves typed text as it is', () => {
    expect(formatDateInput('2027-03-04')).toBe('04.03.2027');
    expect(formatDateInput('')).toBe('');
    expect(formatDateInput('4.3.20')).toBe('4.3.20');
  });
});
