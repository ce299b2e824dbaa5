import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, type Actor } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { stemText } from '../../lib/history/norwegian-stems';
import { restemSearchEntries } from '../../lib/history/restem-search-entries';
import { searchHistory, type HistorySearch } from '../../lib/history/search-history';
import { seedDemoData } from '../../lib/seed/demo-seed';
import { applyMigrations } from '../../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../../server/db/database-url';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';

/**
 * The history search on both databases: relevance on a fixed fixture, the
 * filters, highlighting, and isolation between units and between caseworkers.
 */

/** The demo's past avlastning case (Sindre's), whose situation speaks of «en støttekontakt» (lib/seed/demo-seed.ts). */
const demoPastAvlastning = 'Søknad om avlastning for familie med barn med autisme — døgnavlastning eller avlastning i hjemmet?';

describe.each(databaseKinds)('history search on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  const actors: Record<string, Actor> = {};
  let ids: { main: string; other: string; sara: string; sindre: string; otherUser: string; pastMeeting: string };

  const search = (who: string, query: HistorySearch) => searchHistory({ db, provider: kind, actor: actors[who], search: query });
  const titles = (hits: Awaited<ReturnType<typeof search>>) => hits.map((h) => h.title.map((p) => p.text).join(''));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await applyMigrations(resolveDatabaseTarget(database.url));
    db = openDb(database.url);
    await seedDemoData(db);
    const fixtures = await demoFixtures(db);
    const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
    ids = {
      main: fixtures.mainUnit.id,
      other: fixtures.otherUnit.id,
      sara: await userId(demo.caseworker),
      sindre: await userId(demo.caseworker2),
      otherUser: await userId(demo.otherUnit),
      pastMeeting: fixtures.pastMeeting.id,
    };
    for (const [who, email] of Object.entries(demo)) {
      if (who !== 'password') actors[who] = (await loadActor(db, await userId(email)))!;
    }
    const entry = (n: number, fields: Partial<Parameters<typeof db.searchEntry.create>[0]['data']> & { title: string; body: string }) => ({
      itemId: `fixtureitem${String(n).padStart(4, '0')}`,
      unitId: ids.main,
      meetingId: ids.pastMeeting,
      caseworkerId: ids.sindre,
      meetingDate: new Date(`2026-0${(n % 9) + 1}-15T09:00:00Z`),
      purpose: 'drofting',
      ...fields,
    });
    await db.searchEntry.createMany({
      data: [
        entry(1, {
          title: 'Støttekontakt for ungdom med angst',
          body: 'Ønsker fritidsaktivitet. Gruppetilbud vurdert.',
          outcome: 'avklart',
          severityLevel: 'hoy',
          caseworkerId: ids.sara,
        }),
        entry(2, {
          title: 'Støttekontakt eller gruppetilbud for voksen',
          body: 'Bor alene, lite nettverk.',
          outcome: 'utsatt',
          severityLevel: 'moderat',
        }),
        entry(3, {
          title: 'Praktisk bistand til innkjøp',
          body: 'Tidligere hatt støttekontakt, nå behov for hjelp til innkjøp.',
          outcome: 'avklart',
          severityLevel: 'lav',
        }),
        entry(4, {
          title: 'Avlastning for familie med tre barn',
          body: 'Foreldrene er slitne. Avlastningen i dag er to helger i måneden.',
          childrenAffected: true,
          outcome: 'droftet',
          caseType: 'revurdering',
        }),
        entry(5, {
          title: 'Omsorgsstønad etter endrede behov',
          body: 'Søknad om økt omsorgsstønad. Gruppetilbudet i bydelen er prøvd.',
          outcome: 'henvist',
          caseType: 'endring',
        }),
        entry(6, {
          title: 'Støttekontakt i annen enhet',
          body: 'Skal aldri synes for main-enheten.',
          unitId: ids.other,
          caseworkerId: ids.otherUser,
        }),
        entry(7, {
          title: 'Trygghet i hverdagen',
          body: 'Hjemmetjenesten kommer to ganger daglig. Støttekontaktene har sluttet.',
          outcome: 'droftet',
        }),
      ],
    });
    // Written without stems, as a writer from before them did: the step the server runs at start fills them.
    expect(await restemSearchEntries(db)).toBeGreaterThanOrEqual(7);
    expect(await restemSearchEntries(db)).toBe(0);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('ranks title matches above body matches and marks the matched words', async () => {
    const hits = await search('leader', { q: 'støttekontakt' });
    const found = titles(hits);
    expect(found.slice(0, 2).sort()).toEqual(['Støttekontakt eller gruppetilbud for voksen', 'Støttekontakt for ungdom med angst']);
    expect(found.slice(2).sort()).toEqual(['Praktisk bistand til innkjøp', demoPastAvlastning, 'Trygghet i hverdagen']);
    expect(hits[0].title.find((p) => p.hit)?.text.toLowerCase()).toBe('støttekontakt');
    const innkjøp = hits.find((h) => h.title.some((p) => p.text === 'Praktisk bistand til innkjøp'))!;
    expect(innkjøp.snippet.some((p) => p.hit && p.text.toLowerCase() === 'støttekontakt')).toBe(true);
  });

  it('finds every form of a Norwegian word from any of its forms, and marks the forms found', async () => {
    const støttekontakt = [
      'Praktisk bistand til innkjøp',
      'Støttekontakt eller gruppetilbud for voksen',
      'Støttekontakt for ungdom med angst',
      demoPastAvlastning,
      'Trygghet i hverdagen',
    ];
    for (const q of ['støttekontakt', 'støttekontakter', 'støttekontaktene', 'støttekontakten']) {
      expect(titles(await search('leader', { q })).sort(), q).toEqual(støttekontakt);
    }
    for (const q of ['hjemmetjeneste', 'hjemmetjenester', 'hjemmetjenestene']) {
      const hits = await search('leader', { q });
      expect(titles(hits), q).toEqual(['Trygghet i hverdagen']);
      expect(
        hits[0].snippet.filter((p) => p.hit).map((p) => p.text),
        q,
      ).toEqual(['Hjemmetjenesten']);
    }
    const plural = await search('leader', { q: 'støttekontakter' });
    expect(plural[0].title.find((p) => p.hit)?.text).toBe('Støttekontakt');
    expect(
      plural
        .find((h) => titles([h])[0] === 'Trygghet i hverdagen')!
        .snippet.filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(['Støttekontaktene']);
    expect(titles(await search('leader', { q: 'avlastningene foreldre slitne' }))).toEqual(['Avlastning for familie med tre barn']);
  });

  it('requires every word, and finds inflected forms', async () => {
    expect(titles(await search('leader', { q: 'støttekontakt ungdom' }))).toEqual(['Støttekontakt for ungdom med angst']);
    // "gruppetilbud" finds "gruppetilbudet" too (prefix on SQLite, stemming on PostgreSQL).
    expect(titles(await search('leader', { q: 'gruppetilbud' })).sort()).toEqual([
      'Omsorgsstønad etter endrede behov',
      'Støttekontakt eller gruppetilbud for voksen',
      'Støttekontakt for ungdom med angst',
    ]);
    expect(await search('leader', { q: 'finnesikke' })).toEqual([]);
  });

  it('finds the seeded past decision by words of its conclusion', async () => {
    const hits = await search('leader', { q: 'tidsavgrensningen' });
    expect(titles(hits)).toEqual(['Økning av BPA fra 20 til 28 timer per uke etter fall og brudd?']);
    expect(hits[0].meetingId).toBe(ids.pastMeeting);
    // A hit shows case text: it is logged as a read of that case.
    const read = await db.auditEvent.findFirst({
      where: { actorId: actors.leader.userId, action: 'case.read', entityId: hits[0].caseId!, detail: { contains: 'search' } },
    });
    expect(read).not.toBeNull();
  });

  it('filters by outcome, criteria level, case type, children affected, caseworker and period', async () => {
    expect(titles(await search('leader', { q: 'støttekontakt', outcome: 'avklart' })).sort()).toEqual([
      'Praktisk bistand til innkjøp',
      'Støttekontakt for ungdom med angst',
    ]);
    expect(titles(await search('leader', { severity: 'hoy', caseworkerId: ids.sara }))).toContain('Støttekontakt for ungdom med angst');
    expect(titles(await search('leader', { caseType: 'revurdering', children: 'ja' }))).toEqual(['Avlastning for familie med tre barn']);
    expect(titles(await search('leader', { q: 'støttekontakt', from: '2026-02-01', to: '2026-02-28' }))).toEqual([
      'Støttekontakt for ungdom med angst',
    ]);
  });

  it('filters by the service the case concerns, with wildcards taken literally', async () => {
    expect(titles(await search('leader', { service: 'Personlig ASSISTANSE' }))).toEqual([
      'Økning av BPA fra 20 til 28 timer per uke etter fall og brudd?',
    ]);
    expect(titles(await search('leader', { q: 'avlastning', service: 'avlastning' }))).toEqual([
      'Søknad om avlastning for familie med barn med autisme — døgnavlastning eller avlastning i hjemmet?',
    ]);
    expect(await search('leader', { service: '%%' })).toEqual([]);
  });

  it('keeps units apart, and shows a caseworker only their own cases', async () => {
    expect(titles(await search('otherUnit', { q: 'støttekontakt' }))).toEqual(['Støttekontakt i annen enhet']);
    expect(titles(await search('leader', {})).includes('Støttekontakt i annen enhet')).toBe(false);
    expect(titles(await search('caseworker', { q: 'støttekontakt' }))).toEqual(['Støttekontakt for ungdom med angst']);
    expect(titles(await search('caseworker2', { q: 'støttekontakt' })).sort()).toEqual([
      'Praktisk bistand til innkjøp',
      'Støttekontakt eller gruppetilbud for voksen',
      demoPastAvlastning,
      'Trygghet i hverdagen',
    ]);
  });

  it('treats query syntax as plain words', async () => {
    expect(await search('leader', { q: '" OR * NEAR(' })).toEqual(expect.any(Array));
    const hits = titles(await search('leader', { q: 'støttekontakt" ( "angst' }));
    expect(hits).toEqual(['Støttekontakt for ungdom med angst']);
  });

  it('leaves Norwegian stopwords out of the query, and a query of stopwords alone finds nothing', async () => {
    // "og" is in none of the texts: required as a word it would find nothing (it did on SQLite).
    expect(titles(await search('leader', { q: 'avlastning og slitne' }))).toEqual(['Avlastning for familie med tre barn']);
    expect(titles(await search('leader', { q: 'Støttekontakt i hverdagen' }))).toEqual(['Trygghet i hverdagen']);
    expect(await search('leader', { q: 'og i for med' })).toEqual([]);
  });

  it.runIf(kind === 'postgresql')('indexes the same words on SQLite as PostgreSQL does', async () => {
    const entries = await db.searchEntry.findMany({ select: { title: true, body: true } });
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const { title, body } of entries) {
      const text = `${title} ${body}`;
      const [{ lexemes }] = await db.$queryRaw<{ lexemes: string[] }[]>`
        SELECT tsvector_to_array(to_tsvector('norwegian', ${text})) AS lexemes`;
      // PostgreSQL also keeps a hyphenated word whole ("main-en" beside "main" and "enhet"); FTS5 splits it.
      const whole = lexemes.filter((lexeme) => !lexeme.includes('-'));
      expect([...new Set(stemText(text).split(' ').filter(Boolean))].sort(), text).toEqual(whole.sort());
    }
  });
});
