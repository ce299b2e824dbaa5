/**
 * "Lock, carry-over and close reach every screen within a second" (issue 18), measured — not tested: a
 * test with a time limit fails on a loaded machine and proves nothing on a quiet one.
 *
 *   npx tsx bench/room-propagation.ts [--db=sqlite|postgresql] [--rounds=10] [--participants=20] [--pages=5]
 *   (npm run bench:room-propagation)
 *
 * One server (production build, demo data). Each round is a meeting of its own, a copy of the demo's coming
 * meeting opened on its first item (bench/room-spike-seed.ts), with
 * - the chair's socket and `--participants` participants' sockets in the room (socket.io `meeting:join`,
 *   as app/moter/[id]/rom/meeting-socket.ts does), and
 * - `--pages` saksliste pages open on the meeting and `--pages` on the next meeting (socket.io
 *   `meeting:watch-agenda`, as app/moter/[id]/live-agenda.tsx does); a page that is told loads itself again
 *   (here: GET of the page's HTML with the person's cookie, which is more than router.refresh fetches).
 * Then the chair
 * 1. locks an item (its outcome written first through Yjs and stored): every room is told `meeting:item`,
 *    every saksliste page of the meeting too, and reloads;
 * 2. closes the meeting: every room and page is told `meeting:closed`; the items not dealt with are carried
 *    over to the next meeting, whose open saksliste pages are told `meeting:agenda-changed` and reload.
 * Times run from the chair's emit to each screen's arrival (one process: this one's clock, which also
 * carries every client, so the figures include the clients' own queueing on this 2-core machine).
 * Prints p50/p95/max per screen and of the slowest screen per round; fails on nothing but a crash.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { Db } from '../lib/db/db';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../tests/support/databases';
import { demo, demoFixtures, openDb } from '../tests/support/fixtures';
import { loginDemoUsers } from '../tests/support/login';
import { connectSocket, emitAck } from '../tests/support/socket-client';
import { startTestServer, type TestServer } from '../tests/support/test-server';
import { connectYjs, whenSynced } from '../tests/support/yjs-client';
import { benchUsers } from './bench-users';
import { copyComingMeeting } from './room-spike-seed';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const settings = {
  db: arg('db', 'sqlite') as DatabaseKind,
  rounds: Number(arg('rounds', '10')),
  participants: Number(arg('participants', '20')),
  pages: Number(arg('pages', '5')),
};
const targetMs = 1000;

const fmt = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value.toFixed(1) : '—');
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** One kind of arrival: every screen's time, and the slowest screen's of each round. */
class Figures {
  readonly each: number[] = [];
  readonly slowest: number[] = [];
  round(times: number[]) {
    this.each.push(...times);
    this.slowest.push(Math.max(...times));
  }
  line(name: string) {
    const each = [...this.each].sort((a, b) => a - b);
    const slowest = [...this.slowest].sort((a, b) => a - b);
    const within = each.filter((t) => t <= targetMs).length;
    return (
      `  ${name.padEnd(44)} each screen p50 ${fmt(percentile(each, 50))} / p95 ${fmt(percentile(each, 95))} / max ${fmt(each.at(-1))} ms; ` +
      `slowest per round p50 ${fmt(percentile(slowest, 50))} / max ${fmt(slowest.at(-1))} ms; ${within}/${each.length} within ${targetMs} ms`
    );
  }
}

