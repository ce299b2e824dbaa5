import { Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { nb } from '../i18n/nb';
import { maskNationalIds } from '../privacy/national-id';

const t = nb.handOff.letter;
const language = { value: 'nb-NO' };

/**
 * The draft decision letter as a Word document (DOCX), for a record system
 * that takes a letter as a file: the caseworker's edited text as written,
 * masked for national identity numbers, one paragraph per line, with "draft"
 * in the header and the footer of every page, as in the PDF.
 */
export async function renderDecisionLetterDocx(text: string): Promise<Uint8Array> {
  const draft = () => new Paragraph({ children: [new TextRun({ text: t.draftFooter, italics: true, size: 16, language })] });
  const lines = maskNationalIds(text).replace(/\r\n?/g, '\n').split('\n');
  const document = new Document({
    creator: nb.app.name,
    title: t.heading,
    sections: [
      {
        headers: { default: new Header({ children: [draft()] }) },
        footers: { default: new Footer({ children: [draft()] }) },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: t.heading, language })] }),
          ...lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, language })] })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
