// The floor of the load benchmark, run as its own process. It is a bare WebSocket relay
// that shares Redis with its sibling instances, as the signaling server does. It forwards
// each frame to the peers named in its header, with no authentication, decoding or checks.
//
// A peer connects with `?id=N`; the relay subscribes to `bare:N` while it is connected. A
// frame `[u16 count][u32 target…][payload]` is published once per target; whatever arrives
// on `bare:N` goes to peer N unchanged. IPC: `{ ready, url }` once listening.
import { Redis } from 'ioredis';
import WebSocket, { WebSocketServer } from 'ws';

const redisUrl = process.argv[2]!;
const commands = new Redis(redisUrl, { enableAutoPipelining: true, lazyConnect: true });
// No ready check (an INFO command), which a connection already subscribing cannot send.
const subscriber = new Redis(redisUrl, { enableReadyCheck: false, lazyConnect: true });

await Promise.all([commands.connect(), subscriber.connect()]);

const sockets = new Map<string, WebSocket>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });

subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
  const socket = sockets.get(channel.toString('utf8').slice('bare:'.length));

  if (socket?.readyState === WebSocket.OPEN) socket.send(message);
});

wss.on('connection', (socket, request) => {
  const id = new URL(request.url ?? '/', 'http://relay').searchParams.get('id') ?? '';

  sockets.set(id, socket);
  void subscriber.subscribe(`bare:${id}`);
  socket.on('message', (data: Buffer) => {
    const count = data.readUInt16LE(0);
    const payload = data.subarray(2 + 4 * count);

    for (let index = 0; index < count; index += 1) {
      void commands.publish(`bare:${data.readUInt32LE(2 + 4 * index)}`, payload);
    }
  });
  socket.on('close', () => {
    sockets.delete(id);
    void subscriber.unsubscribe(`bare:${id}`);
  });
});

await new Promise((resolve) => wss.once('listening', resolve));
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true, url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/` });
