import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { monoMs } from './clock';
import type { LoadClientSpec, ParentMessage, WorkerMessage } from './protocol';

/**
 * Running meetings as background load for a benchmark of something else (pages, the 10:00 spike):
 * `participants` stock y-websocket clients per document, two of them typing, in two load processes
 * (bench/load-worker.ts). Each edit's propagation time is kept with its send time, so a caller can
 * take the p99 of any part of the window.
 */
const root = path.resolve(import.meta.dirname, '..');

function next<T extends WorkerMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<WorkerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`load process: no ${type} in ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: WorkerMessage) => {
      if (message.type !== type && message.type !== 'error') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if (message.type === 'error') reject(new Error(message.message));
      else resolve(message as Extract<WorkerMessage, { type: T }>);
    };
    child.on('message', onMessage);
  });
}

export type EditSamples = { latencies: number[]; sentAts: number[]; disconnects: number };

export async function startRealtimeLoad(options: {
  /** Where each client connects: one URL, or one per node (clients spread over them). */
  serverUrls: string[];
  docNames: string[];
  cookies: string[];
  durationMs: number;
  participants?: number;
  /** Measured from this long after the start (warm-up). */
  warmupMs?: number;
}) {
  const participants = options.participants ?? 10;
  const perProcess: LoadClientSpec[][] = [[], []];
  options.docNames.forEach((docName, m) => {
    for (let p = 0; p < participants; p += 1)
      perProcess[(m + p) % 2].push({
        docName,
        cookie: options.cookies[(m * participants + p) % options.cookies.length],
        tag: `m${m}c${p}`,
        typist: p < 2,
        serverUrl: options.serverUrls[(m * participants + p) % options.serverUrls.length],
      });
  });
  const workers = perProcess.map(() =>
    fork(path.join(root, 'bench', 'load-worker.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const send = (child: ChildProcess, message: ParentMessage) => child.send(message);
  await Promise.all(
    workers.map((worker, i) => {
      const connected = next(worker, 'connected', 180_000);
      send(worker, { type: 'connect', serverUrl: options.serverUrls[0], clients: perProcess[i], batchSize: 25, connectTimeoutMs: 120_000 });
      return connected;
    }),
  );
  const startAt = monoMs() + 300;
  const windowStartAt = startAt + (options.warmupMs ?? 2000);
  for (const worker of workers) {
    send(worker, {
      type: 'run',
      startAt,
      windowStartAt,
      windowEndAt: startAt + options.durationMs,
      editIntervalMs: 200,
      awarenessIntervalMs: 1000,
    });
  }
  return {
    pids: workers.map((worker) => worker.pid!),
    /** When the measured window opens (bench/clock.ts). */
    windowStartAt,
    finish: async (): Promise<EditSamples> => {
      const reports = await Promise.all(
        workers.map((worker) => {
          const report = next(worker, 'report', 60_000);
          send(worker, { type: 'report' });
          return report;
        }),
      );
      await Promise.all(
        workers.map((worker) => {
          const closed = next(worker, 'closed', 20_000).catch(() => undefined);
          send(worker, { type: 'close' });
          return closed;
        }),
      );
      for (const worker of workers) worker.kill();
      return {
        latencies: reports.flatMap((r) => r.latencies),
        sentAts: reports.flatMap((r) => r.sentAts),
        disconnects: reports.reduce((sum, r) => sum + r.disconnects, 0),
      };
    },
  };
}

/** The p-th percentile of the edits sent in [from, to) (bench/clock.ts times), and how many there were. */
export function percentileBetween(samples: EditSamples, p: number, from: number, to: number): { value: number; count: number } {
  const chosen = samples.latencies.filter((_, i) => samples.sentAts[i] >= from && samples.sentAts[i] < to).sort((a, b) => a - b);
  if (chosen.length === 0) return { value: Number.NaN, count: 0 };
  return { value: chosen[Math.min(chosen.length - 1, Math.max(0, Math.ceil((p / 100) * chosen.length) - 1))], count: chosen.length };
}
