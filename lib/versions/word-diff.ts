/** One run of a word-level diff: unchanged, inserted or deleted text (whitespace kept with its words). */
export type DiffSegment = { kind: 'same' | 'ins' | 'del'; text: string };

/** Above this many token pairs the middle is shown as one deletion and one insertion (a bounded cost). */
const maxCells = 2_000_000;

/** Words and the whitespace between them, as tokens (so joining them gives the text back). */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== '');
}

function push(segments: DiffSegment[], kind: DiffSegment['kind'], text: string): void {
  if (!text) return;
  const last = segments.at(-1);
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/**
 * A word-level diff of two texts (longest common subsequence of tokens), for
 * showing what changed between two versions of a field. The common start and
 * end are trimmed first; a middle too large for the table (two very long,
 * very different texts) is shown as deleted and inserted whole.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const segments: DiffSegment[] = [];
  push(segments, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > maxCells) {
    push(segments, 'del', midA.join(''));
    push(segments, 'ins', midB.join(''));
  } else {
    for (const segment of lcsDiff(midA, midB)) push(segments, segment.kind, segment.text);
  }
  push(segments, 'same', a.slice(endA).join(''));
  return segments;
}

function lcsDiff(a: string[], b: string[]): DiffSegment[] {
  const width = b.length + 1;
  // lengths[i * width + j]: the LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(out, 'same', a[i]);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])) {
      // Deletions before insertions: "[-old][+new]" reads as a replacement.
      push(out, 'del', a[i++]);
    } else {
      push(out, 'ins', b[j++]);
    }
  }
  return out;
}
