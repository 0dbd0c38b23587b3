import net from 'node:net';

/**
 * A minimal TCP load balancer for tests, standing in for nginx: each new connection goes to the
 * first upstream that accepts it (passive failover, like `max_fails`), and the bytes flow both
 * ways untouched, WebSocket upgrades included. When an upstream dies its connections drop, the
 * clients reconnect, and the next upstream takes them.
 */
export async function startBalancer(upstreams: number[]): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const connectFirst = (index: number, client: net.Socket) => {
    const port = upstreams[index];
    if (port === undefined || client.destroyed) return client.destroy();
    const upstream = net.connect(port, '127.0.0.1');
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    upstream.once('connect', () => {
      upstream.removeAllListeners('error');
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    // Refused before connecting: this upstream is down; try the next one.
    upstream.once('error', () => connectFirst(index + 1, client));
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    connectFirst(0, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
