import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { nbLeaderCases } from '../i18n/nb-leader-cases';
import { computeEvidence } from './case-evidence';
import { renderSaksframleggDocx } from './saksframlegg-docx';

const t = nbLeaderCases.docx;
const input = {
  unitName: 'Enhet for miljøarbeidertjenester',
  level: 'politisk',
  content: {
    question: 'Flere dagaktivitetsplasser for personer med demens',
    situation: 'Ventelisten har vokst gjennom året.\nPårørende melder om stor belastning (jf. 15039212258).',
    alvorlighetReasons: 'Uten tilbud øker risikoen for tap av funksjon.',
    alvorlighetLevel: 'hoy' as const,
    nytteReasons: 'Dagaktivitet gir bedre mestring og avlaster pårørende.',
    ressursReasons: 'Krever to årsverk og lokaler.',
    samletVurdering: 'Alvorlighet og nytte veier tyngre enn ressursbruken.',
    alternatives: 'Utvide eksisterende tilbud med én dag i uken.',
    proposal: 'Opprette ti nye plasser fra 1. mars.',
  },
  evidence: [
    {
      id: 'e1',
      createdAt: new Date('2026-12-02T10:00:00Z'),
      query: { service: 'dagaktivitet', caseType: null, fromDate: '2025-12-03', toDate: '2026-12-02' },
      figures: computeEvidence([]),
    },
  ],
};

describe('the saksframlegg as DOCX', () => {
  it('has the sections of a saksframlegg in order, with the text as written, read back by mammoth', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await renderSaksframleggDocx(input)) });
    const paragraphs = value.split('\n\n').map((p) => p.trim());
    const order = [
      t.title,
      t.question,
      t.background,
      t.assessment,
      'Alvorlighet',
      'Nytte',
      'Ressurs',
      t.holistic,
      t.alternatives,
      t.recommendation,
      t.evidence,
    ];
    const positions = order.map((heading) => paragraphs.indexOf(heading));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(paragraphs).toContain('Opprette ti nye plasser fra 1. mars.');
    expect(paragraphs).toContain(t.level_('Høy'));
    expect(paragraphs).toContain('Pårørende melder om stor belastning (jf. 150392*****).');
    expect(paragraphs).toContain(`${nbLeaderCases.evidence.cases}: 0`);
  });

  it('never carries a national identity number in any part', async () => {
    const zip = await JSZip.loadAsync(await renderSaksframleggDocx(input));
    for (const file of Object.values(zip.files)) expect(await file.async('string')).not.toContain('15039212258');
  });
});
