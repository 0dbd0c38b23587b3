import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyInstance } from 'fastify';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import type { AuthService } from '../modules/auth/auth.service.ts';
import { attachLiveGateway } from './gateway.ts';
import type { LiveRoomService } from './live-room.service.ts';

/** Only our own pages may open a live socket (a foreign page would ride the cookie otherwise). */
function sameOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (!origin) return true; // not a browser (CLI, tests); the cookie still has to be valid
  try {
    const claimed = new URL(origin);
    if (publicUrl && new URL(publicUrl).origin === claimed.origin) return true;
    return claimed.host === host;
  } catch {
    return false;
  }
}

/**
 * Socket.IO on Fastify's HTTP server. With REDIS_URL, the Redis adapter carries broadcasts
 * between nodes; otherwise everything stays in this process.
 */
export async function attachRealtime(
  app: FastifyInstance,
  deps: { redisUrl: string | undefined; publicUrl: string | undefined; auth: AuthService; rooms: LiveRoomService; onEnded: (lessonId: string) => void },
) {
  const io = new Server(app.server, {
    path: '/socket.io',
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host, deps.publicUrl)),
  });
  const redis: ReturnType<typeof createClient>[] = [];
  if (deps.redisUrl) {
    const pub = createClient({ url: deps.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (err) => app.log.error({ err }, 'redis'));
    await Promise.all([pub.connect(), sub.connect()]);
    redis.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
  }
  const gateway = attachLiveGateway(io, { auth: deps.auth, rooms: deps.rooms, onEnded: deps.onEnded, log: (message, err) => app.log.error({ err }, message) });

  return {
    io,
    gateway,
    /**
     * Drops every connection as a transport failure, so clients reconnect by themselves (to
     * this node after a restart, or another one), then releases the adapter and Redis.
     */
    async close(): Promise<void> {
      gateway.markClosing();
      io.engine.close();
      await gateway.idle();
      await Promise.all([...io._nsps.values()].map((nsp) => nsp.adapter.close()));
      await Promise.all(redis.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
export type Realtime = Awaited<ReturnType<typeof attachRealtime>>;
