// `npm start` (the dev command) as a user runs it: every server comes up on 127.0.0.1, the
// demo page is served, its URLs are printed, and Ctrl-C stops everything.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { freePort } from '../../server/signaling/janus/launcher.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUN_CLI =
  "const { main } = await import('./server/cli.ts'); await main(process.argv.slice(1));";

describe('dev command', { timeout: 120_000 }, () => {
  let child: ChildProcess;
  let output = '';
  let demoUrl: string;
  let devnetPort: number;
  let signalingPort: number;

  before(async () => {
    devnetPort = await freePort();
    signalingPort = await freePort();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', RUN_CLI, 'dev'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          STARDUST_DEMO_PORT: String(await freePort()),
          STARDUST_DEVNET_PORT: String(devnetPort),
          STARDUST_SIGNALING_PORT: String(signalingPort),
          STARDUST_TURN_PORT: String(await freePort()),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );

    const printed = new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();

        // The signaling line is printed last, once every server is up.
        if (/Signaling: /.test(output)) resolve(output);
      });
      child.once('exit', (code) => reject(new Error(`dev exited with code ${code}: ${output}`)));
    });

    await printed;
    demoUrl = output.match(/Stardust Voice demo: (\S+)/)![1]!;
  });

  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints the URLs of its servers', () => {
    assert.match(output, new RegExp(`Stardust devnet: ws://127\\.0\\.0\\.1:${devnetPort}`));
    assert.match(
      output,
      /IPFS RPC API: http:\/\/127\.0\.0\.1:5001, gateway: http:\/\/127\.0\.0\.1:8080/,
    );
    assert.match(output, new RegExp(`Signaling: ws://127\\.0\\.0\\.1:${signalingPort}/signal`));
    assert.match(demoUrl, /^http:\/\/127\.0\.0\.1:\d+\/demo\/$/);
  });

  it('serves the demo page', async () => {
    const response = await fetch(demoUrl);

    assert.equal(response.status, 200);
    assert.match(await response.text(), /<title>Stardust Voice demo<\/title>/);
  });

  it('answers on the signaling health endpoint', async () => {
    const response = await fetch(`http://127.0.0.1:${signalingPort}/healthz`);

    assert.equal(response.status, 200);
  });

  it('stops every server on SIGINT', async () => {
    const exited = once(child, 'exit');

    child.kill('SIGINT');

    const [code] = await exited;

    assert.equal(code, 0);
    await assert.rejects(fetch(`http://127.0.0.1:${signalingPort}/healthz`));
  });
});
