import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShortDate,
  formatTime,
  formatTimestamp,
} from './format';

const nbsp = '\u00a0';

describe('Norwegian dates in Oslo time, from fixed instants', () => {
  const meeting = new Date('2026-12-03T09:00:00Z');

  it('has one style per use', () => {
    expect(formatDate(meeting)).toBe('3. desember 2026');
    expect(formatShortDate(meeting)).toBe('03.12.2026');
    expect(formatMonth(meeting)).toBe('des. 2026');
    expect(formatTime(meeting)).toBe('10:00');
    expect(formatDateTime(meeting)).toBe('torsdag 3. desember kl. 10:00');
    expect(formatTimestamp(new Date('2026-12-03T09:04:31Z'))).toBe('03.12.2026, 10:04:31');
  });

  it('New Year’s Eve 23:50 UTC is already 1 January in Oslo', () => {
    const at = new Date('2026-12-31T23:50:00Z');
    expect(formatDate(at)).toBe('1. januar 2027');
    expect(formatShortDate(at)).toBe('01.01.2027');
    expect(formatMonth(at)).toBe('jan. 2027');
    expect(formatDateTime(at)).toBe('fredag 1. januar kl. 00:50');
  });

  it('follows the clock change: spring skips 02:00–03:00, autumn shows 02:30 twice', () => {
    expect(formatTime(new Date('2027-03-28T00:59:00Z'))).toBe('01:59');
    expect(formatTime(new Date('2027-03-28T01:00:00Z'))).toBe('03:00');
    expect(formatTime(new Date('2026-10-25T00:30:00Z'))).toBe('02:30');
    expect(formatTime(new Date('2026-10-25T01:30:00Z'))).toBe('02:30');
    expect(formatTimestamp(new Date('2026-10-25T01:30:00Z'))).toBe('25.10.2026, 02:30:00');
  });

  it('shows a calendar date as that very day, also on the day of a clock change', () => {
    expect(formatDate('2026-11-17')).toBe('17. november 2026');
    expect(formatShortDate('2027-03-28')).toBe('28.03.2027');
    expect(formatShortDate('2026-10-25')).toBe('25.10.2026');
    expect(formatShortDate('2027-01-01')).toBe('01.01.2027');
    expect(formatMonth('2026-05')).toBe('mai 2026');
    // Text in a meeting's document that is no date is shown as written.
    expect(formatDate('17.11.2026')).toBe('17.11.2026');
    expect(formatShortDate('')).toBe('');
    expect(formatShortDate('2026-02-30')).toBe('2026-02-30');
  });
});

describe('Norwegian numbers', () => {
  it('writes a decimal comma and groups thousands', () => {
    expect(formatNumber(7.3)).toBe('7,3');
    expect(formatNumber(7.25)).toBe('7,3');
    expect(formatNumber(8)).toBe('8');
    expect(formatNumber(12345.5)).toBe(`12${nbsp}345,5`);
    expect(formatNumber(2 / 3, 2)).toBe('0,67');
  });

  it('writes a share as a whole percent', () => {
    expect(formatPercent(0.73)).toBe(`73${nbsp}%`);
    expect(formatPercent(0)).toBe(`0${nbsp}%`);
    expect(formatPercent(1)).toBe(`100${nbsp}%`);
  });
});
