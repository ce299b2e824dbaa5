import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Runs the real Samlet process (server/main.ts, production build) on a free
 * port, exactly as `npm start` does, and stops it with a real signal.
 */
export type TestServer = {
  port: number;
  url: string;
  process: ChildProcess;
  logs: string[];
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A port that is free to listen on. It is drawn at random from below the
 * kernel's ephemeral range (32768-60999 here): a port the kernel handed out
 * for a probe can be handed out again at once for any outgoing connection
 * (a database client, Chromium), and then the server's listen fails with
 * EADDRINUSE. Below that range only listeners compete.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(candidate)) return candidate;
  }
  throw new Error('no free port found in 20000-31999');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * Starts the server; when the port was chosen here and another process took
 * it between the probe and the server's listen, tries again on another one.
 */
export async function startTestServer(options: Parameters<typeof startOnce>[0]): Promise<TestServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(options);
    } catch (error) {
      const portTaken = error instanceof Error && error.message.includes('EADDRINUSE');
      if (!portTaken || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

async function startOnce(options: {
  databaseUrl: string;
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  /** Extra Node flags for the server process (e.g. `--cpu-prof` from the benchmark). */
  nodeArgs?: string[];
}): Promise<TestServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      SAMLET_DATA_DIR: options.dataDir,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      logs.push(text);
      if (text.includes('Samlet listening')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited with ${code} before it was ready:\n${logs.join('')}`)));
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await ready.finally(() => clearTimeout(timeout));
  return {
    port,
    url,
    process: child,
    logs,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * When a test in this file fails, prints the end of the server's log (and
 * anything else given), so a failure on CI can be understood without a rerun.
 */
export function printLogsOnFailure(server: () => TestServer | undefined, extra: () => string = () => ''): void {
  afterEach((context) => {
    if (context.task.result?.state !== 'fail') return;
    const lines = (server()?.logs.join('') ?? '').split('\n').slice(-200).join('\n');
    console.log(`--- server log, last 200 lines (${context.task.name}) ---\n${lines}\n${extra()}`);
  });
}
