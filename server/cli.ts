/**
 * The `stardust-voice` command: `devnet`, `signaling`, `ipfs` and `dev` (the whole stack with
 * the demo). Flags win over environment variables, which win over defaults.
 */
import { parseArgs } from 'node:util';

import { join } from 'node:path';

import { launchJanus, type JanusProcess } from './signaling/janus/launcher.js';
import { runSignaling } from './signaling/cli.js';
import { DEV_GENESIS_HASH, startSignalingServer } from './signaling/server.js';
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
  devnet: notYetAvailable('devnet'),
  signaling: runSignaling,
  ipfs: notYetAvailable('ipfs'),
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
      'signaling-port': { type: 'string', default: process.env.STARDUST_SIGNALING_PORT ?? '8888' },
      genesis: { type: 'string', default: process.env.STARDUST_GENESIS ?? DEV_GENESIS_HASH },
      janus: { type: 'boolean', default: false },
      'janus-port': { type: 'string', default: process.env.STARDUST_JANUS_PORT ?? '8188' },
      'janus-ice': { type: 'string', default: process.env.STARDUST_JANUS_ICE },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  if (values.help) {
    console.log(`Usage: stardust-voice dev [--host 127.0.0.1] [--port 5173] [--janus]

Starts the local stack and serves the demo page with Vite.
  --host         address the demo listens on (env STARDUST_HOST, default 127.0.0.1)
  --port         port of the demo (env STARDUST_DEMO_PORT, default 5173)
  --janus        also start Janus (apt install janus) for voice rooms; needs a network
                 interface other than loopback for ICE (see docs/deploy-janus.md)
  --janus-port   Janus WebSocket port on 127.0.0.1 (env STARDUST_JANUS_PORT, default 8188)
  --janus-ice    interfaces or addresses Janus may use for media, such as eth0
                 (env STARDUST_JANUS_ICE, default every non-loopback interface)
  --signaling-port  port of the signaling server (env STARDUST_SIGNALING_PORT, default 8888)
  --genesis      genesis hash the signaling server accepts (env STARDUST_GENESIS; a fixed
                 development hash until the devnet provides its own)`);

    return;
  }

  const signaling = await startSignalingServer({
    host: values.host,
    port: Number(values['signaling-port']),
    genesisHash: values.genesis,
    logLevel: 'warn',
  });
  const janus = values.janus
    ? await startDevJanus(values['janus-port'], values['janus-ice'])
    : undefined;
  const demo = await startDemo({ host: values.host, port: Number(values.port) });

  console.log(`Stardust Voice demo: ${demo.url}`);
  console.log(`Signaling: ${signaling.url} (genesis ${signaling.genesisHash})`);
  await waitForStopSignal();
  await demo.close();
  await signaling.close();
  await janus?.close();
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

  // NOTE: the signaling server takes this URL and admin key once its room handler lands;
  // until then `dev --janus` only runs Janus next to the demo.
  console.log(`Janus AudioBridge: ${janus.wsUrl} (log ${janus.logFile})`);

  return janus;
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
