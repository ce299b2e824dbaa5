import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Time is the application's (lib/time/clock.ts). A query that reads the database
 * server's clock — now(), CURRENT_TIMESTAMP, datetime('now') — would disagree with
 * it whenever the two clocks differ: on a server whose clock drifts, and under
 * `npm run test:any-hour`, where libfaketime moves Node's clock but not
 * PostgreSQL's. (Prisma's @default(now()) is filled in by the client from the
 * application's clock, so the schema may keep it.)
 */
const root = path.resolve(import.meta.dirname, '../..');
// SQL's now() inside a string or template (not a call such as clock.now() or a local now()), and the
// SQL keywords for the current time.
const databaseClock = /(['"`][^'"`]*(?<![.\w])now\(\)|\bcurrent_(timestamp|date|time)\b|\blocaltimestamp\b|'now')/i;
const isComment = (line: string) => /^\s*(\/\/|\*|\/\*)/.test(line);
// The migration runner's own bookkeeping row (when a migration was applied) is not product time.
const allowed = new Set(['server/db/apply-migrations.ts']);

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [relative] : [];
  });
}

describe('one clock: the application’s', () => {
  it('lib/, server/ and app/ hold no now()/CURRENT_TIMESTAMP in SQL', () => {
    const offenders = ['lib', 'server', 'app']
      .flatMap(sources)
      .filter((file) => !allowed.has(file))
      .flatMap((file) =>
        readFileSync(path.join(root, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ file, line: index + 1, text: line }))
          .filter(({ text }) => !isComment(text) && databaseClock.test(text)),
      );
    expect(offenders).toEqual([]);
  });

  it('lib/ reads "now" only through lib/time/clock.ts (no bare new Date() or Date.now())', () => {
    const offenders = sources('lib')
      .filter((file) => !file.startsWith('lib/time/'))
      .flatMap((file) =>
        readFileSync(path.join(root, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ file, line: index + 1, text: line }))
          .filter(({ text }) => !isComment(text) && /new Date\(\)|Date\.now\(\)/.test(text)),
      );
    expect(offenders).toEqual([]);
  });
});
