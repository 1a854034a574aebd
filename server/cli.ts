/**
 * The `stardust-voice` command: `devnet`, `signaling`, `ipfs` and `dev` (the whole stack with
 * the demo). Flags win over environment variables, which win over defaults.
 */
import { parseArgs } from 'node:util';

import { join } from 'node:path';

import { startIpfs } from './ipfs/ipfs-server.js';
import { startDemo } from './stack/demo.js';

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
  devnet: notYetAvailable('devnet'),
  signaling: notYetAvailable('signaling'),
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

  await command(rest);
}

function notYetAvailable(name: string): Command {
  return async () => {
    console.error(`stardust-voice ${name}: not yet available in this version.`);
    process.exitCode = 2;
  };
}

async function runDev(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: process.env.STARDUST_HOST ?? '127.0.0.1' },
      port: { type: 'string', default: process.env.STARDUST_DEMO_PORT ?? '5173' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  if (values.help) {
    console.log(`Usage: stardust-voice dev [--host 127.0.0.1] [--port 5173]

Starts the local stack and serves the demo page with Vite.
  --host   address the demo listens on (env STARDUST_HOST, default 127.0.0.1)
  --port   port of the demo (env STARDUST_DEMO_PORT, default 5173)`);

    return;
  }

  const stateDir = process.env.STARDUST_STATE_DIR ?? '.stardust';
  const ipfs = await startIpfs({ host: values.host, stateDir: join(stateDir, 'ipfs') });
  const demo = await startDemo({ host: values.host, port: Number(values.port) });

  console.log(`IPFS RPC API: ${ipfs.apiUrl}, gateway: ${ipfs.gatewayUrl}`);
  console.log(`Stardust Voice demo: ${demo.url}`);
  await waitForStopSignal();
  await demo.close();
  await ipfs.close();
}

async function runIpfs(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: process.env.STARDUST_HOST ?? '127.0.0.1' },
      'api-port': { type: 'string', default: process.env.STARDUST_IPFS_API_PORT ?? '5001' },
      'gateway-port': {
        type: 'string',
        default: process.env.STARDUST_IPFS_GATEWAY_PORT ?? '8080',
      },
      'state-dir': {
        type: 'string',
        default: process.env.STARDUST_IPFS_STATE_DIR ?? join('.stardust', 'ipfs'),
      },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  if (values.help) {
    console.log(`Usage: stardust-voice ipfs [options]

Starts the embedded IPFS node: a Kubo-compatible RPC API and a path gateway.
  --host           address both listen on (env STARDUST_HOST, default 127.0.0.1)
  --api-port       RPC API port (env STARDUST_IPFS_API_PORT, default 5001; 0 picks one)
  --gateway-port   gateway port (env STARDUST_IPFS_GATEWAY_PORT, default 8080; 0 picks one)
  --state-dir      folder for blocks (env STARDUST_IPFS_STATE_DIR, default .stardust/ipfs)
  --cors-origin    web origin allowed to call the RPC API besides loopback pages;
                   repeat for several, "*" allows every origin`);

    return;
  }

  const apiPort = parsePort('--api-port', values['api-port']);
  const gatewayPort = parsePort('--gateway-port', values['gateway-port']);

  if (apiPort === null || gatewayPort === null) {
    process.exitCode = 2;

    return;
  }

  const ipfs = await startIpfs({
    host: values.host,
    apiPort,
    gatewayPort,
    stateDir: values['state-dir'],
    apiCorsOrigins: values['cors-origin'],
  });

  console.log(`IPFS RPC API: ${ipfs.apiUrl}, gateway: ${ipfs.gatewayUrl}`);
  await waitForStopSignal();
  await ipfs.close();
}

/** Returns the port, or prints why the flag is invalid and returns null. */
function parsePort(flag: string, value: string): number | null {
  const port = Number(value);

  if (value === '' || !Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Invalid ${flag}: expected a port number from 0 to 65535, got "${value}".`);

    return null;
  }

  return port;
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
