import { describe, expect, it } from 'vitest';
import { pdfText } from '../../tests/support/pdf-text';
import { renderMinutesPdf, type Minutes } from './minutes-pdf';

const now = new Date('2026-12-04T09:00:00Z');

function minutes(status: 'draft' | 'approved' | null, items = 12): Minutes {
  const item: Minutes['items'][number] = {
    id: 'item',
    place: { aList: false, n: 1 },
    title: 'Økning av BPA',
    personRef: 'EPJ 2025/0712',
    caseworker: 'Sara Saksbehandler',
    purpose: 'avklaring',
    status: 'concluded',
    // Long enough that twelve items take several pages.
    notes: 'Saken ble lagt fram av saksbehandler; spørsmål og svar om dagens tjenester. '.repeat(12),
    outcome: 'avklart',
    referredTo: null,
    conclusion: 'Midlertidig økning til 28 timer i åtte uker.',
    dissent: null,
    reassessmentDate: null,
    epjResponsible: null,
    lockedBy: 'Mona Møteleder',
    concludedTogether: false,
    submitted: null,
    adjustedAssessment: null,
    followUps: [],
    recusals: [],
    recused: false,
    deviationReason: null,
  };
  return {
    ownOnly: false,
    meeting: {
      id: 'meeting',
      unitId: 'unit',
      unitName: 'Tildelingskontoret Nord',
      startsAt: new Date('2026-12-01T09:00:00Z'),
      endsAt: new Date('2026-12-01T11:00:00Z'),
      status: 'closed',
      chair: 'Mona Møteleder',
      referent: 'Lars Leder',
      closedAt: new Date('2026-12-01T11:00:00Z'),
      location: 'Rådhuset, rom 312',
      minutesStatus: status,
      minutesDraftUntil: status === 'draft' ? '2026-12-03' : null,
      minutesApprovedAt: status === 'approved' ? new Date('2026-12-03T10:00:00Z') : null,
      minutesApprovedBy: status === 'approved' ? 'Mona Møteleder' : null,
    },
    attendance: ['Lars Leder', 'Mona Møteleder', 'Sara Saksbehandler'],
    items: Array.from({ length: items }, (_, i) => ({ ...item, id: `item${i}`, place: { aList: false, n: i + 1 } })),
  };
}

const pageCount = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type \/Page\b/g)?.length ?? 0;
const count = (text: string, needle: string) => text.split(needle).length - 1;
/** pdfText gives a bold label and its value as two runs, and the en dash as its WinAnsi byte. */
const readable = (pdf: Uint8Array) => pdfText(pdf).replaceAll(': \n', ': ').replaceAll('\x96', '–');

describe('the minutes PDF', () => {
  it('says on every page of a draft that it is not approved, and numbers the pages', async () => {
    const pdf = await renderMinutesPdf(minutes('draft'), now);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    const text = readable(pdf);
    expect(count(text, 'Utkast – ikke godkjent')).toBe(pages + 1); // every page's head, and the status line on the first
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Tildelingskontoret Nord · Side ${page} av ${pages}`);
    expect(text).toContain('Møtested: Rådhuset, rom 312');
    expect(text).toContain('Møteleder: Mona Møteleder');
    expect(text).toContain('Referent: Lars Leder');
    expect(text).toContain('Til stede: Lars Leder, Mona Møteleder, Sara Saksbehandler');
    expect(text).not.toContain('Godkjent');
  });

  it('says who approved it and when, and no page says draft', async () => {
    const pdf = await renderMinutesPdf(minutes('approved', 2), now);
    const text = readable(pdf);
    expect(text).toContain('Godkjent 3. desember 2026 av Mona Møteleder');
    expect(text).not.toContain('Utkast');
    expect(text).toContain(`Side 1 av ${pageCount(pdf)}`);
  });

  it('says when no referent was named, and that minutes closed before approval existed froze at the close', async () => {
    const old = minutes(null, 1);
    const text = readable(await renderMinutesPdf({ ...old, meeting: { ...old.meeting, referent: null } }, now));
    expect(text).toContain('Referent: ikke oppnevnt');
    expect(text).toContain('Referatet ble låst da møtet ble avsluttet 1. desember 2026.');
    expect(text).not.toContain('Utkast');
  });
});
