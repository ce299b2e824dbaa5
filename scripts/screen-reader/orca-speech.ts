import { readFileSync } from 'node:fs';
import { waitUntil } from './wait-until';

/** One utterance: what Orca handed to speech-dispatcher, and when (Orca's own timestamp). */
export type Utterance = { at: string; text: string };

/**
 * Reads what Orca spoke from its debug log: each `SPEECH OUTPUT: '…'` line is
 * written by Orca's speech module as it sends the text to the speech server
 * (orca/speech.py). Nothing here makes up or rewrites the text.
 */
export class OrcaSpeech {
  constructor(private readonly logFile: string) {}

  /** Where the log ends now: what is spoken after an action is read from here. */
  mark(): number {
    return readFileSync(this.logFile).length;
  }

  since(mark: number): Utterance[] {
    const text = readFileSync(this.logFile).subarray(mark).toString('utf8');
    // One entry per timestamp; an utterance with a line break in it runs over several lines of the log.
    const entries = text.split(/\n(?=\d\d:\d\d:\d\d\.\d+ - )/);
    const spoken: Utterance[] = [];
    for (const entry of entries) {
      // `'text'` then the voice as a dict (orca/speech.py `_speak`), or nothing after it (say-all without a server).
      const match = /^(\d\d:\d\d:\d\d\.\d+) - SPEECH OUTPUT: '([\s\S]*)'(?: voice=\w+)?(?:\{[^\n]*\})?\s*$/.exec(entry);
      // Orca indents the continuation lines of a log entry by 18 spaces; they are not part of what it said.
      if (match) spoken.push({ at: match[1], text: match[2].replace(/\n {18}/g, '\n') });
    }
    return spoken;
  }

  /**
   * Everything Orca says after `mark`, once it has gone quiet: it waits until
   * something was said and then `quietMs` passed without more, or `silentMs`
   * passed with nothing said at all (a silence can only be heard by waiting).
   */
  async settle(mark: number, { quietMs = 1500, silentMs = 6000 } = {}): Promise<Utterance[]> {
    const started = Date.now();
    let count = 0;
    let lastChange = Date.now();
    await waitUntil(
      'Orca to finish speaking',
      () => {
        const now = this.since(mark).length;
        if (now !== count) {
          count = now;
          lastChange = Date.now();
        }
        return count > 0 ? Date.now() - lastChange >= quietMs : Date.now() - started >= silentMs;
      },
      silentMs + 60_000,
    );
    return this.since(mark);
  }
}
