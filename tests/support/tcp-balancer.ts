import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A stand-in for the load balancer in front of several nodes: each new TCP
 * connection goes to the first backend port that accepts it. When a node dies
 * its connections drop; clients reconnect through the balancer and land on the
 * next node — which is what a real balancer's health check achieves.
 */
export type TcpBalancer = {
  port: number;
  url: string;
  /** Drops every connection and refuses new ones until `resume` (a network cut). */
  interrupt: () => Promise<void>;
  resume: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startTcpBalancer(
  backendPorts: number[],
  /**
   * `first`: every connection to the first node that accepts (failover, what the tests need);
   * `round-robin`: new connections spread over the nodes in turn (a benchmark of several nodes).
   */
  strategy: 'first' | 'round-robin' = 'first',
): Promise<TcpBalancer> {
  const open = new Set<Socket>();
  let turn = 0;
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const start = strategy === 'round-robin' ? turn++ % backendPorts.length : 0;
    const tryBackend = (attempt: number) => {
      if (attempt >= backendPorts.length) return client.destroy();
      const backend = connect(backendPorts[(start + attempt) % backendPorts.length], '127.0.0.1');
      let connected = false;
      // Refused before connecting: that node is down, try the next. After: the connection is over.
      backend.on('error', () => (connected ? client.destroy() : tryBackend(attempt + 1)));
      backend.once('connect', () => {
        connected = true;
        open.add(backend);
        backend.once('close', () => {
          open.delete(backend);
          client.destroy();
        });
        client.once('close', () => backend.destroy());
        client.on('error', () => backend.destroy());
        client.pipe(backend);
        backend.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of open) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    interrupt: close,
    resume: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close,
  };
}
