import { randomBytes } from 'node:crypto';
import { z } from 'zod';
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
  z.object({ kind: z.literal('end-sessions'), from: z.string().min(1), sessionIds: z.array(z.string().min(1).max(100)).max(10_000) }),
  z.object({ kind: z.literal('recheck-user'), from: z.string().min(1), userId: z.string().min(1).max(100) }),
]);
type ControlMessage = z.infer<typeof messageSchema>;

/**
 * What one node must make happen on every node: an access change to a
 * document (a lock, a closed meeting, a submitted case), a login session that
 * ended, a user whose roles changed. Access changes are acknowledged: the
 * caller continues only when every node has applied it (or a second has passed),
 * so a meeting that is closed right after freezing its items reads every edit
 * any node accepted before the freeze (the acknowledgement travels behind them).
 */
export class ClusterControl {
  private readonly channel: string;
  private readonly waiting = new Map<string, { remaining: number; done: () => void }>();

  constructor(
    private readonly deps: {
      bus: ClusterBus;
      registry: DocumentRegistry;
      live: LiveConnections;
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
    const { bus, log } = this.deps;
    let others = 0;
    try {
      others = (await bus.listeners(this.channel)) - 1;
    } catch (error) {
      log.warn({ doc: name, err: (error as Error).message }, 'cluster: could not count nodes for an access change');
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
          { doc: name, change, missing: this.waiting.get(id)?.remaining },
          'cluster: not every node acknowledged an access change in time',
        );
        done(false);
      }, this.deps.ackTimeoutMs ?? 1000);
      this.say({ kind: 'access', from: bus.nodeId, id, name, change, closeCode });
    });
    clearTimeout(timer);
    return complete;
  }

  endSessions(sessionIds: string[]): void {
    if (sessionIds.length > 0) this.say({ kind: 'end-sessions', from: this.deps.bus.nodeId, sessionIds });
  }

  recheckUser(userId: string): void {
    this.say({ kind: 'recheck-user', from: this.deps.bus.nodeId, userId });
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
          .finally(() => this.say({ kind: 'ack', from: bus.nodeId, to: message.from, id: message.id }));
        return;
      case 'ack': {
        if (message.to !== bus.nodeId) return;
        const waiting = this.waiting.get(message.id);
        if (waiting && --waiting.remaining <= 0) waiting.done();
        return;
      }
      case 'end-sessions':
        live.end(message.sessionIds);
        return;
      case 'recheck-user':
        live.recheckUser(message.userId);
        return;
    }
  }

  private say(message: ControlMessage): void {
    this.deps.bus.publish(this.channel, JSON.stringify(message));
  }
}
