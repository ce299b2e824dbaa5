import { writeFileSync } from 'node:fs';
import type { Utterance } from './orca-speech';

/** The transcript: per step, what the person did and every utterance Orca spoke after it, in order. */
export class Transcript {
  private readonly lines: string[] = [];

  constructor(
    private readonly file: string,
    header: string[],
  ) {
    this.lines.push(...header, '');
  }

  step(title: string, spoken: Utterance[]): void {
    this.lines.push(`## ${title}`);
    if (spoken.length === 0) this.lines.push('   (Orca said nothing)');
    // A line break inside one utterance is shown as ↵ (Orca spoke it as one).
    for (const u of spoken) this.lines.push(`   ${u.at}  «${u.text.replaceAll('\n', ' ↵ ')}»`);
    this.lines.push('');
    // Written after every step: a run that fails half-way still leaves what was heard.
    writeFileSync(this.file, `${this.lines.join('\n')}\n`);
  }

  note(text: string): void {
    this.lines.push(text, '');
    writeFileSync(this.file, `${this.lines.join('\n')}\n`);
  }
}
