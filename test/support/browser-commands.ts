// Server commands that browser tests call with `executeServerCommand(name, payload)` from
// @web/test-runner-commands. Each returns plain JSON.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { pino } from 'pino';

import { startIpfs, type IpfsHandle } from '../../server/ipfs/ipfs-server.js';
import { analyzeOggOpus } from './opus-analysis.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

let shared: Promise<Stack> | undefined;
/** IPFS nodes that tests start and stop themselves, by API port. */
const ipfsNodes = new Map<number, IpfsHandle>();
const ipfsStateDir = mkdtempSync(join(tmpdir(), 'stardust-browser-ipfs-'));

export const browserCommands: Record<string, (payload: never, sessionId: string) => unknown> = {
  /** Starts (once) the shared stack of servers and returns their URLs. */
  'stack-urls': async (payload: StackOptions) => {
    shared ??= startStack(payload);

    return (await shared).urls;
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
  /** Environment facts a test may need to decide what to skip. */
  'test-env': () => ({
    netns: process.env.STARDUST_NETNS === '1',
    janus: process.env.STARDUST_JANUS === '1',
  }),
};

process.once('exit', () => {
  void shared?.then((stack) => stack.close());

  for (const node of ipfsNodes.values()) void node.close();
});
