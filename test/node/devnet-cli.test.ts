// The devnet command as a user runs it: flags over environment over defaults, the printed
// URL and genesis hash, an unmodified ApiPromise against it, a clean stop on Ctrl-C, and a
// bad flag rejected with its name.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

import { DUST } from '../../server/devnet/constants.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUN_CLI =
  "const { main } = await import('./server/cli.ts'); await main(process.argv.slice(1));";

/** Starts `stardust-voice ARGS` from the sources, with `env` added to this process's. */
function startCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', RUN_CLI, ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Resolves with the first stdout line matching `pattern`, or rejects when the child exits. */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = '';

    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();

      const match = text.match(pattern);

      if (match !== null) resolve(match);
    });
    child.once('exit', (code) =>
      reject(new Error(`devnet exited with code ${code} before printing its URL`)),
    );
  });
}

describe('devnet command', { timeout: 60_000 }, () => {
  let child: ChildProcess;
  let api: ApiPromise;
  let printedGenesis: string;

  before(async () => {
    // The flag sets two endowed accounts and the environment one, so the flag must win.
    child = startCli(['devnet', '--port', '0', '--block-time', '0', '--dev-accounts', '2'], {
      STARDUST_DEV_ACCOUNTS: '1',
      LOG_LEVEL: 'warn',
    });

    const [, url, genesis] = await waitForLine(
      child,
      /Stardust devnet: (ws:\/\/127\.0\.0\.1:\d+) \(genesis (0x[0-9a-f]{64})\)/,
    );

    printedGenesis = genesis!;
    api = await ApiPromise.create({ provider: new WsProvider(url!), noInitWarn: true });
  });

  after(async () => {
    await api?.disconnect();

    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints the genesis hash the chain reports', () => {
    assert.equal(api.genesisHash.toHex(), printedGenesis);
  });

  it('endows the members the flag sets', async () => {
    const keyring = new Keyring({ type: 'sr25519' });
    const balance = async (uri: string): Promise<bigint> => {
      const account = await api.query.system.account(keyring.addFromUri(uri).address);

      return (
        account as unknown as { data: { free: { toBigInt(): bigint } } }
      ).data.free.toBigInt();
    };

    assert.equal(await balance('//Member1'), 1000n * DUST);
    assert.equal(await balance('//Member2'), 1000n * DUST);
    assert.equal(await balance('//Member3'), 0n);
  });

  it('stops cleanly on SIGINT', async () => {
    await api.disconnect();

    const exited = once(child, 'exit');

    child.kill('SIGINT');

    const [code] = await exited;

    assert.equal(code, 0);
  });
});

describe('devnet command flags', { timeout: 60_000 }, () => {
  it('rejects an out-of-range port by name', async () => {
    const child = startCli(['devnet', '--port', '70000']);
    let stderr = '';

    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    const [code] = await once(child, 'exit');

    assert.notEqual(code, 0);
    assert.match(stderr, /--port must be a port number 0\.\.65535, got "70000"/);
  });
});
