/**
 * The `stardust-voice` command: `devnet`, `signaling`, `ipfs` and `dev` (the whole stack with
 * the demo). Flags win over environment variables, which win over defaults.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { pino } from 'pino';

import { startDevnet } from './devnet/index.js';
import { startIpfs } from './ipfs/ipfs-server.js';
import { launchJanus, type JanusProcess } from './signaling/janus/launcher.js';
import { startRoomHandler } from './signaling/rooms/start.js';
import { runSignaling } from './signaling/cli.js';
import { startSignalingServer } from './signaling/server.js';
import { coturnInstalled, startCoturn, type Coturn } from './stack/coturn.js';
import { startDemo } from './stack/demo.js';
import { packageRoot } from './stack/package-root.js';

const USAGE = `Usage: stardust-voice <command> [options]

Commands:
  dev         start the whole local stack and the demo page on 127.0.0.1
  devnet      start the local development chain
  signaling   start the signaling server
  ipfs        start the embedded IPFS node

Run "stardust-voice <command> --help" for the options of a command.`;

type Command = (argv: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  dev: runDev,
  devnet: runDevnet,
  signaling: runSignaling,
  ipfs: runIpfs,
};

/** Runs the command line `argv` (without the node and script paths). */
export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;

  if (name === undefined || name === '--help' || name === '-h') {
    console.log(USAGE);

    return;
  }

  const command = commands[name];

  if (command === undefined) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    process.exitCode = 2;

    return;
  }

  try {
    await command(rest);
  } catch (error) {
    // Report a bad flag or option value by name and exit with code 2, without a stack trace.
    if (error instanceof RangeError || (error instanceof TypeError && 'code' in error)) {
      console.error(`stardust-voice ${name}: ${error.message}`);
      process.exitCode = 2;

      return;
    }

    throw error;
  }
}

