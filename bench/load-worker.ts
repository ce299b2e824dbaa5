/**
 * One load process of bench/meeting-load.ts: stock y-websocket clients
 * (tests/support/yjs-client.ts) for its share of the meetings. Typists insert
 * `[<tag>:<seq>:<send time>]` into the Y.Text 'notes'; every participant
 * updates its awareness at 1 Hz; every non-typist records receive time − send
 * time for each token it observes (times on the machine's monotonic clock,
 * bench/clock.ts, shared by all processes). Started with fork() by the parent, driven
 * over IPC (bench/protocol.ts); it exits when told to, or when the parent goes.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { connectYjs, whenSynced, type YjsClient } from '../tests/support/yjs-client';
import { monoMs } from './clock';
import type { LoadClientSpec, ParentMessage, WorkerMessage } from './protocol';

type LoadClient = {
  spec: LoadClientSpec;
  client: YjsClient;
  sent: number;
  received: number;
  seq: number;
  timers: NodeJS.Timeout[];
};

const tokenPattern = /\[([a-z0-9]+):(\d+):(\d+\.\d+)\]/g;
const clients: LoadClient[] = [];
const latencies: number[] = [];
/** The send time of each entry of `latencies` (same index). */
const sentAts: number[] = [];
let disconnects = 0;
let measured = { start: Number.POSITIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
const loopResolutionMs = 10;
const loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
loopDelay.enable();
let cpuAtWindowStart: NodeJS.CpuUsage | null = null;
let cpuPercent = 0;
let loopAtWindowEnd = { p50: 0, p99: 0, max: 0 };

function send(message: WorkerMessage): void {
  process.send?.(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const delayMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - loopResolutionMs) * 100) / 100);

/** Connects in batches; a client that has not synced within the timeout is dropped and counted. */
async function connectAll(serverUrl: string, specs: LoadClientSpec[], batchSize: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let failed = 0;
  for (let i = 0; i < specs.length; i += batchSize) {
    const batch = specs.slice(i, i + batchSize).map((spec) => {
      const client = connectYjs(spec.serverUrl ?? serverUrl, spec.docName, spec.cookie);
      return { spec, client, sent: 0, received: 0, seq: 0, timers: [] } satisfies LoadClient;
    });
    const remaining = Math.max(1000, timeoutMs - (Date.now() - started));
    const results = await Promise.allSettled(batch.map((c) => whenSynced(c.client, remaining)));
    results.forEach((result, index) => {
      const entry = batch[index];
      if (result.status === 'fulfilled') {
        observe(entry);
        clients.push(entry);
      } else {
        failed += 1;
        entry.client.destroy();
      }
    });
  }
  send({ type: 'connected', synced: clients.length, failed, ms: Date.now() - started });
}

function observe(entry: LoadClient): void {
  entry.client.provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') disconnects += 1;
  });
  if (entry.spec.typist) return;
  entry.client.text.observe((event: Y.YTextEvent) => {
    const now = monoMs();
    for (const op of event.delta) {
      if (typeof op.insert !== 'string') continue;
      for (const match of op.insert.matchAll(tokenPattern)) {
        const sentAt = Number(match[3]);
        if (sentAt < measured.start || sentAt >= measured.end) continue;
        entry.received += 1;
        latencies.push(now - sentAt);
        sentAts.push(sentAt);
      }
    }
  });
}

function run(message: Extract<ParentMessage, { type: 'run' }>): void {
  measured = { start: message.windowStartAt, end: message.windowEndAt };
  const startIn = Math.max(0, message.startAt - monoMs());
  for (const entry of clients) {
    const { provider, text } = entry.client;
    // Random phases, so the clients do not all fire in the same millisecond.
    const awarenessPhase = Math.random() * message.awarenessIntervalMs;
    entry.timers.push(
      setTimeout(() => {
        provider.awareness.setLocalStateField('user', { name: entry.spec.tag });
        const timer = setInterval(() => {
          if (monoMs() >= message.windowEndAt) return clearInterval(timer);
          // What the app's editors send (y-codemirror.next's cursor, the field): the server's presence filter keeps exactly this.
          const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
          provider.awareness.setLocalState({
            ...provider.awareness.getLocalState(),
            field: 'notes',
            cursor: { anchor: caret, head: caret },
          });
        }, message.awarenessIntervalMs);
        entry.timers.push(timer);
      }, startIn + awarenessPhase),
    );
    if (!entry.spec.typist) continue;
    const editPhase = Math.random() * message.editIntervalMs;
    entry.timers.push(
      setTimeout(() => {
        const timer = setInterval(() => {
          const now = monoMs();
          if (now >= message.windowEndAt) return clearInterval(timer);
          entry.seq += 1;
          text.insert(text.length, `[${entry.spec.tag}:${entry.seq}:${now.toFixed(3)}]`);
          if (now >= message.windowStartAt) entry.sent += 1;
        }, message.editIntervalMs);
        entry.timers.push(timer);
      }, startIn + editPhase),
    );
  }
  // The load process's own CPU and event-loop delay over the window.
  setTimeout(
    () => {
      cpuAtWindowStart = process.cpuUsage();
      loopDelay.reset();
    },
    Math.max(0, message.windowStartAt - monoMs()),
  );
  setTimeout(
    () => {
      if (cpuAtWindowStart) {
        const used = process.cpuUsage(cpuAtWindowStart);
        cpuPercent = Math.round(((used.user + used.system) / 1000 / (message.windowEndAt - message.windowStartAt)) * 1000) / 10;
      }
      loopAtWindowEnd = { p50: delayMs(loopDelay.percentile(50)), p99: delayMs(loopDelay.percentile(99)), max: delayMs(loopDelay.max) };
    },
    Math.max(0, message.windowEndAt - monoMs()),
  );
}

function report(): void {
  send({
    type: 'report',
    typists: clients.filter((c) => c.spec.typist).map((c) => ({ docName: c.spec.docName, sent: c.sent })),
    observers: clients.filter((c) => !c.spec.typist).map((c) => ({ docName: c.spec.docName, received: c.received })),
    latencies,
    sentAts,
    disconnects,
    cpuPercent,
    eventLoopDelayMs: loopAtWindowEnd,
  });
}

async function close(): Promise<void> {
  for (const entry of clients) {
    for (const timer of entry.timers) clearTimeout(timer);
    entry.client.destroy();
  }
  // Let the close frames go out before exiting.
  await sleep(300);
  send({ type: 'closed' });
  process.exit(0);
}

// Each y-websocket provider adds a process 'exit' listener; hundreds here are expected.
process.setMaxListeners(0);

process.on('message', (message: ParentMessage) => {
  const work = (async () => {
    switch (message.type) {
      case 'connect':
        return connectAll(message.serverUrl, message.clients, message.batchSize, message.connectTimeoutMs);
      case 'run':
        return run(message);
      case 'report':
        return report();
      case 'close':
        return close();
    }
  })();
  work.catch((error: Error) => send({ type: 'error', message: error.stack ?? error.message }));
});
// Never outlive the parent.
process.on('disconnect', () => process.exit(0));
