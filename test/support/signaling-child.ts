// The child process behind signaling-process.ts: one signaling server, started from the
// options JSON in argv[2], reporting over the IPC channel. A separate process is what a
// fault test needs: SIGKILL and SIGSTOP then hit a real server with real sockets.
//
// IPC: `{ ready, url, metricsUrl, serverId }` once listening; `{ busHealth }` on every
// change of its Redis connection; `'stats'` is answered with `{ stats: { memory,
// connections } }` after a forced GC.
import { startSignalingServer } from '../../server/signaling/server.js';
import type { SignalingServerOptions } from '../../server/signaling/options.js';
import { BroadcastRoomHandler } from './broadcast-room-handler.js';

/** Options of the child: server options plus a switch for the test room handler. */
export interface SignalingChildOptions extends Omit<
  SignalingServerOptions,
  'roomHandler' | 'logger' | 'settler' | 'keyDirectory' | 'now'
> {
  /** Serve ROOM_* with {@link BroadcastRoomHandler} over this Redis URL. */
  broadcastRooms?: boolean;
}

const options = JSON.parse(process.argv[2] ?? '{}') as SignalingChildOptions;
const { broadcastRooms, ...serverOptions } = options;
const server = await startSignalingServer({
  // Errors only: the fault suites cause warnings on purpose.
  logLevel: 'error',
  ...serverOptions,
  ...(broadcastRooms === true ? { roomHandler: new BroadcastRoomHandler(options.redisUrl) } : {}),
});

function measure(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;

  for (let i = 0; i < 2; i += 1) gc?.();

  return process.memoryUsage();
}

process.on('message', (message: unknown) => {
  if (message === 'stats') {
    process.send!({ stats: { memory: measure(), connections: server.connections() } });
  }
});
server.onBusHealth((health) => process.send!({ busHealth: health }));
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.send!({
  ready: true,
  url: server.url,
  metricsUrl: server.metricsUrl,
  serverId: server.serverId,
});
