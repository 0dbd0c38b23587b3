import fs from 'node:fs';
import Fastify from 'fastify';

/**
 * The baseline for GET /api/me/work: a bare Fastify route returning the same JSON from memory
 * (no cookie, no database, default serializer).
 */
const body: unknown = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
const app = Fastify({ logger: false });
app.get('/api/me/work', async () => body);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ type: 'ready', port: address && typeof address === 'object' ? address.port : 0 });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
