import { describe, expect, it } from 'vitest';
import { formatDateInput, joinDateTimeInput, parseDateInput, parseTimeInput, splitDateTimeInput } from './date-input';

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

describe('a date field and a time field as one local date-time', () => {
  it('joins the typed date, read as the date field reads it, with the time', () => {
    expect(joinDateTimeInput('4.3.2027', '09:30')).toBe('2027-03-04T09:30');
    expect(joinDateTimeInput(' 04.03.2027 ', '10:00')).toBe('2027-03-04T10:00');
    expect(joinDateTimeInput('2027-03-04', '10:00')).toBe('2027-03-04T10:00');
  });
  it('passes on what is no date as typed, and nothing when both are empty', () => {
    expect(joinDateTimeInput('31.02.2027', '10:00')).toBe('31.02.2027T10:00');
    expect(joinDateTimeInput('4.3.2027', '')).toBe('2027-03-04T');
    expect(joinDateTimeInput('', '')).toBe('');
  });
  it('splits a stored local date-time into the two fields', () => {
    expect(splitDateTimeInput('2027-03-04T09:30')).toEqual({ date: '2027-03-04', time: '09:30' });
    expect(splitDateTimeInput('')).toEqual({ date: '', time: '' });
  });
});

describe('times of day typed the Norwegian way', () => {
  it('reads 9.30, 09:30, 0930, 9 and kl. 9.30 as 09:30 or 09:00', () => {
    for (const typed of ['9.30', '09:30', '0930', ' 9:30 ', 'kl. 9.30', 'Kl 09.30']) expect(parseTimeInput(typed)).toBe('09:30');
    expect(parseTimeInput('9')).toBe('09:00');
    expect(parseTimeInput('23.59')).toBe('23:59');
  });
  it('refuses what is no time, and is empty for an empty field', () => {
    for (const typed of ['24:00', '12:60', '9.3', 'ti', '12:00 PM']) expect(parseTimeInput(typed)).toBeNull();
    expect(parseTimeInput('  ')).toBe('');
  });
  it('joins a typed date and a typed time', () => {
    expect(joinDateTimeInput('4.3.2027', '13.15')).toBe('2027-03-04T13:15');
  });
});
