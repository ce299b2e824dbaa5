import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { criteria } from '../cases/case-form';
import { nb } from '../i18n/nb';
import { maskNationalIds } from '../privacy/national-id';
import type { Shown } from './case-evidence';
import type { LeaderCaseContent } from './leader-case-form';
import type { AttachedEvidence } from './load-leader-case';

const t = nb.leaderCases.docx;
const language = { value: 'nb-NO' };

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  new Paragraph({ heading: level, children: [new TextRun({ text, language })] });

/** A field's text, one paragraph per line, masked for national identity numbers; "not filled in" when empty. */
function body(text: string | undefined): Paragraph[] {
  const value = text?.trim();
  if (!value) return [new Paragraph({ children: [new TextRun({ text: t.notFilled, italics: true, language })] })];
  return maskNationalIds(value)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, language })] }));
}

const count = (value: Shown) =>
  value === 'under_5' ? nb.leaderCases.evidence.under5 : value === 'hidden' ? nb.leaderCases.evidence.hidden : String(value);

/**
 * The decision basis of a political/administrative case, shaped like a
 * *saksframlegg* for the municipality's own case handling: background, the
 * assessment by the three criteria and together, the alternatives, the
 * recommendation — and the attached figures (already suppressed) as text.
 */
export async function renderSaksframleggDocx(input: {
  unitName: string;
  level: string;
  content: LeaderCaseContent;
  evidence: readonly AttachedEvidence[];
}): Promise<Uint8Array> {
  const { content } = input;
  const e = nb.leaderCases.evidence;
  const children: Paragraph[] = [
    heading(t.title, HeadingLevel.TITLE),
    new Paragraph({ children: [new TextRun({ text: `${t.unit}: ${input.unitName}`, language })] }),
    new Paragraph({ children: [new TextRun({ text: `${t.level}: ${nb.leaderCases.levels[input.level] ?? input.level}`, language })] }),
    heading(t.question),
    ...body(content.question),
    heading(t.background),
    ...body(content.situation),
    heading(t.assessment),
    ...criteria.flatMap((c) => {
      const level = content[`${c}Level`];
      return [
        heading(nb.leaderCases.fields[`${c}Reasons`], HeadingLevel.HEADING_3),
        ...(level ? [new Paragraph({ children: [new TextRun({ text: t.level_(nb.cases.criterionLevels[level]), language })] })] : []),
        ...body(content[`${c}Reasons`]),
      ];
    }),
    heading(t.holistic, HeadingLevel.HEADING_3),
    ...body(content.samletVurdering),
    heading(t.alternatives),
    ...body(content.alternatives),
    heading(t.recommendation),
    ...body(content.proposal),
  ];
  if (input.evidence.length > 0) {
    children.push(heading(t.evidence));
    for (const item of input.evidence) {
      const { query, figures } = item;
      children.push(
        new Paragraph({
          children: [
            new TextRun({
              text: e.asked(query.service, query.caseType ? nb.cases.caseTypes[query.caseType] : null, query.fromDate, query.toDate),
              bold: true,
              language,
            }),
          ],
        }),
        ...[
          `${e.cases}: ${count(figures.cases)}`,
          `${e.postponedCases}: ${count(figures.postponedCases)}`,
          `${e.concluded}: ${count(figures.waiting.concluded)}`,
          `${e.followUpsNotDone}: ${count(figures.followUps.notDone)}`,
        ].map((line) => new Paragraph({ children: [new TextRun({ text: line, language })] })),
      );
    }
  }
  const document = new Document({ creator: nb.app.name, title: t.title, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
