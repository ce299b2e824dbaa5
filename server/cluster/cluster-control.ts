import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SessionCache } from '../../lib/auth/session-cache';
import type { Logger } from '../logger';
import type { LiveConnections } from '../realtime/live-connections';
import type { AccessChange, DocumentRegistry } from '../realtime/yjs/document-registry';
import type { ClusterBus } from './cluster-bus';

const messageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('access'),
    from: z.string().min(1),
    id: z.string().min(1),
    name: z.string().min(1).max(200),
    change: z.enum(['read-only', 'restore', 'recheck']),
    closeCode: z.number().int().min(1000).max(4999),
  }),
  z.object({ kind: z.literal('ack'), from: z.string().min(1), to: z.string().min(1), id: z.string().min(1) }),
  z.object({
    kind: z.literal('end-sessions'),
    from: z.string().min(1),
    id: z.string().min(1),
    sessionIds: z.array(z.string().min(1).max(100)).max(10_000),
  }),
  z.object({ kind: z.literal('recheck-user'), from: z.string().min(1), id: z.string().min(1), userId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('forget-user'), from: z.string().min(1), id: z.string().min(1), userId: z.string().min(1).max(100) }),
]);
type ControlMessage = z.infer<typeof messageSchema>;
type Acknowledged = Extract<ControlMessage, { id: string }> extends infer M ? (M extends { kind: 'ack' } ? never : M) : never;
type Unsent<M> = M extends unknown ? Omit<M, 'from' | 'id'> : never;

/**
 * What one node must make happen on every node: an access change to a
 * document (a lock, a closed meeting, a submitted case), a login session that
 * ended, a user whose roles changed. Access changes are acknowledged: the
 * caller continues only when every node has applied it (or a second has passed),
 * so a meeting that is closed right after freezing its items reads every edit
 * any node accepted before the freeze (the acknowledgement travels behind them).
 * Session changes are acknowledged too: a logout, a deactivation or a role
 * change is answered only once every node has dropped what its session cache
 * kept (lib/auth/session-cache.ts), so the next request, on any node, is
 * checked against the database.
 */
export class ClusterControl {
  private readonly channel: string;
  private readonly waiting = new Map<string, { remaining: number; done: () => void }>();

  constructor(
    private readonly deps: {
      bus: ClusterBus;
      registry: DocumentRegistry;
      live: LiveConnections;
      sessions: SessionCache;
      log: Logger;
      ackTimeoutMs?: number;
    },
  ) {
    this.channel = deps.bus.channel('control');
  }

  start(): Promise<void> {
    return this.deps.bus.subscribe(this.channel, (message) => this.receive(message));
  }

  /**
   * Resolves true once every other node has applied the change, false if that cannot be known (Redis
   * away, a node silent for a second). A node that missed it re-checks all its connections when it is
   * back in touch (`recheckAllOnReconnect`); a freeze that was not acknowledged is refused by the caller.
   */
  async announceAccessChange(name: string, change: AccessChange, closeCode: number): Promise<boolean> {
    return this.announce({ kind: 'access', name, change, closeCode }, { doc: name, change });
  }

  /** Every node closes these sessions' websockets and forgets them; resolves as announceAccessChange does. */
  endSessions(sessionIds: string[]): Promise<boolean> {
    if (sessionIds.length === 0) return Promise.resolve(true);
    return this.announce({ kind: 'end-sessions', sessionIds }, { sessions: sessionIds.length });
  }

  /** Every node forgets the user's kept sessions and closes their websockets, which reconnect and are checked again. */
  recheckUser(userId: string): Promise<boolean> {
    return this.announce({ kind: 'recheck-user', userId }, { user: userId });
  }

  /** Every node forgets the user's kept sessions (a membership added, a new name): their next request reads them again. */
  forgetUser(userId: string): Promise<boolean> {
    return this.announce({ kind: 'forget-user', userId }, { user: userId });
  }

  /** Says it to every other node and waits (a second at most) until each has acted on it. */
  private async announce(message: Unsent<Acknowledged>, context: Record<string, unknown>): Promise<boolean> {
    const { bus, log } = this.deps;
    let others = 0;
    try {
      others = (await bus.listeners(this.channel)) - 1;
    } catch (error) {
      log.warn({ ...context, err: (error as Error).message }, `cluster: could not count nodes for ${message.kind}`);
      return false;
    }
    if (others <= 0) return true;
    const id = randomBytes(6).toString('base64url');
    let timer: NodeJS.Timeout | undefined;
    const complete = await new Promise<boolean>((resolve) => {
      const done = (all: boolean) => {
        this.waiting.delete(id);
        resolve(all);
      };
      this.waiting.set(id, { remaining: others, done: () => done(true) });
      timer = setTimeout(() => {
        log.warn(
          { ...context, kind: message.kind, missing: this.waiting.get(id)?.remaining },
          'cluster: not every node acknowledged in time',
        );
        done(false);
      }, this.deps.ackTimeoutMs ?? 1000);
      this.say({ ...message, from: bus.nodeId, id } as ControlMessage);
    });
    clearTimeout(timer);
    return complete;
  }

  private receive(raw: Buffer): void {
    let message: ControlMessage;
    try {
      message = messageSchema.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      this.deps.log.warn('cluster: dropped an invalid control message');
      return;
    }
    const { bus, registry, live, log } = this.deps;
    if (message.from === bus.nodeId) return;
    switch (message.kind) {
      case 'access':
        void registry
          .applyAccessChange(message.name, message.change, message.closeCode)
          .catch((error: Error) => log.warn({ doc: message.name, err: error.message }, 'cluster: access change failed here'))
          .finally(() => this.acknowledge(message));
        return;
      case 'ack': {
        if (message.to !== bus.nodeId) return;
        const waiting = this.waiting.get(message.id);
        if (waiting && --waiting.remaining <= 0) waiting.done();
        return;
      }
      case 'end-sessions':
        this.deps.sessions.dropSessions(message.sessionIds);
        live.end(message.sessionIds);
        this.acknowledge(message);
        return;
      case 'recheck-user':
        this.deps.sessions.dropUser(message.userId);
        live.recheckUser(message.userId);
        this.acknowledge(message);
        return;
      case 'forget-user':
        this.deps.sessions.dropUser(message.userId);
        this.acknowledge(message);
        return;
    }
  }

  private acknowledge(message: { from: string; id: string }): void {
    this.say({ kind: 'ack', from: this.deps.bus.nodeId, to: message.from, id: message.id });
  }

  private say(message: ControlMessage): void {
    this.deps.bus.publish(this.channel, JSON.stringify(message));
  }
}
