import { WebSocketServer, WebSocket } from 'ws';

/**
 * The baseline: a bare `ws` server that broadcasts each message from the teacher to every other
 * socket, serialising once. It is the practical limit of this machine for a broadcast.
 */
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const text = data.toString();
    for (const client of wss.clients) if (client !== socket && client.readyState === WebSocket.OPEN) client.send(text);
  });
});
wss.on('listening', () => {
  const address = wss.address();
  process.send?.({ type: 'ready', port: address && typeof address === 'object' ? address.port : 0 });
});
process.on('message', (m: any) => {
  if (m?.type === 'memory') process.send?.({ type: 'memory', rss: process.memoryUsage().rss });
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
