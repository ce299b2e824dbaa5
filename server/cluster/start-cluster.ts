import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../logger';
import type { LiveConnections } from '../realtime/live-connections';
import type { DocumentRegistry } from '../realtime/yjs/document-registry';
import { closeCodes } from '../realtime/close-codes';
import { ClusterBus } from './cluster-bus';
import { ClusterControl } from './cluster-control';
import type { SessionCache } from '../../lib/auth/session-cache';
import { DocumentRelay } from './document-relay';
import { RedisThrottleStore } from './redis-throttle-store';
import { registerThrottleStore } from '../../lib/auth/login-throttle';

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

/**
 * With REDIS_URL: joins this node to the others. Yjs documents are relayed
 * (DocumentRelay), access changes and ended sessions reach every node
 * (ClusterControl), socket.io rooms span the nodes through the official
 * Redis adapter, and failed logins are counted in Redis. Without it none of this is created and the node is alone.
 */
export async function startCluster(deps: {
  url: string;
  prefix: string;
  log: Logger;
  registry: DocumentRegistry;
  live: LiveConnections;
  sessions: SessionCache;
}) {
  const bus = new ClusterBus({ url: deps.url, prefix: deps.prefix, log: deps.log });
  await bus.connect();
  // Cut off from Redis, this node would miss another's logout: its session cache is off until it hears them again.
  bus.onHealthChange((healthy) => deps.sessions.setEnabled(healthy));
  const control = new ClusterControl({ bus, registry: deps.registry, live: deps.live, sessions: deps.sessions, log: deps.log });
  await control.start();
  const relay = new DocumentRelay({
    bus,
    control,
    log: deps.log,
    recheck: (name) => deps.registry.applyAccessChange(name, 'recheck', closeCodes.accessChanged),
  });
  deps.registry.setPeers(relay);
  // Failed logins are counted for the installation, not per node.
  registerThrottleStore(new RedisThrottleStore(bus.commands, deps.prefix));
  const adapterClients = await bus.connectedDuplicates();
  deps.log.info({ nodeId: bus.nodeId, prefix: deps.prefix }, 'cluster: joined through Redis');
  return {
    bus,
    control,
    relay,
    socketIoAdapter: createAdapter(adapterClients.pub, adapterClients.sub, { key: `${deps.prefix}socket.io` }),
    close: async () => {
      relay.close();
      await bus.close();
      adapterClients.pub.disconnect();
      adapterClients.sub.disconnect();
    },
  };
}
