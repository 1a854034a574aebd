// The signaling command's options (flags over environment over defaults) and the genesis
// hash read from a chain node with one JSON-RPC call.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { WebSocketServer } from 'ws';

import { signalingOptionsFrom } from '../../server/signaling/cli.js';
import { fetchGenesisHash } from '../../server/signaling/genesis.js';

const HASH = `0x${'ab'.repeat(32)}`;

/** A stand-in chain node that replies to chain_getBlockHash(0) over WebSocket and HTTP. */
async function fakeNode(): Promise<{ ws: string; http: string; close(): Promise<void> }> {
  const answer = (body: string): string =>
    JSON.stringify({ jsonrpc: '2.0', id: JSON.parse(body).id, result: HASH });
  const http = createServer((request, response) => {
    let body = '';

    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => response.end(answer(body)));
  });
  const wss = new WebSocketServer({ server: http });

  wss.on('connection', (socket) =>
    socket.on('message', (data: Buffer) => socket.send(answer(data.toString()))),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

  const port = (http.address() as { port: number }).port;

  return {
    ws: `ws://127.0.0.1:${port}`,
    http: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        wss.close();
        http.close(() => resolve());
      }),
  };
}

describe('signaling command', () => {
  it('prefers flags over environment over defaults', async () => {
    const env = {
      STARDUST_SIGNALING_PORT: '9000',
      STARDUST_GENESIS: HASH,
      REDIS_URL: 'redis://127.0.0.1:1',
      STARDUST_TURN_URLS: 'turn:a, turn:b',
      STARDUST_MAX_BUFFERED_BYTES: '65536',
    };
    const fromEnv = await signalingOptionsFrom([], env);
    const fromFlags = await signalingOptionsFrom(
      [
        '--port',
        '9001',
        '--redis',
        'redis://127.0.0.1:2',
        '--strict',
        '--max-buffered-bytes',
        '1024',
      ],
      env,
    );
    const defaults = await signalingOptionsFrom(['--genesis', HASH], {});
    const stateEnv = { STARDUST_GENESIS: HASH, STARDUST_SIGNALING_STATE_DIR: '/tmp/from-env' };
    const fromEnvState = await signalingOptionsFrom([], stateEnv);
    const fromFlagState = await signalingOptionsFrom(['--state-dir', '/tmp/from-flag'], stateEnv);

    assert.equal(fromEnv?.port, 9000);
    assert.equal(fromEnv?.redisUrl, 'redis://127.0.0.1:1');
    assert.deepEqual(fromEnv?.turnUrls, ['turn:a', 'turn:b']);
    assert.equal(fromFlags?.port, 9001);
    assert.equal(fromFlags?.redisUrl, 'redis://127.0.0.1:2');
    assert.equal(fromFlags?.verifyEveryMessage, true);
    assert.equal(fromEnv?.maxBufferedBytes, 65536);
    assert.equal(fromFlags?.maxBufferedBytes, 1024);
    assert.equal(defaults?.maxBufferedBytes, undefined);
    assert.equal(defaults?.host, '127.0.0.1');
    assert.equal(defaults?.port, 8888);
    assert.equal(defaults?.redisUrl, undefined);
    assert.equal(defaults?.stateDir, join('.stardust', 'signaling'));
    assert.equal(fromEnvState?.stateDir, '/tmp/from-env');
    assert.equal(fromFlagState?.stateDir, '/tmp/from-flag');
  });

  it('requires a genesis hash or a chain', async () => {
    await assert.rejects(signalingOptionsFrom([], {}), /--genesis/);
  });

  it('reads the genesis hash from the chain over WebSocket and HTTP', async () => {
    const node = await fakeNode();

    try {
      assert.equal(Buffer.from(await fetchGenesisHash(node.ws)).toString('hex'), HASH.slice(2));
      assert.equal(Buffer.from(await fetchGenesisHash(node.http)).toString('hex'), HASH.slice(2));

      const options = await signalingOptionsFrom(['--chain', node.ws], {});

      assert.equal(Buffer.from(options!.genesisHash as Uint8Array).toString('hex'), HASH.slice(2));
    } finally {
      await node.close();
    }
  });
});
