import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoItemDocument, openDb } from '../support/fixtures';
import type { Db } from '../../lib/db/db';
import { loginDemoUsers } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectionClosed, connectYjs, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';
import { storedDocument } from '../support/stored-document';
import { itemContentSchema, itemMapName, itemTextFields, readItemContent } from '../../lib/meetings/item-content';
import { parseFields } from '../../lib/validation/parse-fields';

/** A small seeded generator, so a failing run can be repeated exactly. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Hostile clients send thousands of random and mutated frames (garbage,
 * truncated and bit-flipped sync and awareness messages, invalid updates)
 * while two honest clients edit the same document. Afterwards the honest
 * clients agree, hold every word they typed, and the server still answers.
 */
describe('fuzzing the Yjs endpoint', () => {
  let database: TestDatabase;
  let server: TestServer;
  let cookies: Record<string, string>;
  let docName: string;
  let db: Db;
  const seed = Number(process.env.SAMLET_FUZZ_SEED ?? 20261123);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    docName = await demoItemDocument(db);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  /** Real protocol messages from a document of its own, to mutate. */
  function templates(): Uint8Array[] {
    const doc = new Y.Doc();
    const messages: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      messages.push(encoding.toUint8Array(encoder));
    });
    doc.getText('item.notes').insert(0, 'mal for mutasjoner');
    doc.getText('item.notes').delete(2, 3);
    doc.getMap('item').set('outcome', 'avklart');
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, doc);
    messages.push(encoding.toUint8Array(step1));
    messages.push(new Uint8Array([1, 10, 1, 200, 1, 1, 5, 123, 34, 120, 34, 125])); // an awareness-like frame
    return messages;
  }

  function hostileFrame(random: () => number, base: Uint8Array[]): Uint8Array | string {
    const kind = Math.floor(random() * 6);
    const pick = base[Math.floor(random() * base.length)];
    if (kind === 0) return Uint8Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256));
    if (kind === 1) return pick.slice(0, Math.max(1, Math.floor(random() * pick.length))); // truncated
    if (kind === 2) {
      const flipped = pick.slice();
      for (let i = 0; i < 1 + Math.floor(random() * 3); i++)
        flipped[Math.floor(random() * flipped.length)] ^= 1 << Math.floor(random() * 8);
      return flipped;
    }
    if (kind === 3) return Uint8Array.from([Math.floor(random() * 8), ...pick.slice(1)]); // other message type
    if (kind === 4) return Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]); // a huge declared length
    return 'not binary'; // a text frame
  }

  it('keeps honest clients complete and identical while thousands of bad frames arrive', async () => {
    const random = prng(seed);
    const base = templates();
    const alice = connectYjs(server.url, docName, cookies.chair);
    const bob = connectYjs(server.url, docName, cookies.leader);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);

    const stats = { frames: 0, connections: 0, closes: new Map<number, number>() };
    const hostile = async (cookie: string, frames: number) => {
      let sent = 0;
      while (sent < frames) {
        const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${docName}`, { headers: { cookie } });
        stats.connections += 1;
        const closed = new Promise<void>((resolve) => {
          ws.once('close', (code) => {
            stats.closes.set(code, (stats.closes.get(code) ?? 0) + 1);
            resolve();
          });
          ws.once('error', () => resolve());
        });
        await new Promise<void>((resolve) => {
          ws.once('open', () => resolve());
          ws.once('unexpected-response', () => resolve());
          ws.once('error', () => resolve());
        });
        while (ws.readyState === WebSocket.OPEN && sent < frames) {
          ws.send(hostileFrame(random, base));
          sent += 1;
          stats.frames += 1;
          // Wait until the server has read the frame: it answers a ping only after the frames before it
          // (or closes instead). So the count of closes does not depend on how busy the machine is.
          await new Promise<void>((resolve) => {
            const done = () => {
              ws.off('pong', done);
              ws.off('close', done);
              resolve();
            };
            ws.on('pong', done);
            ws.on('close', done);
            if (ws.readyState === WebSocket.OPEN) ws.ping();
            else done();
          });
        }
        if (ws.readyState === WebSocket.OPEN) ws.close();
        await closed;
      }
    };

    const tokens: string[] = [];
    let fuzzing = true;
    const honest = async () => {
      // Typing all the while the hostile clients send.
      for (let i = 0; fuzzing || i < 60; i++) {
        const [writer, name] = i % 2 ? [bob, 'b'] : [alice, 'a'];
        const token = `${name}${i} `;
        tokens.push(token);
        writer.text.insert(writer.text.length, token);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    };

    const attacks = Promise.all([
      hostile(cookies.caseworker, 1000),
      hostile(cookies.caseworker2, 1000),
      hostile(cookies.chair, 1000),
    ]).finally(() => (fuzzing = false));
    await Promise.all([honest(), attacks]);

    await waitFor(() => alice.text.toString() === bob.text.toString(), 10_000, 'the honest clients to agree');
    for (const token of tokens) expect(alice.text.toString()).toContain(token);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // A newcomer gets the same document from the server.
    const carol = connectYjs(server.url, docName, cookies.admin);
    await whenSynced(carol);
    expect(carol.text.toString()).toBe(alice.text.toString());
    expect(stats.frames).toBe(3000);
    console.log(
      `fuzz seed ${seed}: ${stats.frames} frames over ${stats.connections} connections, closes ${JSON.stringify([...stats.closes])}, ${tokens.length} honest edits`,
    );
    // Bad frames ended their connections with "invalid message" (4400), not the server.
    expect(stats.closes.get(4400) ?? 0).toBeGreaterThan(1000);
    for (const client of [alice, bob, carol]) client.destroy();
    // 3,000 frames, each waited for (a ping), over ~1,500 authenticated connections: 121 s at load 12.
  }, 300_000);

  /**
   * Well-formed Yjs from clients allowed to edit, with content the form has no
   * place for. Each is one edit made on a copy synced with the server, so it
   * would integrate; the guard refuses every one (4400), atomically.
   */
  function wrongContent(random: () => number, victims: number[]): { what: string; edit: (client: YjsClient) => void } {
    const map = (c: YjsClient) => c.doc.getMap<unknown>(itemMapName);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const attacks: { what: string; edit: (client: YjsClient) => void }[] = [
      { what: 'followUps: "boom"', edit: (c) => map(c).set('followUps', 'boom') },
      { what: 'a follow-up without an id', edit: (c) => map(c).set('followUps', [{ description: 'x' }]) },
      {
        what: 'the follow-ups as one list (the shape before rows)',
        edit: (c) => map(c).set('followUps', [{ id: 'f1', description: 'x' }]),
      },
      {
        what: '51 follow-up rows',
        edit: (c) =>
          c.doc.transact(() => {
            for (let i = 0; i < 51; i++) map(c).set(`followUps.f${i}`, { ownerId: '', dueDate: '', position: i });
          }),
      },
      {
        what: 'a follow-up row with a hidden value',
        edit: (c) => map(c).set('followUps.f1', { ownerId: '', dueDate: '', position: 0, x: 'skjult' }),
      },
      { what: 'a follow-up row that is a word', edit: (c) => map(c).set('followUps.f1', 'boom') },
      { what: 'a follow-up description over its cap', edit: (c) => c.doc.getText('item.followUps.f1').insert(0, 'x'.repeat(2001)) },
      { what: 'epjDocumentation: "yes"', edit: (c) => map(c).set('epjDocumentation', 'yes') },
      { what: 'an outcome no form has', edit: (c) => map(c).set('outcome', pick(['vedtatt', 42, null, ['avklart']])) },
      { what: 'a date that is no date', edit: (c) => map(c).set('reassessmentDate', 'i morgen') },
      { what: 'a level object', edit: (c) => map(c).set('alvorlighetLevel', { level: 'hoy' }) },
      { what: 'an unknown map key', edit: (c) => map(c).set(`felt${Math.floor(random() * 1000)}`, 'x') },
      { what: 'a text field as a map value', edit: (c) => map(c).set(pick(itemTextFields), 'skjult tekst') },
      { what: 'an unknown top-level text', edit: (c) => c.doc.getText('notes').insert(0, 'ved siden av') },
      { what: 'an unknown top-level array', edit: (c) => c.doc.getArray('junk').push([1, 2, 3]) },
      { what: 'map entries on a text', edit: (c) => c.doc.getMap(`item.${pick(itemTextFields.filter((f) => f !== 'notes'))}`).set('x', 1) },
      { what: 'a nested array for the follow-ups', edit: (c) => map(c).set('followUps', new Y.Array()) },
      { what: 'a nested text for the outcome', edit: (c) => map(c).set('outcome', new Y.Text('avklart')) },
      { what: 'a nested map in a text', edit: (c) => c.text.insertEmbed(Math.floor(random() * (c.text.length + 1)), new Y.Map()) },
      { what: 'an embed in a text', edit: (c) => c.text.insertEmbed(0, { image: 'x' }) },
      { what: 'formatting in a text', edit: (c) => c.text.insert(0, 'fet', { bold: true }) },
      { what: 'a text over its cap', edit: (c) => c.doc.getText(`item.${pick(itemTextFields)}`).insert(0, 'x'.repeat(50_001)) },
      {
        what: 'everything deleted together with a bad value',
        edit: (c) =>
          c.doc.transact(() => {
            c.text.delete(0, c.text.length);
            map(c).set('outcome', 42);
          }),
      },
      {
        what: 'text whose left neighbour is a map value (relayed, it would land in the outcome)',
        edit: (c) => {
          const id = 1 + Math.floor(random() * 2 ** 30);
          // A valid outcome that takes over from the current one (made on a copy of what the server holds)…
          const first = new Y.Doc();
          first.clientID = id;
          Y.applyUpdate(first, Y.encodeStateAsUpdate(c.doc));
          const before = Y.encodeStateVector(first);
          first.getMap(itemMapName).set('outcome', 'avklart');
          // …then text at the same client id's clocks 0–1: Yjs takes clock 1 with the outcome as its left neighbour.
          const second = new Y.Doc();
          second.clientID = id;
          second.getText('item.notes').insert(0, 'ab');
          for (const update of [Y.encodeStateAsUpdate(first, before), Y.encodeStateAsUpdate(second)]) {
            const encoder = encoding.createEncoder();
            encoding.writeVarUint(encoder, 0);
            syncProtocol.writeUpdate(encoder, update);
            c.provider.ws!.send(encoding.toUint8Array(encoder));
          }
        },
      },
      {
        what: 'an edit waiting for content nobody sent',
        edit: (c) => {
          const gap = new Y.Doc();
          const updates: Uint8Array[] = [];
          gap.on('update', (update: Uint8Array) => updates.push(update));
          gap.getText('item.notes').insert(0, 'først');
          gap.getText('item.notes').insert(5, ' så');
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, 0);
          syncProtocol.writeUpdate(encoder, updates[1]);
          c.provider.ws!.send(encoding.toUint8Array(encoder));
        },
      },
      {
        what: 'a delete of the honest clients’ next words',
        edit: (c) => {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, 0);
          const update = encoding.createEncoder();
          encoding.writeVarUint(update, 0); // no structs
          encoding.writeVarUint(update, victims.length);
          for (const victim of victims) for (const n of [victim, 1, 0, 100_000]) encoding.writeVarUint(update, n);
          syncProtocol.writeUpdate(encoder, encoding.toUint8Array(update));
          c.provider.ws!.send(encoding.toUint8Array(encoder));
        },
      },
    ];
    return pick(attacks);
  }

  it('refuses valid-but-wrong Yjs content: the honest clients agree, keep every word, and the stored document still parses', async () => {
    const random = prng(seed + 1);
    const alice = connectYjs(server.url, docName, cookies.chair);
    const bob = connectYjs(server.url, docName, cookies.leader);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    const tokens: string[] = [];
    let attacking = true;
    const honest = async () => {
      for (let i = 0; attacking || i < 20; i++) {
        const [writer, name] = i % 2 ? [bob, 'b'] : [alice, 'a'];
        const token = `${name}${i}ok `;
        tokens.push(token);
        writer.text.insert(writer.text.length, token);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const closes = new Map<number, number>();
    const refused: string[] = [];
    const attack = async () => {
      for (let i = 0; i < 60; i++) {
        const hostile = connectYjs(server.url, docName, [cookies.caseworker, cookies.caseworker2][i % 2]);
        try {
          await whenSynced(hostile);
          const { what, edit } = wrongContent(random, [alice.doc.clientID, bob.doc.clientID]);
          const closed = connectionClosed(hostile, 10_000).catch(() => null);
          edit(hostile);
          const code = (await closed)?.code ?? 0; // 0: not closed at all
          closes.set(code, (closes.get(code) ?? 0) + 1);
          if (code !== 4400) refused.push(`${what}: closed with ${code}`);
        } finally {
          hostile.destroy();
        }
      }
    };
    await Promise.all([honest(), attack().finally(() => (attacking = false))]);

    expect(refused).toEqual([]);
    expect(closes.get(4400)).toBe(60);
    await waitFor(() => alice.text.toString() === bob.text.toString(), 10_000, 'the honest clients to agree');
    for (const token of tokens) expect(alice.text.toString()).toContain(token);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // What the server stored holds every word too, and nothing the form does not know.
    const last = tokens[tokens.length - 1];
    await expect
      .poll(
        async () => {
          const stored = await storedDocument(db, docName);
          const text = stored.getText('item.notes').toString();
          stored.destroy();
          return text.includes(last);
        },
        { timeout: 5000 },
      )
      .toBe(true);
    const stored = await storedDocument(db, docName);
    for (const token of tokens) expect(stored.getText('item.notes').toString()).toContain(token);
    expect(parseFields(itemContentSchema, readItemContent(stored)).invalid).toEqual([]);
    const known = new Set([itemMapName, ...itemTextFields.map((field) => `item.${field}`)]);
    expect([...stored.share.keys()].filter((name) => !known.has(name))).toEqual([]);
    stored.destroy();
    alice.destroy();
    bob.destroy();
  }, 120_000);
});
