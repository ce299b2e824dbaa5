import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';

/** A one-page PDF as pdfkit makes it (the minutes' and the decision letters' library). */
function pdfOf(text: string): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.text(text);
    doc.end();
  });
}

/**
 * The tests' reader of generated PDFs (tests/support/pdf-text.ts). Once in a
 * while a minutes PDF read as no text at all (a-list, minutes-approval in
 * CI): its compressed page stream ended in a carriage return, which the reader
 * took for part of the line break before "endstream".
 */
describe('pdfText', () => {
  it('reads a page whose compressed stream ends in a carriage return', async () => {
    // Found by trying: pdfkit compresses this page's content to bytes that end in \r.
    const text = 'Godkjent 46 av Mona Møteleder 0.24uvmzmiri5';
    const pdf = await pdfOf(text);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw, 'the case this test is about').toMatch(/\r\nendstream/);
    expect(pdfText(pdf)).toContain(text);
  });

  it('reads every page of a longer PDF', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `Linje ${i + 1}: økt behov for praktisk bistand`);
    expect(pdfText(await pdfOf(lines.join('\n'))).replace(/\s+/g, ' ')).toContain('Linje 120: økt behov for praktisk bistand');
  });
});
