import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { applyItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
import { connectSocket, nextEvent } from '../support/socket-client';
import { startTcpBalancer, type TcpBalancer } from '../support/tcp-balancer';
import { PrismaDocumentStore } from '../../server/realtime/yjs/document-store';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { storedText } from '../support/stored-document';
import { connectYjs, connectionClosed, markerSeen, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { DateTime } from 'luxon';
import { systemClock } from '../../lib/time/clock';
import { osloZone } from '../../lib/time/oslo-zone';

const redisUrl = process.env.SAMLET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const text = (client: YjsClient, field: string) => client.doc.getText(`item.${field}`);
const type = (client: YjsClient, field: string, value: string) => text(client, field).insert(text(client, field).length, value);
const tokensIn = (value: string, prefix: string) => new Set(value.match(new RegExp(`${prefix}\\d+;`, 'g')) ?? []);

/**
 * Two real Samlet processes on different ports, sharing one PostgreSQL
 * database and one Redis (under a prefix of their own), as a municipality
 * runs them behind a load balancer. What one node's clients do reaches the
 * other node's clients; what an administrator does on one node takes effect
 * on both; a node killed mid-edit loses nothing.
 */
describe('several nodes on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let db: Db;
  let nodeA: TestServer;
  let nodeB: TestServer;
  let balancer: TcpBalancer;
  /** Node B reaches Redis through this, so the test can cut B off from Redis. */
  let redisLine: TcpBalancer;
  let meetingId: string;
  let mainUnitId: string;
  let items: Awaited<ReturnType<typeof syncAgenda>>;
  const prefix = `samlet-test-${randomBytes(4).toString('hex')}:`;
  const cookies: Record<string, string> = {};
  const clients: YjsClient[] = [];
  const sockets: Socket[] = [];
  let publicUrl = '';
  let ports: [number, number];
  /** Who held the meeting generation's key just after both nodes started, and the two nodes' ids then. */
  let atStart: { jobOwner: string | null; nodeA: string | undefined; nodeB: string | undefined };
  const nodeId = (server: TestServer) => /"nodeId":"([^"]+)"[^\n]*cluster: joined/.exec(server.logs.join(''))?.[1];

  const node = async (port?: number, redisVia = redisUrl) =>
    startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      port,
      env: {
        REDIS_URL: redisVia,
        SAMLET_REDIS_PREFIX: prefix,
        // One installation: the same secret and public address on every node.
        NEXTAUTH_SECRET: 'multi-node-test-secret-0123456789abcdef',
        NEXTAUTH_URL: publicUrl,
        SAMLET_DEMO: '1',
        // A wide durability window: edits sit unwritten long enough that only the relay between the
        // nodes (not the database) can carry them — the catch-up, the freeze, a dead node's last edits.
        SAMLET_YJS_FLUSH_MS: '500',
      },
    });
  const yjs = (url: string, name: string, cookie: string) => {
    const client = connectYjs(url, name, cookie);
    clients.push(client);
    return client;
  };
  const socket = async (url: string, cookie: string) => {
    const s = await connectSocket(url, cookie);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    // The balancer's address is the installation's public URL; it forwards to A while A lives, then to B.
    const { freePort } = await import('../support/test-server');
    ports = [await freePort(), await freePort()];
    const [portA, portB] = ports;
    balancer = await startTcpBalancer([portA, portB]);
    publicUrl = balancer.url;
    nodeA = await node(portA); // migrates and seeds
    redisLine = await startTcpBalancer([Number(new URL(redisUrl).port || 6379)]);
    nodeB = await node(portB, `redis://127.0.0.1:${redisLine.port}`);
    db = openDb(database.url);
    const fixtures = await demoFixtures(db);
    meetingId = fixtures.meeting.id;
    mainUnitId = fixtures.mainUnit.id;
    items = await syncAgenda(db, meetingId);
    for (const role of ['caseworker', 'caseworker2', 'chair', 'leader', 'admin'] as const)
      cookies[role] = (await login(nodeA.url, demo[role], demo.password))!;
    // Read now: a later test restarts the nodes (with new ids) while the key from the first start lives on.
    const redis = new Redis(redisUrl);
    atStart = { jobOwner: await redis.get(`${prefix}job:meeting-generation`), nodeA: nodeId(nodeA), nodeB: nodeId(nodeB) };
    await redis.quit();
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const c of clients) c.destroy();
    await db?.$disconnect();
    await Promise.all([nodeA?.stop('SIGTERM'), nodeB?.stop('SIGTERM')]);
    await balancer?.close();
    await redisLine?.close();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await database?.drop();
  });

  printLogsOnFailure(
    () => nodeA,
    () => `--- node B ---\n${nodeB?.logs.join('').split('\n').slice(-150).join('\n')}`,
  );

  it('both nodes join the cluster and report Redis in their health', async () => {
    for (const server of [nodeA, nodeB]) {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', redis: 'connected' });
      expect(server.logs.join('')).toContain('cluster: joined through Redis');
    }
    // The daily jobs run on one node at a time: A, started first, took the meeting generation; B skipped it.
    // The key holds the owner: the node's id, then the run's own token.
    expect(atStart.jobOwner?.split(':')[0]).toBe(atStart.nodeA);
    expect(atStart.nodeA).not.toBe(atStart.nodeB);
  });

  it('converges text typed on node A and node B, and shows presence across them', async () => {
    const name = `item:${items[0].id}`;
    const onA = yjs(nodeA.url, name, cookies.caseworker);
    const onB = yjs(nodeB.url, name, cookies.chair);
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    type(onA, 'notes', 'Skrevet på node A. ');
    type(onB, 'notes', 'Skrevet på node B. ');
    await waitFor(
      () => text(onA, 'notes').length === text(onB, 'notes').length && text(onA, 'notes').toString().includes('node B'),
      5000,
      'both edits everywhere',
    );
    expect(text(onA, 'notes').toString()).toBe(text(onB, 'notes').toString());

    // The name comes from A's session (the server sets it); the field is what the client said.
    onA.provider.awareness.setLocalStateField('field', 'notes');
    const names = (client: YjsClient) =>
      [...client.provider.awareness.getStates().values()]
        .filter((s) => s.field === 'notes')
        .map((s) => (s.user as { name?: string } | undefined)?.name);
    await waitFor(() => names(onB).includes('Sara Saksbehandler'), 5000, 'presence from A on B');
    // A newcomer on B, after both were there, sees A's client and B's at once (B answers for the ones it relays).
    const late = yjs(nodeB.url, name, cookies.leader);
    await whenSynced(late);
    await waitFor(() => names(late).includes('Sara Saksbehandler'), 5000, 'presence of A for a newcomer on B');
    expect(text(late, 'notes').toString()).toBe(text(onA, 'notes').toString());
    // Leaving on A is seen on B.
    const idOnA = onA.doc.clientID;
    onA.destroy();
    await waitFor(() => !onB.provider.awareness.getStates().has(idOnA), 5000, 'A’s client gone from B');
  });

  it('carries meeting events and presence between the nodes', async () => {
    const chair = await socket(nodeA.url, cookies.chair);
    const member = await socket(nodeB.url, cookies.caseworker);
    expect(await chair.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    const presence = nextEvent<{ people: { name: string }[] }>(chair, 'meeting:presence');
    expect(await member.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    expect((await presence).people.length).toBe(2);
    const current = nextEvent<{ currentItemId: string }>(member, 'meeting:current');
    expect(await chair.emitWithAck('meeting:set-current', { meetingId, itemId: items[1].id, openEarly: true })).toMatchObject({ ok: true });
    expect((await current).currentItemId).toBe(items[1].id);
    const left = nextEvent<{ people: { name: string }[] }>(chair, 'meeting:presence');
    member.close();
    expect((await left).people.length).toBe(1);
  });

  it('a lock on node A sees what was typed on node B an instant before, and freezes B’s open connection', async () => {
    const avklaring = items.find((i) => i.purpose === 'avklaring')!;
    const name = `item:${avklaring.id}`;
    const writer = yjs(nodeB.url, name, cookies.chair);
    const watcher = yjs(nodeB.url, name, cookies.leader);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    const sara = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    writer.doc.transact(() => {
      writer.doc.getMap('item').set('outcome', 'avklart');
      applyItemContent(writer.doc, { followUps: [{ id: 'f1', ownerId: sara.id, description: 'Fatte vedtak', dueDate: '2026-12-01' }] });
    });
    type(writer, 'conclusion', 'Innvilget på node B.');
    // No wait: node A has never opened this item and the edit may not be written yet.
    const chair = await socket(nodeA.url, cookies.chair);
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId, itemId: avklaring.id, locked: true })).toMatchObject({ ok: true });
    type(writer, 'conclusion', ' ENDRET ETTER LÅSING');
    await markerSeen(writer, [watcher]);
    expect(text(watcher, 'conclusion').toString()).toBe('Innvilget på node B.');
    const fresh = yjs(nodeA.url, name, cookies.chair);
    await whenSynced(fresh);
    expect(text(fresh, 'conclusion').toString()).toBe('Innvilget på node B.');
    // And the database holds the conclusion as locked: the edit refused on node B was never written by either node.
    const store = new PrismaDocumentStore(db);
    const storedConclusion = async () => {
      const doc = new Y.Doc();
      const state = await store.load(name);
      if (state) Y.applyUpdate(doc, state);
      return doc.getText('item.conclusion').toString();
    };
    await expect.poll(storedConclusion).toBe('Innvilget på node B.');
  });

  it('the meeting’s start turns a caseworker’s open case editor read-only on each node by itself: nothing after it is stored or audited', async () => {
    // Each node schedules the re-check for its own connections from the start time in the database; no message is needed.
    const lead = 3000;
    const startsAt = new Date(systemClock.now().getTime() + lead);
    const { caseId, authorId } = await caseOnNewMeeting(db, startsAt);
    const name = `case:${caseId}`;
    const onA = yjs(nodeA.url, name, cookies.caseworker);
    const onB = yjs(nodeB.url, name, cookies.caseworker);
    const chairOnA = yjs(nodeA.url, name, cookies.chair);
    await Promise.all([whenSynced(onA), whenSynced(onB), whenSynced(chairOnA)]);
    const opened = await db.auditEvent.findMany({ where: { action: 'case.open_realtime', entityId: caseId, actorId: authorId } });
    expect(opened.map((e) => JSON.parse(e.detail ?? '{}').readOnly)).toEqual([false, false]);
    expect(systemClock.now().getTime()).toBeLessThan(startsAt.getTime());

    const closed = [connectionClosed(onA, lead + 10_000), connectionClosed(onB, lead + 10_000)];
    await waitFor(() => systemClock.now() >= startsAt, lead + 5000, 'the meeting’s start');
    onA.text.insert(0, 'A ETTER START ');
    onB.text.insert(0, 'B ETTER START ');
    expect((await Promise.all(closed)).map((event) => event?.code)).toEqual([4100, 4100]);
    await waitFor(() => [onA, onB].every((c) => c.provider.wsconnected && c.provider.synced), 10_000, 'both editors to reconnect');
    await markerSeen(onB, [chairOnA]);
    await markerSeen(onA, [chairOnA]);
    expect(chairOnA.text.toString()).not.toContain('ETTER START');
    // A new connection on node B is read-only too; the chair on node A goes on editing.
    const freshOnB = yjs(nodeB.url, name, cookies.caseworker);
    await whenSynced(freshOnB);
    freshOnB.text.insert(0, 'NY PÅ B ');
    await markerSeen(freshOnB, [chairOnA]);
    expect(chairOnA.text.toString()).not.toContain('NY PÅ B');
    chairOnA.text.insert(chairOnA.text.length, ' Fra møtet.');
    await waitFor(() => freshOnB.text.toString().includes('Fra møtet.'), 5000, 'the chair’s edit on node B');
    await expect.poll(() => storedText(db, name), { timeout: 10_000 }).toContain('Fra møtet.');
    expect(await storedText(db, name)).not.toMatch(/ETTER START|NY PÅ B/);

    for (const client of [onA, onB, freshOnB, chairOnA]) client.destroy();
    await expect
      .poll(() => db.auditEvent.count({ where: { action: 'case.update', entityId: caseId, actorId: { not: authorId } } }))
      .toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'case.update', entityId: caseId, actorId: authorId } })).toBe(0);
  });

  it('a meeting moved on node A re-checks the open case editors on node B, which come back with the new start', async () => {
    const today = DateTime.fromJSDate(systemClock.now(), { zone: osloZone }).startOf('day');
    const startsAt = today.plus({ days: 4 }).set({ hour: 10 }).toJSDate();
    const { meetingId: movedId, caseId } = await caseOnNewMeeting(db, startsAt);
    const name = `case:${caseId}`;
    const onB = yjs(nodeB.url, name, cookies.caseworker);
    await whenSynced(onB);
    const closed = connectionClosed(onB, 15_000);
    const meetingsPage = `/admin/enheter/${mainUnitId}/moter`;
    const html = await (await fetch(`${nodeA.url}${meetingsPage}`, { headers: { cookie: cookies.admin } })).text();
    const form = formWith(html, `value="${movedId}"`, 'Flytt');
    // The form's date and time fields (app/admin/admin-form.tsx `datetime`).
    const earlier = today.plus({ days: 3 }).set({ hour: 10 });
    const fields = { startsAtDate: earlier.toFormat('dd.MM.yyyy'), startsAtTime: '10:00' };
    const answer = await submitRenderedForm(nodeA.url, meetingsPage, form, fields, { cookie: cookies.admin });
    expect(answer.body).toContain('Møtet er flyttet');
    expect((await closed)?.code).toBe(4100);
    // Still before the (new) start: the author edits on.
    await waitFor(() => onB.provider.wsconnected && onB.provider.synced, 10_000, 'the editor on B to reconnect');
    onB.text.insert(0, 'Etter flyttingen. ');
    await expect.poll(() => storedText(db, name), { timeout: 10_000 }).toContain('Etter flyttingen.');
  });

  it('a role change or a deactivation on node A closes the person’s websockets on both nodes', async () => {
    const person = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker2 } });
    const open = async (url: string, cookie: string) => {
      const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/item:${items[0].id}`, { headers: { cookie } });
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
        ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
        setTimeout(() => reject(new Error(`no upgrade on ${url} within 5 s`)), 5000);
      });
      // Wrapped: an async function returning a promise would wait for it (for the close).
      return { closed: new Promise<number>((resolve) => ws.once('close', (code) => resolve(code))) };
    };
    const unitPage = `/admin/enheter/${mainUnitId}`;
    const submit = async (marker: string, label: string | null, fields: Record<string, string>) => {
      const html = await (await fetch(`${nodeA.url}${unitPage}`, { headers: { cookie: cookies.admin } })).text();
      const form = label ? formWith(html, marker, label) : formWith(html, marker);
      return (await submitRenderedForm(nodeA.url, unitPage, form, fields, { cookie: cookies.admin })).body;
    };

    let cookie = (await login(nodeB.url, demo.caseworker2, demo.password))!;
    const [closedA, closedB] = [await open(nodeA.url, cookie), await open(nodeB.url, cookie)];
    const socketB = await socket(nodeB.url, cookie);
    const changed = nextEvent(socketB, 'access:changed');
    expect(await submit(`value="${person.id}"`, null, { role: 'moteleder' })).toContain('Rollen er endret.');
    expect(await Promise.all([closedA.closed, closedB.closed])).toEqual([4100, 4100]);
    await changed;
    expect(await submit(`value="${person.id}"`, null, { role: 'saksbehandler' })).toContain('Rollen er endret.');

    cookie = (await login(nodeB.url, demo.caseworker2, demo.password))!;
    const [endedA, endedB] = [await open(nodeA.url, cookie), await open(nodeB.url, cookie)];
    const socketB2 = await socket(nodeB.url, cookie);
    const ended = nextEvent(socketB2, 'session:ended');
    expect(await submit(`value="${person.id}"`, 'Deaktiver kontoen', {})).toContain('Kontoen er deaktivert');
    expect(await Promise.all([endedA.closed, endedB.closed])).toEqual([4401, 4401]);
    await ended;
    expect(await submit(`value="${person.id}"`, 'Aktiver kontoen', {})).toContain('Kontoen er aktivert igjen.');
  });

  it('Redis away for a while: both nodes keep working alone, and converge when it is back', async () => {
    // An item of its own, so only this test's edits are in its notes.
    const own = await db.agendaItem.create({
      data: { meetingId, title: 'Redis borte', position: 90, plannedMinutes: 5, purpose: 'orientering', reason: 'added' },
    });
    const name = `item:${own.id}`;
    const onA = yjs(nodeA.url, name, cookies.caseworker);
    const onB = yjs(nodeB.url, name, cookies.chair);
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    type(onA, 'notes', 'Før bruddet. ');
    await waitFor(() => text(onB, 'notes').toString().includes('Før bruddet.'), 5000, 'the edit before the cut');

    await redisLine.interrupt();
    const redisOfB = async () => ((await (await fetch(`${nodeB.url}/api/health`)).json()) as { redis: string }).redis;
    await expect.poll(redisOfB, { timeout: 10_000, message: 'B notices that Redis is away' }).toBe('disconnected');
    type(onA, 'notes', 'Skrevet på A under bruddet. ');
    type(onB, 'notes', 'Skrevet på B under bruddet. ');
    // Each node has written its own edit: A would have relayed its edit before writing it.
    await expect
      .poll(async () => {
        const stored = await storedText(db, name, 'item.notes');
        return stored.includes('på A under') && stored.includes('på B under');
      })
      .toBe(true);
    // Cut off, B's clients do not see A's edit; and B still answers and saves.
    expect(text(onB, 'notes').toString()).not.toContain('på A under');
    expect((await fetch(`${nodeB.url}/api/health`)).status).toBe(200);

    await redisLine.resume();
    await waitFor(
      () => text(onB, 'notes').toString().includes('på A under') && text(onA, 'notes').toString().includes('på B under'),
      15_000,
      'convergence after Redis is back',
    );
    expect(text(onA, 'notes').toString()).toBe(text(onB, 'notes').toString());
    type(onB, 'notes', 'Etter bruddet.');
    await waitFor(() => text(onA, 'notes').toString().endsWith('Etter bruddet.'), 5000, 'relay after the cut');
  });

  it('counts failed logins for the installation: five on node A block the account on node B too', async () => {
    for (let i = 0; i < 5; i += 1) expect(await login(nodeA.url, demo.otherUnit, 'feil-passord')).toBeNull();
    expect(await login(nodeB.url, demo.otherUnit, demo.password)).toBeNull();
    expect(await login(nodeB.url, demo.leader, demo.password)).toBeTruthy();
  });

  it('a node killed mid-edit: its clients move to the other node, and the stored document is the union of every edit', async () => {
    const name = `item:${items[2].id}`;
    // Through the balancer (to A while it lives) and straight to B.
    const movers = [yjs(balancer.url, name, cookies.caseworker), yjs(balancer.url, name, cookies.chair)];
    const stayer = yjs(nodeB.url, name, cookies.leader);
    // This client goes away with node A and never comes back: what B saw of it must still be stored.
    const vanishing = yjs(balancer.url, name, (await login(nodeA.url, demo.caseworker2, demo.password))!);
    const writers = [...movers, stayer, vanishing];
    await Promise.all(writers.map((c) => whenSynced(c)));
    const typed = writers.map(() => 0);
    let vanished = false;
    const typing = setInterval(() => {
      writers.forEach((c, i) => {
        if (c === vanishing && vanished) return;
        type(c, 'notes', `w${i}t${typed[i]++};`);
      });
    }, 15);
    await waitFor(() => typed.every((n) => n >= 50), 10_000, 'every writer to type 50 tokens');
    vanished = true;
    vanishing.destroy();
    await nodeA.stop('SIGKILL');
    const seenByB = tokensIn(text(stayer, 'notes').toString(), 'w3t');
    // The movers keep typing: offline first, then on B.
    await waitFor(() => movers.every((c) => c.provider.wsconnected && c.provider.synced), 10_000, 'the movers to reconnect to B');
    const atReconnect = [...typed];
    await waitFor(() => typed[0] >= atReconnect[0] + 10 && typed[1] >= atReconnect[1] + 10, 10_000, 'typing on B');
    clearInterval(typing);
    const survivors = [...movers, stayer];
    await waitFor(
      () => survivors.every((c) => text(c, 'notes').toString() === text(stayer, 'notes').toString()),
      10_000,
      'convergence on B',
    );

    const final = text(stayer, 'notes').toString();
    for (const i of [0, 1, 2]) expect(tokensIn(final, `w${i}t`).size, `writer ${i}`).toBe(typed[i]);
    expect(seenByB.size).toBeGreaterThan(10);
    for (const token of seenByB) expect(final).toContain(token);

    // Stored while B runs: its own clients' edits, and the vanished client's that A never confirmed (B writes those after 3 s).
    const store = new PrismaDocumentStore(db);
    const stored = async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.load(name))!);
      return doc.getText('item.notes').toString();
    };
    await expect.poll(stored, { timeout: 15_000 }).toBe(final);

    // And after a clean stop, a new node on the same database loads exactly this.
    for (const c of survivors) c.destroy();
    expect(await nodeB.stop('SIGTERM')).toBe(0);
    // Both nodes back as they were (A, then B through the Redis line), for the tests that run after this one.
    nodeA = await node(ports[0]);
    nodeB = await node(ports[1], `redis://127.0.0.1:${redisLine.port}`);
    const reader = yjs(nodeB.url, name, cookies.leader);
    await whenSynced(reader);
    expect(text(reader, 'notes').toString()).toBe(final);
  });
});