async function runDev(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: process.env.STARDUST_HOST ?? '127.0.0.1' },
      port: { type: 'string', default: process.env.STARDUST_DEMO_PORT ?? '5173' },
      'signaling-port': { type: 'string', default: process.env.STARDUST_SIGNALING_PORT ?? '8888' },
      genesis: { type: 'string', default: process.env.STARDUST_GENESIS },
      janus: { type: 'boolean', default: false },
      'janus-port': { type: 'string', default: process.env.STARDUST_JANUS_PORT ?? '8188' },
      'janus-ice': { type: 'string', default: process.env.STARDUST_JANUS_ICE },
      'devnet-port': { type: 'string', default: process.env.STARDUST_DEVNET_PORT ?? '9944' },
      'turn-port': { type: 'string', default: process.env.STARDUST_TURN_PORT ?? '3478' },
      'no-turn': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  if (values.help) {
    console.log(`Usage: stardust-voice dev [options]

Starts the local stack and serves the demo page with Vite.
  --host         address the demo and the devnet listen on (env STARDUST_HOST, default 127.0.0.1)
  --port         port of the demo (env STARDUST_DEMO_PORT, default 5173)
  --devnet-port  port of the devnet's JSON-RPC (env STARDUST_DEVNET_PORT, default 9944); the
                 devnet makes a block every 6 s and keeps its state in .stardust/devnet/
  --janus        also start Janus (apt install janus) for voice rooms; needs a network
                 interface other than loopback for ICE (see docs/deploy-janus.md)
  --janus-port   Janus WebSocket port on 127.0.0.1 (env STARDUST_JANUS_PORT, default 8188)
  --janus-ice    interfaces or addresses Janus may use for media, such as eth0
                 (env STARDUST_JANUS_ICE, default every non-loopback interface)
  --turn-port    port of coturn on 127.0.0.1 (env STARDUST_TURN_PORT, default 3478); coturn
                 starts when its turnserver binary is installed (apt install coturn), and
                 the signaling server hands pages time-limited TURN credentials for it
  --no-turn      do not start coturn
  --signaling-port  port of the signaling server (env STARDUST_SIGNALING_PORT, default 8888)
  --genesis      genesis hash the signaling server accepts (env STARDUST_GENESIS; the
                 devnet's by default)

It also starts the embedded IPFS node (RPC API on 5001, gateway on 8080) with its blocks in
.stardust/ipfs/, and keeps the signaling key directory in .stardust/signaling/keys.json.`);

    return;
  }

  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const devnet = await startDevnet({
    host: values.host,
    port: parsePort(values['devnet-port']!, '--devnet-port'),
    blockTimeMs: 6000,
    stateFile: join(packageRoot(), '.stardust', 'devnet', 'chain.json'),
    logger: logger.child({ service: 'devnet' }),
  });

  console.log(`Stardust devnet: ${devnet.url}`);

  const ipfs = await startIpfs({
    host: values.host,
    stateDir: join(packageRoot(), '.stardust', 'ipfs'),
    logger: logger.child({ service: 'ipfs' }),
  });

  console.log(`IPFS RPC API: ${ipfs.apiUrl}, gateway: ${ipfs.gatewayUrl}`);

  const janus = values.janus
    ? await startDevJanus(values['janus-port'], values['janus-ice'])
    : undefined;
  const turn = await startDevCoturn(values['no-turn'] === true, values['turn-port']!);
  const rooms = await startRoomHandler({
    chainUrl: devnet.url,
    janus: janus === undefined ? [] : [{ url: janus.wsUrl, adminKey: janus.adminKey }],
    logger: logger.child({ service: 'rooms' }),
  });
  const signaling = await startSignalingServer({
    host: values.host,
    stateDir: join(packageRoot(), '.stardust', 'signaling'),
    port: parsePort(values['signaling-port']!, '--signaling-port'),
    genesisHash: values.genesis ?? devnet.genesisHash,
    // The devnet's genesis names //CallSettler as the CallSettler account; it settles calls
    // whose parties both vanished.
    settlerSeed: '//CallSettler',
    chainUrl: devnet.url,
    roomHandler: rooms,
    turnSecret: turn?.secret,
    turnUrls: turn?.urls ?? [],
    logger: logger.child({ service: 'signaling' }),
  });
  const demo = await startDemo({ host: values.host, port: parsePort(values.port!, '--port') });

  console.log(`Stardust Voice demo: ${demo.url}`);
  console.log(`Signaling: ${signaling.url} (genesis ${signaling.genesisHash})`);
  await waitForStopSignal();
  console.log('Stopping the demo and every server…');
  await demo.close();
  await signaling.close();
  await janus?.close();
  await turn?.close();
  await ipfs.close();
  await devnet.close();
  console.log('Stopped.');
}

async function runIpfs(argv: string[]): Promise<void> {
  const env = process.env;
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: env.STARDUST_HOST ?? '127.0.0.1' },
      'api-port': { type: 'string', default: env.STARDUST_IPFS_API_PORT ?? '5001' },
      'gateway-port': { type: 'string', default: env.STARDUST_IPFS_GATEWAY_PORT ?? '8080' },
      'state-dir': {
        type: 'string',
        default: env.STARDUST_IPFS_STATE_DIR ?? join('.stardust', 'ipfs'),
      },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      'log-level': { type: 'string', default: env.LOG_LEVEL ?? 'info' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  if (values.help) {
    console.log(`Usage: stardust-voice ipfs [options]

Starts the embedded IPFS node: a Kubo-compatible RPC API and a path gateway.
  --host           address both listen on (env STARDUST_HOST, default 127.0.0.1)
  --api-port       RPC API port, 0 for any free one (env STARDUST_IPFS_API_PORT, default 5001)
  --gateway-port   gateway port, 0 for any free one (env STARDUST_IPFS_GATEWAY_PORT,
                   default 8080)
  --state-dir      folder for blocks (env STARDUST_IPFS_STATE_DIR, default .stardust/ipfs)
  --cors-origin    web origin allowed to call the RPC API besides loopback pages; repeat
                   for several, "*" allows every origin
  --log-level      pino level (env LOG_LEVEL, default info)`);

    return;
  }

  const ipfs = await startIpfs({
    host: values.host,
    apiPort: parsePort(values['api-port']!, '--api-port'),
    gatewayPort: parsePort(values['gateway-port']!, '--gateway-port'),
    stateDir: values['state-dir']!,
    apiCorsOrigins: values['cors-origin'],
    logger: pino({ level: values['log-level']! }),
  });

  console.log(`IPFS RPC API: ${ipfs.apiUrl}, gateway: ${ipfs.gatewayUrl}`);
  await waitForStopSignal();
  await ipfs.close();
}

