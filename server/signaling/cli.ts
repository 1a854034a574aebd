/**
 * `stardust-voice signaling`: runs a signaling server until SIGINT or SIGTERM, which close
 * every socket with 1012 so clients reconnect elsewhere. Flags win over environment
 * variables, which win over defaults.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { pino } from 'pino';

import { fetchGenesisHash } from './genesis.js';
import type { SignalingServerOptions } from './options.js';
import { ROOM_FLAGS_USAGE, roomFlagsFrom } from './rooms/cli-flags.js';
import { startRoomHandler } from './rooms/start.js';
import { startSignalingServer, type SignalingServerHandle } from './server.js';

export const SIGNALING_USAGE = `Usage: stardust-voice signaling [options]

Starts the signaling server: WebSocket on ws://HOST:PORT/signal, metrics on /metrics.

  --host HOST           address to listen on (env STARDUST_SIGNALING_HOST, default 127.0.0.1)
  --port PORT           port to listen on, 0 for any (env STARDUST_SIGNALING_PORT, default 8888)
  --chain URL           chain node to read the genesis hash from, ws:// or http://
                        (env STARDUST_CHAIN)
  --genesis HEX         genesis hash delegations must name, instead of --chain
                        (env STARDUST_GENESIS)
  --origin ORIGINS      comma-separated web origins whose sessions are accepted; any when
                        unset (env STARDUST_ORIGINS)
  --redis URL           Redis for presence, routing and the key directory across
                        instances (env REDIS_URL); run it with --appendonly yes
  --state-dir DIR       folder for the key directory file (keys.json) when Redis is not
                        set (env STARDUST_SIGNALING_STATE_DIR, default .stardust/signaling)
  --turn-secret SECRET  coturn static-auth-secret; AUTH_OK then carries TURN credentials
                        (env STARDUST_TURN_SECRET)
  --turn-url URLS       comma-separated TURN URLs, such as turn:127.0.0.1:3478
                        (env STARDUST_TURN_URLS)
  --settler-seed SEED   secret URI of the CallSettler account (env STARDUST_SETTLER_SEED);
                        with a ws:// --chain the server settles calls nobody ended
  --strict              verify every message signature at the server too
                        (env STARDUST_STRICT_SIGNALING=1)
  --max-buffered-bytes N  bytes queued for one socket before it is closed as a slow
                        consumer (env STARDUST_MAX_BUFFERED_BYTES, default 4194304)
  --log-level LEVEL     pino level: fatal, error, warn, info, debug (env LOG_LEVEL, default info)
${ROOM_FLAGS_USAGE}`;

/** Parses `argv` and the environment into server options. */
export async function signalingOptionsFrom(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<SignalingServerOptions | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      chain: { type: 'string' },
      genesis: { type: 'string' },
      origin: { type: 'string' },
      redis: { type: 'string' },
      'state-dir': { type: 'string' },
      'turn-secret': { type: 'string' },
      'turn-url': { type: 'string' },
      'settler-seed': { type: 'string' },
      strict: { type: 'boolean' },
      'max-buffered-bytes': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });

  if (values.help === true) return undefined;

  const chain = values.chain ?? env.STARDUST_CHAIN;
  const genesis =
    values.genesis ??
    env.STARDUST_GENESIS ??
    (chain === undefined ? undefined : await fetchGenesisHash(chain));

  if (genesis === undefined) {
    throw new TypeError(
      'stardust-voice signaling needs --genesis 0x… or --chain ws://… (or STARDUST_GENESIS / STARDUST_CHAIN)',
    );
  }

  return {
    host: values.host ?? env.STARDUST_SIGNALING_HOST ?? '127.0.0.1',
    port: Number(values.port ?? env.STARDUST_SIGNALING_PORT ?? 8888),
    genesisHash: genesis,
    origins: list(values.origin ?? env.STARDUST_ORIGINS),
    redisUrl: values.redis ?? env.REDIS_URL,
    stateDir:
      values['state-dir'] ?? env.STARDUST_SIGNALING_STATE_DIR ?? join('.stardust', 'signaling'),
    turnSecret: values['turn-secret'] ?? env.STARDUST_TURN_SECRET,
    turnUrls: list(values['turn-url'] ?? env.STARDUST_TURN_URLS) ?? [],
    settlerSeed: values['settler-seed'] ?? env.STARDUST_SETTLER_SEED,
    // The chain the genesis came from is the one settle_call goes to.
    ...(chain === undefined || !/^wss?:/.test(chain) ? {} : { chainUrl: chain }),
    verifyEveryMessage: values.strict ?? env.STARDUST_STRICT_SIGNALING === '1',
    maxBufferedBytes: optionalNumber(
      values['max-buffered-bytes'] ?? env.STARDUST_MAX_BUFFERED_BYTES,
    ),
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
  };
}

/** Runs the `signaling` command. */
export async function runSignaling(argv: string[]): Promise<void> {
  const { rooms, rest } = roomFlagsFrom(argv);
  const options = await signalingOptionsFrom(rest);

  if (options === undefined) {
    console.log(SIGNALING_USAGE);

    return;
  }

  if (rooms.enabled) {
    // The server makes its own logger with its service and server id; the room handler's
    // lines carry service "rooms" on the same level.
    const roomLogger =
      options.logger?.child({ service: 'rooms' }) ??
      pino({ level: options.logLevel ?? 'info', base: { service: 'rooms' } });

    options.roomHandler = await startRoomHandler({
      chainUrl: rooms.chainUrl!,
      janus: rooms.janus,
      secretKey: rooms.secretKey,
      logger: roomLogger,
    });
    console.log(
      `Voice rooms: ${rooms.janus.length > 0 ? `Janus ${rooms.janus.map((j) => j.url).join(', ')}` : 'peer mesh of up to 6 (no Janus configured)'}`,
    );
  }

  const server = await startSignalingServer(options);

  console.log(`Stardust Voice signaling: ${server.url} (metrics ${server.metricsUrl})`);
  await stopOnSignal(server);
}

async function stopOnSignal(server: SignalingServerHandle): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
}

/** The number in `value`, or undefined when unset; the server's options reject bad numbers. */
function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined || value.trim() === '' ? undefined : Number(value);
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;

  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
