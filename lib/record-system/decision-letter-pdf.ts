import PDFDocument from 'pdfkit';
import { nb } from '../i18n/nb';
import { maskNationalIds } from '../privacy/national-id';

const t = nb.handOff.letter;

/**
 * The draft decision letter as a PDF (A4, Helvetica, which covers Norwegian
 * letters): the caseworker's edited text as written, masked for national
 * identity numbers, with "draft" at the top and the foot of every page.
 */
export function renderDecisionLetterPdf(text: string): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 64,
    bufferPages: true,
    info: { Title: t.heading, Creator: nb.app.name },
    lang: 'nb-NO',
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(14).text(t.heading).moveDown(0.5);
  pdf.font('Helvetica').fontSize(11).text(maskNationalIds(text), { lineGap: 2 });
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('Helvetica-Oblique')
      .fontSize(8)
      .text(t.draftFooter, 64, pdf.page.height - 40, { width: pdf.page.width - 128, align: 'center' });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
