import { describe, expect, it } from 'vitest';
import { editorsBetween, sessionOf } from './attribution';

const t = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

describe('attribution', () => {
  it('reads a realtime session and an API edit from their audit entries', () => {
    expect(
      sessionOf({
        actorId: 'u1',
        at: t(30),
        detail: JSON.stringify({
          channel: 'realtime',
          updates: 4,
          touched: 'facts,question',
          firstEdit: t(10).toISOString(),
          lastEdit: t(20).toISOString(),
        }),
      }),
    ).toEqual({ userId: 'u1', fields: ['facts', 'question'], from: t(10), to: t(20) });
    expect(sessionOf({ actorId: 'u2', at: t(5), detail: JSON.stringify({ channel: 'api', fields: 1, touched: 'proposal' }) })).toEqual({
      userId: 'u2',
      fields: ['proposal'],
      from: t(5),
      to: t(5),
    });
    // Older entries (a count, no names) and entries without an actor attribute nothing.
    expect(sessionOf({ actorId: 'u3', at: t(5), detail: JSON.stringify({ channel: 'api', fields: 2 }) })).toBeNull();
    expect(sessionOf({ actorId: null, at: t(5), detail: JSON.stringify({ touched: 'facts' }) })).toBeNull();
  });

  it('gives each field the people who edited it between the two versions, and nobody from before or after', () => {
    const sessions = [
      { userId: 'sara', fields: ['facts'], from: t(1), to: t(4) },
      { userId: 'ola', fields: ['question', 'facts'], from: t(6), to: t(8) },
      { userId: 'kari', fields: ['proposal'], from: t(12), to: t(12) },
      { userId: 'per', fields: ['notes'], from: t(9), to: t(15) }, // spans the version at 10: counted on both sides
    ];
    expect(Object.fromEntries(editorsBetween(sessions, null, t(5)))).toEqual({ facts: ['sara'] });
    expect(Object.fromEntries(editorsBetween(sessions, t(5), t(10)))).toEqual({ question: ['ola'], facts: ['ola'], notes: ['per'] });
    expect(Object.fromEntries(editorsBetween(sessions, t(10), null))).toEqual({ proposal: ['kari'], notes: ['per'] });
  });
});
