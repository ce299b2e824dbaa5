/**
 * Messages between bench/meeting-load.ts (the parent) and its load processes
 * (bench/load-worker.ts) over the fork IPC channel.
 */
export type LoadClientSpec = {
  /** `meeting:<id>` */
  docName: string;
  /** Session cookie for Samlet, null for the reference server (no auth). */
  cookie: string | null;
  /** Short unique tag, carried in this client's tokens: `m12c3`. */
  tag: string;
  typist: boolean;
  /** The node this client connects to, when the target has several (else the `connect` message's). */
  serverUrl?: string;
};

export type ParentMessage =
  | { type: 'connect'; serverUrl: string; clients: LoadClientSpec[]; batchSize: number; connectTimeoutMs: number }
  | {
      type: 'run';
      /** Times on bench/clock.ts monoMs(): typing and awareness start, the measured window, its end. */
      startAt: number;
      windowStartAt: number;
      windowEndAt: number;
      editIntervalMs: number;
      awarenessIntervalMs: number;
    }
  | { type: 'report' }
  | { type: 'close' };

export type WorkerMessage =
  | { type: 'connected'; synced: number; failed: number; ms: number }
  | {
      type: 'report';
      /** Tokens each typist sent with a send time inside the window. */
      typists: { docName: string; sent: number }[];
      /** Window tokens each observer received (within the drain time). */
      observers: { docName: string; received: number }[];
      /** Receive time − send time (ms) of every window token every observer received. */
      latencies: number[];
      /** The send time (bench/clock.ts) of each entry of `latencies`, same index. */
      sentAts: number[];
      /** Provider disconnects seen after the initial sync. */
      disconnects: number;
      /** This load process over the window: CPU % of one core and event-loop delay (ms). */
      cpuPercent: number;
      eventLoopDelayMs: { p50: number; p99: number; max: number };
    }
  | { type: 'closed' }
  | { type: 'error'; message: string };
