import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

export type ChannelHandler = (message: Buffer) => void;

/**
 * This node's line to the other nodes: Redis pub/sub under the installation's
 * prefix. One connection publishes everything this node says, so another node
 * hears it in the order it was said — an access change's acknowledgement never
 * overtakes an edit relayed before it. A second connection subscribes (Redis
 * requires a dedicated one). Messages are best effort: the database, not Redis,
 * holds every edit (docs/architecture.md, "Several nodes").
 */
export class ClusterBus {
  /** Random per process: a restarted node is a new node to the others. */
  readonly nodeId = randomBytes(6).toString('base64url');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, ChannelHandler>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly healthListeners = new Set<(healthy: boolean) => void>();
  private connectedOnce = false;

  constructor(private readonly options: { url: string; prefix: string; log: Logger }) {
    // Never wait for Redis: a command fails at once while it is away (the callers fall back to this node
    // alone) and after 2 s on a silent network; a dead peer is noticed by TCP keep-alive.
    const common = {
      connectionName: `samlet-${this.nodeId}`,
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: 2000,
      keepAlive: 10_000,
      maxRetriesPerRequest: 1,
    };
    this.publisher = new Redis(options.url, common);
    this.subscriber = new Redis(options.url, common);
    for (const [role, client] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      client.on('error', (error: Error) => options.log.warn({ role, err: error.message }, 'redis: connection error'));
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const handler = this.handlers.get(channel.toString());
      if (!handler) return;
      try {
        handler(message);
      } catch (error) {
        options.log.warn({ channel: channel.toString(), err: (error as Error).message }, 'redis: message handler failed');
      }
    });
    // ioredis re-subscribes by itself after a lost connection; what was said meanwhile is lost, so listeners
    // resync — once both connections are back (the resync both listens and speaks).
    const onReady = () => {
      if (!this.healthy) return;
      if (this.connectedOnce) for (const listener of this.reconnectListeners) listener();
      this.connectedOnce = true;
    };
    this.publisher.on('ready', onReady);
    this.subscriber.on('ready', onReady);
    const onHealth = () => {
      for (const listener of this.healthListeners) listener(this.healthy);
    };
    for (const client of [this.publisher, this.subscriber]) {
      client.on('ready', onHealth);
      client.on('close', onHealth);
    }
  }

  /** Connects both connections; rejects if Redis cannot be reached at start. */
  async connect(): Promise<void> {
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
  }

  channel(name: string): string {
    return `${this.options.prefix}${name}`;
  }

  /** For plain commands (the login throttle): the publishing connection, which is never in subscriber mode. */
  get commands(): Redis {
    return this.publisher;
  }

  /**
   * Redis clients for the socket.io adapter (its own pair, so its traffic never delays ours), connected
   * before they are handed over: the adapter subscribes as it is created, and a SUBSCRIBE queued on a
   * connection that is still connecting can go out before ioredis's INFO ready check, which Redis then
   * refuses ("Connection in subscriber mode") and the adapter's subscriptions are lost with the retry.
   */
  async connectedDuplicates(): Promise<{ pub: Redis; sub: Redis }> {
    // Queueing while away later: the adapter has its own timeouts.
    const options = { lazyConnect: true, enableOfflineQueue: true, maxRetriesPerRequest: null };
    const pair = { pub: this.publisher.duplicate(options), sub: this.subscriber.duplicate(options) };
    for (const client of [pair.pub, pair.sub]) {
      client.on('error', (error: Error) =>
        this.options.log.warn({ role: 'socket.io adapter', err: error.message }, 'redis: connection error'),
      );
    }
    await Promise.all([pair.pub.connect(), pair.sub.connect()]);
    return pair;
  }

  async subscribe(channel: string, handler: ChannelHandler): Promise<void> {
    this.handlers.set(channel, handler);
    await this.subscriber.subscribe(channel);
  }

  async unsubscribe(channel: string): Promise<void> {
    this.handlers.delete(channel);
    await this.subscriber.unsubscribe(channel);
  }

  publish(channel: string, message: Uint8Array | string): void {
    const payload = typeof message === 'string' ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    this.publisher
      .publish(channel, payload)
      .catch((error: Error) => this.options.log.warn({ channel, err: error.message }, 'redis: publish failed'));
  }

  /** How many nodes (this one included, if subscribed) listen on a channel now. */
  async listeners(channel: string): Promise<number> {
    return (await this.listenersOf([channel]))[0];
  }

  /** The same for several channels in one round trip, in their order. */
  async listenersOf(channels: readonly string[]): Promise<number[]> {
    if (channels.length === 0) return [];
    const reply = (await this.publisher.pubsub('NUMSUB', ...channels)) as (string | number)[];
    return channels.map((_, i) => Number(reply[i * 2 + 1] ?? 0));
  }

  /** Called after the connection to Redis came back (messages may have been missed). */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.add(listener);
  }

  /** Called whenever a connection to Redis is lost or back, with whether both are up now. */
  onHealthChange(listener: (healthy: boolean) => void): void {
    this.healthListeners.add(listener);
  }

  get healthy(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  async close(): Promise<void> {
    this.handlers.clear();
    // disconnect, not quit: nothing is left to send, and a QUIT queued behind a reconnect would hold shutdown.
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