async function runDevnet(argv: string[]): Promise<void> {
  const env = process.env;
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: env.STARDUST_DEVNET_HOST ?? '127.0.0.1' },
      port: { type: 'string', default: env.STARDUST_DEVNET_PORT ?? '9944' },
      'block-time': { type: 'string', default: env.STARDUST_BLOCK_TIME_MS ?? '6000' },
      state: { type: 'string', default: env.STARDUST_DEVNET_STATE },
      'dev-accounts': { type: 'string', default: env.STARDUST_DEV_ACCOUNTS ?? '0' },
      'settler-seed': { type: 'string', default: env.STARDUST_SETTLER_SEED ?? '//CallSettler' },
      'log-level': { type: 'string', default: env.LOG_LEVEL ?? 'info' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  if (values.help) {
    console.log(`Usage: stardust-voice devnet [--host 127.0.0.1] [--port 9944] [--block-time MS] [--state FILE] [--dev-accounts N]

Starts the local Stardust development chain (WebSocket and HTTP JSON-RPC on one port).
  --host          address to listen on (env STARDUST_DEVNET_HOST, default 127.0.0.1)
  --port          port, 0 for any free one (env STARDUST_DEVNET_PORT, default 9944)
  --block-time    milliseconds between blocks, 0 for one block per transaction
                  (env STARDUST_BLOCK_TIME_MS, default 6000)
  --state         JSON file to keep the chain in across restarts (env STARDUST_DEVNET_STATE,
                  default: memory only)
  --dev-accounts  endow //Member1 … //MemberN with 1,000 DUST each (env STARDUST_DEV_ACCOUNTS,
                  default 0)
  --settler-seed  secret URI of the CallSettler account (env STARDUST_SETTLER_SEED,
                  default //CallSettler)
  --log-level     pino level: debug logs every block (env LOG_LEVEL, default info)`);

    return;
  }

  const devnet = await startDevnet({
    host: values.host,
    port: parsePort(values.port!, '--port'),
    blockTimeMs: parseCount(values['block-time']!, '--block-time'),
    stateFile: values.state,
    devAccounts: parseCount(values['dev-accounts']!, '--dev-accounts'),
    settlerSeed: values['settler-seed'],
    logger: pino({ level: values['log-level']! }),
  });

  console.log(`Stardust devnet: ${devnet.url} (genesis ${devnet.genesisHash})`);
  await waitForStopSignal();
  await devnet.close();
}

function parsePort(text: string, flag: string): number {
  const port = Number(text);

  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`${flag} must be a port number 0..65535, got "${text}"`);

  return port;
}

function parseCount(text: string, flag: string): number {
  const value = Number(text);

  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${flag} must be a non-negative integer, got "${text}"`);

  return value;
}

/** Starts coturn for `dev` with its state in .stardust/coturn, unless skipped or absent. */
async function startDevCoturn(skip: boolean, port: string): Promise<Coturn | undefined> {
  if (skip) return undefined;

  if (!coturnInstalled()) {
    console.log('coturn: not installed (apt install coturn); calls use direct paths only');

    return undefined;
  }

  const chosen = parsePort(port, '--turn-port');
  const turn = await startCoturn({
    stateDir: join(packageRoot(), '.stardust'),
    port: chosen === 0 ? undefined : chosen,
    minRelayPort: 49160,
  });

  console.log(`TURN (coturn): ${turn.urls.join(', ')}`);

  return turn;
}

/** Starts Janus for `dev --janus` with its state in .stardust/janus. */
async function startDevJanus(
  port: string,
  iceEnforceList: string | undefined,
): Promise<JanusProcess> {
  const root = packageRoot();
  const janus = await launchJanus({
    stateDir: join(root, '.stardust/janus'),
    templates: join(root, 'test/support/janus'),
    port: Number(port),
    iceEnforceList: iceEnforceList ?? null,
    rtpPortRange: [20000, 20199],
  });

  console.log(`Janus AudioBridge: ${janus.wsUrl} (log ${janus.logFile})`);

  return janus;
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