/** Resolves with the time (ms since `since()`) the event reaches the socket; `then` runs after, timed too. */
function arrival(socket: Socket, event: string, since: () => number, then?: () => Promise<unknown>) {
  return {
    told: new Promise<number>((resolve) => socket.once(event, () => resolve(performance.now() - since()))),
    reloaded: new Promise<number>((resolve) =>
      socket.once(event, () => void (then ?? (() => Promise.resolve()))().then(() => resolve(performance.now() - since()))),
    ),
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, '.next/BUILD_ID')))
    execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  const cpus = os.cpus();
  console.log(
    `Samlet room propagation — ${cpus.length} × ${cpus[0]?.model ?? '?'}, Node ${process.version}, ${settings.db}; ` +
      `${settings.rounds} meetings × ${settings.participants} participants + ${settings.pages}+${settings.pages} saksliste pages; ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  let database: TestDatabase | null = null;
  let server: TestServer | null = null;
  let db: Db | null = null;
  const sockets: Socket[] = [];
  try {
    database = await createTestDatabase(settings.db);
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      env: { SAMLET_RETENTION_MONTHS: '0', NEXTAUTH_SECRET: 'benchmark-secret-0123456789abcdefghij', SAMLET_DEMO: '1' },
    });
    const url = server.url;
    db = openDb(database.url);
    const { mainUnit } = await demoFixtures(db);
    const cookies = await loginDemoUsers(url, demo, demo.password);
    const chairUser = await db.user.findUniqueOrThrow({ where: { email: demo.chair } });
    const people = await benchUsers(db, url, mainUnit.id, settings.participants);
    const cookieOf = (i: number) => people[i % people.length];
    const meetings = await copyComingMeeting(db, settings.rounds, chairUser.id);
    const figures = {
      lockRoom: new Figures(),
      lockPage: new Figures(),
      lockPageReloaded: new Figures(),
      closeRoom: new Figures(),
      closePage: new Figures(),
      closePageReloaded: new Figures(),
      carriedPage: new Figures(),
      carriedPageReloaded: new Figures(),
    };
    const acks = { lock: [] as number[], close: [] as number[] };

    for (const [round, meeting] of meetings.entries()) {
      const { startsAt } = await db.meeting.findUniqueOrThrow({ where: { id: meeting.meetingId } });
      const next = await db.meeting.findFirstOrThrow({
        where: { unitId: mainUnit.id, status: 'planned', startsAt: { gt: startsAt } },
        orderBy: { startsAt: 'asc' },
      });
      const open = async (cookie: string) => {
        const socket = await connectSocket(url, cookie);
        sockets.push(socket);
        return socket;
      };
      const chair = await open(cookies.chair);
      await emitAck(chair, 'meeting:join', { meetingId: meeting.meetingId });
      const room = await Promise.all(
        Array.from({ length: settings.participants }, async (_, i) => {
          const socket = await open(cookieOf(i));
          const joined = await emitAck(socket, 'meeting:join', { meetingId: meeting.meetingId });
          if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined)}`);
          return socket;
        }),
      );
      const watch = (meetingId: string) =>
        Promise.all(
          Array.from({ length: settings.pages }, async () => {
            // The leader's: a closed meeting is history, hidden from a caseworker with no case on it (lib/access).
            const cookie = cookies.leader;
            const socket = await open(cookie);
            const watching = await emitAck(socket, 'meeting:watch-agenda', { meetingId });
            if (!watching.ok) throw new Error(`watch refused: ${JSON.stringify(watching)}`);
            const reload = async () => {
              const page = await fetch(`${url}/moter/${meetingId}`, { headers: { cookie } });
              if (page.status !== 200) throw new Error(`saksliste answered ${page.status}`);
              await page.text();
            };
            return { socket, reload };
          }),
        );
      const pages = await watch(meeting.meetingId);
      const nextPages = await watch(next.id);

      // The item to lock: the first one a bare outcome may close (an avklaring needs a conclusion and an owner).
      const items = await db.agendaItem.findMany({ where: { meetingId: meeting.meetingId }, orderBy: { position: 'asc' } });
      const item = items.find((i) => i.purpose !== 'avklaring') ?? items[0];
      const writer = connectYjs(url, `item:${item.id}`, cookies.chair);
      await whenSynced(writer);
      writer.doc.getMap('item').set('outcome', 'droftet');
      // Stored before the lock (the lock waits for unsaved edits otherwise: lib/meetings/run-meeting.ts).
      for (let tries = 0; (await db.yDocUpdate.count({ where: { docName: `item:${item.id}` } })) === 0; tries += 1)
        if (tries > 200) throw new Error('the outcome was not stored');
        else await new Promise((resolve) => setTimeout(resolve, 25));
      writer.destroy();

      let t0 = 0;
      const since = () => t0;
      const lockRoom = room.map((s) => arrival(s, 'meeting:item', since).told);
      const lockPages = pages.map((p) => arrival(p.socket, 'meeting:item', since, p.reload));
      t0 = performance.now();
      let locked = await emitAck(chair, 'meeting:lock-item', { meetingId: meeting.meetingId, itemId: item.id, locked: true });
      if (!locked.ok && locked.fields?.deviation_reason_required) {
        // Unlike the top similar earlier decision: the room asks the chair why; so does this.
        t0 = performance.now();
        locked = await emitAck(chair, 'meeting:lock-item', {
          meetingId: meeting.meetingId,
          itemId: item.id,
          locked: true,
          deviationReason: 'Målt i benken.',
        });
      }
      if (!locked.ok) throw new Error(`lock refused: ${JSON.stringify(locked)}`);
      acks.lock.push(performance.now() - t0);
      figures.lockRoom.round(await Promise.all(lockRoom));
      figures.lockPage.round(await Promise.all(lockPages.map((p) => p.told)));
      figures.lockPageReloaded.round(await Promise.all(lockPages.map((p) => p.reloaded)));

      const closeRoom = room.map((s) => arrival(s, 'meeting:closed', since).told);
      const closePages = pages.map((p) => arrival(p.socket, 'meeting:closed', since, p.reload));
      const carried = nextPages.map((p) => arrival(p.socket, 'meeting:agenda-changed', since, p.reload));
      t0 = performance.now();
      const closed = await emitAck(chair, 'meeting:close', { meetingId: meeting.meetingId }, 30_000);
      if (!closed.ok) throw new Error(`close refused: ${JSON.stringify(closed)}`);
      acks.close.push(performance.now() - t0);
      if (closed.result.carriedOver === 0) throw new Error('nothing was carried over: the carry-over is not measured');
      figures.closeRoom.round(await Promise.all(closeRoom));
      figures.closePage.round(await Promise.all(closePages.map((p) => p.told)));
      figures.closePageReloaded.round(await Promise.all(closePages.map((p) => p.reloaded)));
      figures.carriedPage.round(await Promise.all(carried.map((p) => p.told)));
      figures.carriedPageReloaded.round(await Promise.all(carried.map((p) => p.reloaded)));
      for (const socket of sockets.splice(0)) socket.disconnect();
      if (round === 0) console.log(`round 1: locked "${item.purpose}" item, ${closed.result.carriedOver} carried over to ${next.id}`);
    }

    const sortedAck = (times: number[]) => [...times].sort((a, b) => a - b);
    console.log(`\n${settings.rounds} rounds (times from the chair's emit, ms):\n`);
    console.log(
      `  chair's answer: lock p50 ${fmt(percentile(sortedAck(acks.lock), 50))} / max ${fmt(sortedAck(acks.lock).at(-1))}; ` +
        `close p50 ${fmt(percentile(sortedAck(acks.close), 50))} / max ${fmt(sortedAck(acks.close).at(-1))}`,
    );
    console.log(figures.lockRoom.line(`lock → ${settings.participants} rooms told`));
    console.log(figures.lockPage.line(`lock → ${settings.pages} saksliste pages told`));
    console.log(figures.lockPageReloaded.line(`lock → those pages reloaded`));
    console.log(figures.closeRoom.line(`close → ${settings.participants} rooms told`));
    console.log(figures.closePage.line(`close → ${settings.pages} saksliste pages told`));
    console.log(figures.closePageReloaded.line(`close → those pages reloaded`));
    console.log(figures.carriedPage.line(`carry-over → next meeting's ${settings.pages} pages told`));
    console.log(figures.carriedPageReloaded.line(`carry-over → those pages reloaded`));
  } catch (error) {
    if (server)
      console.error(`\nbenchmark failed; the server's log, last 30 lines:\n${server.logs.join('').split('\n').slice(-30).join('\n')}`);
    throw error;
  } finally {
    for (const socket of sockets) socket.disconnect();
    await db?.$disconnect().catch(() => undefined);
    await server?.stop('SIGTERM');
    await database?.drop().catch(() => undefined);
  }
}

await main();
process.exit(0);
