import { inflateSync } from 'node:zlib';

/**
 * The text drawn in a PDF made by pdfkit with its standard fonts: each content
 * stream is inflated and the hex strings of its TJ operators decoded
 * (WinAnsi, which for Norwegian letters equals Latin-1). Enough to check what
 * a generated PDF says, without a PDF library in the test.
 */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const texts: string[] = [];
  for (const data of streams(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
    } catch {
      content = data;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      texts.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''));
    }
  }
  return texts.join('\n');
}

/**
 * Each stream's bytes, exactly as long as its dictionary's /Length says. (Cut at the
 * next "endstream" instead, a compressed stream whose last byte happened to be a
 * carriage return lost it to the line break before "endstream", failed to inflate,
 * and its page read as no text: about one PDF in a hundred, at random.)
 */
function* streams(raw: string): Generator<string> {
  for (const match of raw.matchAll(/\/Length (\d+)\b[^]*?>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    yield raw.slice(start, start + Number(match[1]));
  }
}
