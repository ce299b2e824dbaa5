import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { nbHandOff } from '../i18n/nb-hand-off';
import { renderDecisionLetterDocx } from './decision-letter-docx';

const text = 'Vedtak\nDu får 28 timer i uken.\n\nGjelder 15039212258 fra mandag.';

describe('the draft decision letter as DOCX', () => {
  it('is a Word document with the text as written, one paragraph per line, read back by mammoth', async () => {
    const docx = await renderDecisionLetterDocx(text);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    const paragraphs = value.split('\n\n').map((p) => p.trim());
    expect(paragraphs[0]).toBe(nbHandOff.letter.heading);
    expect(paragraphs).toContain('Du får 28 timer i uken.');
    expect(paragraphs).toContain('Gjelder 150392***** fra mandag.');
  });

  it('never carries a national identity number, and says it is a draft in the header and footer of every page', async () => {
    const zip = await JSZip.loadAsync(await renderDecisionLetterDocx(text));
    const parts = await Promise.all(Object.values(zip.files).map(async (file) => ({ name: file.name, xml: await file.async('string') })));
    for (const part of parts) expect(part.xml).not.toContain('15039212258');
    for (const kind of ['header', 'footer']) {
      const part = parts.find((p) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(p.name));
      expect(part?.xml, kind).toContain(nbHandOff.letter.draftFooter);
    }
  });
});
