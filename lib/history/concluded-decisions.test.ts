import { describe, expect, it } from 'vitest';
import { anonymisedTitle } from '../privacy/retention';
import { decisionRow, wordSetOf } from './concluded-decisions';
import { similarity, words } from './similarity';

const at = new Date('2026-11-24T09:00:00Z');
const entry = (extra: Partial<Parameters<typeof decisionRow>[0]> = {}): Parameters<typeof decisionRow>[0] => ({
  itemId: 'item1',
  unitId: 'unit1',
  meetingId: 'meeting1',
  caseId: 'case1',
  caseworkerId: 'user1',
  meetingDate: at,
  caseType: 'endring',
  level: 'individ',
  outcome: 'droftet',
  severityLevel: 'hoy',
  benefitLevel: 'moderat',
  resourceLevel: 'lav',
  services: 'bpa',
  title: 'Økning av BPA etter fall',
  body: 'Bruker har brukket hoften og trenger mer hjelp i hjemmet.',
  ...extra,
});
const facts = { conclusion: 'Midlertidig økning til 28 timer.', concludedAt: at, writtenAt: at };

describe('a stored concluded decision', () => {
  it('holds the words the similarity compares, split once: the same score as from the text', () => {
    const row = decisionRow(entry(), facts)!;
    const text = `${entry().title}\n${entry().body}`;
    expect(wordSetOf(row)).toEqual(words(text));
    const other = {
      caseType: 'endring',
      level: 'individ',
      severity: 'hoy',
      benefit: 'hoy',
      resource: 'lav',
      text: 'BPA etter fall i hjemmet',
    };
    const profile = { caseType: 'endring', level: 'individ', severity: 'hoy', benefit: 'moderat', resource: 'lav', text };
    expect(similarity(other, { ...profile, text: '' }, words(other.text), wordSetOf(row))).toBe(similarity(other, profile));
  });

  it('never holds a national identity number, in its words, title or conclusion', () => {
    const fnr = '15039212258';
    const row = decisionRow(entry({ title: `Sak for ${fnr}`, body: `Fnr ${fnr} bor alene.` }), {
      ...facts,
      conclusion: `Vedtak for ${fnr}.`,
    })!;
    expect(JSON.stringify(row)).not.toContain(fnr);
    expect(row.words.split(' ')).not.toContain(fnr.slice(0, 8));
  });

  it('is not stored for an item without an outcome or for an anonymised case', () => {
    expect(decisionRow(entry({ outcome: null }), facts)).toBeNull();
    expect(decisionRow(entry({ title: anonymisedTitle, body: '' }), facts)).toBeNull();
    expect(wordSetOf({ words: '' }).size).toBe(0);
  });
});
