import { describe, expect, it } from 'vitest';
import { compareCases, type SortableCase } from './case-summary';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const cases: (SortableCase & { id: string })[] = [
  { id: 'old-low', severityLevel: 'lav', urgent: false, createdAt: at(1) },
  { id: 'new-high', severityLevel: 'hoy', urgent: false, createdAt: at(5) },
  { id: 'mid-urgent', severityLevel: 'moderat', urgent: true, createdAt: at(3) },
  { id: 'unassessed', severityLevel: null, urgent: false, createdAt: at(2) },
];
const ids = (sort: Parameters<typeof compareCases>[0]) => [...cases].sort(compareCases(sort)).map((c) => c.id);

describe('compareCases', () => {
  it('sorts by severity, then urgency, then age', () => {
    expect(ids('severity')).toEqual(['new-high', 'mid-urgent', 'old-low', 'unassessed']);
  });
  it('sorts by urgency first', () => {
    expect(ids('urgency')).toEqual(['mid-urgent', 'new-high', 'old-low', 'unassessed']);
  });
  it('sorts by age, oldest first', () => {
    expect(ids('age')).toEqual(['old-low', 'unassessed', 'mid-urgent', 'new-high']);
  });
});
