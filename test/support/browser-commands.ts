// Server commands that browser tests call with `executeServerCommand(name, payload)` from
// @web/test-runner-commands. Each returns plain JSON.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { pino } from 'pino';

import { startIpfs, type IpfsHandle } from '../../server/ipfs/ipfs-server.js';
import { startChopsticks, type Chopsticks } from './chopsticks.js';
import { analyzeOggOpus } from './opus-analysis.js';
import { startCoturn, type Coturn } from './coturn.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

// One stack per distinct set of options, shared by every test that requests the same set.
const stacks = new Map<string, Promise<Stack>>();
/** coturn servers started by 'coturn-start', by port, so a test can stop and restart one. */
const coturns = new Map<number, Coturn>();
let chopsticks: Promise<Chopsticks> | undefined;
/** IPFS nodes that tests start and stop themselves, by API port. */
const ipfsNodes = new Map<number, IpfsHandle>();
const ipfsStateDir = mkdtempSync(join(tmpdir(), 'stardust-browser-ipfs-'));
/** PID of the chopsticks child, so the exit handler can stop it synchronously. */
let chopsticksPid: number | undefined;

function ensureChopsticks(): Promise<Chopsticks> {
  chopsticks ??= startChopsticks().then((chain) => {
    chopsticksPid = chain.pid;

    return chain;
  });

  return chopsticks;
}

/** Starts (once per distinct options) a stack shared by every test that requests it. */
function sharedStack(options: StackOptions | undefined): Promise<Stack> {
  const key = JSON.stringify(options ?? {});
  let stack = stacks.get(key);

  if (stack === undefined) {
    stack = startStack(options);
    stacks.set(key, stack);
  }

  return stack;
}

export const browserCommands: Record<string, (payload: never, sessionId: string) => unknown> = {
  /** Starts (once per distinct options) the shared stack of servers and returns their URLs. */
  'stack-urls': async (payload: StackOptions) => {
    return (await sharedStack(payload)).urls;
  },
  /**
   * Starts an IPFS node that the test controls, on `apiPort` when given (to bring a stopped
   * node back at the same address), and returns its URLs.
   */
  'ipfs-node-start': async (payload: { apiPort?: number }) => {
    const node = await startIpfs({
      stateDir: ipfsStateDir,
      apiPort: payload.apiPort ?? 0,
      gatewayPort: 0,
      logger: pino({ level: 'warn' }),
    });
    const apiPort = Number(new URL(node.apiUrl).port);

    ipfsNodes.set(apiPort, node);

    return { apiUrl: node.apiUrl, gatewayUrl: node.gatewayUrl, apiPort };
  },
  /** Stops a node started with ipfs-node-start. */
  'ipfs-node-stop': async (payload: { apiPort: number }) => {
    await ipfsNodes.get(payload.apiPort)?.close();
    ipfsNodes.delete(payload.apiPort);

    return true;
  },
  /** Decodes an Ogg Opus recording (base64) with opusdec and measures it with sox. */
  'analyze-ogg-opus': (payload: { base64: string }) => analyzeOggOpus(payload.base64),
  /** Starts (once) chopsticks with the Rococo Asset Hub genesis and returns its URL. */
  'chopsticks-url': async () => {
    return (await ensureChopsticks()).url;
  },
  /** Gives an account a free balance on that chopsticks (`{ address, amount }`, planck text). */
  'chopsticks-fund': async (payload: { address: string; amount: string }) => {
    const chain = await ensureChopsticks();

    await chain.rpc('dev_setStorage', [
      {
        System: {
          Account: [[[payload.address], { providers: 1, data: { free: payload.amount } }]],
        },
      },
    ]);

    return true;
  },
  /**
   * Starts a coturn of its own for a test (`{ port, secret }` restart a stopped one on the
   * same port with the same secret) and returns `{ urls, port, secret }`.
   */
  'coturn-start': async (payload: { port?: number; secret?: string } | undefined) => {
    const stack = await sharedStack({});
    const coturn = await startCoturn({ stateDir: stack.urls.stateDir, ...payload });

    coturns.set(coturn.port, coturn);

    return { urls: coturn.urls, port: coturn.port, secret: coturn.secret };
  },
  /** Stops the coturn started on `{ port }`. */
  'coturn-stop': async (payload: { port: number }) => {
    await coturns.get(payload.port)?.close();
    coturns.delete(payload.port);

    return true;
  },
  /** Environment facts a test may need to decide what to skip. */
  'test-env': () => ({
    netns: process.env.STARDUST_NETNS === '1',
    janus: process.env.STARDUST_JANUS === '1',
  }),
};

process.once('exit', () => {
  for (const coturn of coturns.values()) process.kill(coturn.pid, 'SIGTERM');

  for (const stack of stacks.values()) void stack.then((started) => started.close());

  // By PID and synchronously: promise callbacks no longer run in an exit handler.
  if (chopsticksPid !== undefined) process.kill(chopsticksPid, 'SIGTERM');
});
