// Bad input at the devnet's JSON-RPC transports: every case gets a JSON-RPC error and the
// devnet keeps serving the same and other clients.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import WebSocket from 'ws';

import { startDevnet, type DevnetHandle } from '../../server/devnet/index.js';

const MAX_REQUEST_BYTES = 64 * 1024;

let devnet: DevnetHandle;

/** Opens a raw WebSocket client that pairs responses with requests in order. */
async function open(): Promise<{
  request(text: string | Buffer): Promise<Record<string, unknown>>;
  close(): void;
}> {
  const socket = new WebSocket(devnet.url);
  const waiting: Array<(message: Record<string, unknown>) => void> = [];

  socket.on('message', (data) => waiting.shift()?.(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });

  return {
    request(text) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        socket.send(text);
      });
    },
    close: () => socket.close(),
  };
}

function call(method: string, params: unknown[] = [], id = 1): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method, params });
}

async function post(body: string, method = 'POST'): Promise<Response> {
  return fetch(devnet.httpUrl, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'POST' ? body : undefined,
  });
}

before(async () => {
  devnet = await startDevnet({ port: 0, blockTimeMs: 0, maxRequestBytes: MAX_REQUEST_BYTES });
});

after(async () => {
  await devnet.close();
});

describe('devnet JSON-RPC over WebSocket', () => {
  it('answers malformed JSON with -32700 and keeps the socket', async () => {
    const client = await open();

    const parseError = await client.request('{"jsonrpc":"2.0",');
    const next = await client.request(call('system_chain'));

    client.close();
    assert.deepEqual(parseError, {
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: 'Parse error' },
    });
    assert.equal(next.result, 'Stardust Devnet');
  });

  it('answers unknown methods with -32601', async () => {
    const client = await open();

    const response = await client.request(call('system_selfDestruct', [], 7));

    client.close();
    assert.equal(response.id, 7);
    assert.deepEqual(response.error, {
      code: -32601,
      message: 'Method not found',
      data: 'system_selfDestruct',
    });
  });

  it('answers invalid requests with -32600', async () => {
    const client = await open();

    const noVersion = await client.request(JSON.stringify({ id: 1, method: 'system_chain' }));
    const badParams = await client.request(
      JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'system_chain', params: 'x' }),
    );
    const emptyBatch = await client.request('[]');

    client.close();
    assert.equal((noVersion.error as { code: number }).code, -32600);
    assert.equal((badParams.error as { code: number }).code, -32600);
    assert.equal((emptyBatch.error as { code: number }).code, -32600);
  });

  it('answers bad params with -32602', async () => {
    const client = await open();

    const badKey = await client.request(call('state_getStorage', [42]));
    const badCount = await client.request(call('state_getKeysPaged', ['0x', 5000]));
    const badAccount = await client.request(call('system_accountNextIndex', ['not-an-address']));

    client.close();
    assert.equal((badKey.error as { code: number }).code, -32602);
    assert.equal((badCount.error as { code: number }).code, -32602);
    assert.equal((badAccount.error as { code: number }).code, -32602);
  });

  it('answers unknown blocks with 4003', async () => {
    const client = await open();

    const response = await client.request(
      call('state_getStorage', ['0x00', '0x' + 'ab'.repeat(32)]),
    );

    client.close();
    assert.equal((response.error as { code: number }).code, 4003);
    assert.match((response.error as { message: string }).message, /Header was not found/);
  });

  it('answers oversized requests with -32007 and serves other clients', async () => {
    const [big, other] = [await open(), await open()];
    const padding = 'a'.repeat(MAX_REQUEST_BYTES + 1);

    const rejected = await big.request(call('system_chain', [padding]));
    const stillServed = await other.request(call('system_chain'));
    const sameSocket = await big.request(call('system_name'));

    big.close();
    other.close();
    assert.equal((rejected.error as { code: number }).code, -32007);
    assert.equal(stillServed.result, 'Stardust Devnet');
    assert.equal(sameSocket.result, 'stardust-voice-devnet');
  });

  it('answers garbage extrinsic bytes with 1001', async () => {
    const client = await open();

    const notHex = await client.request(call('author_submitExtrinsic', ['0xzz']));
    const garbage = await client.request(call('author_submitExtrinsic', ['0xdeadbeef']));
    const watched = await client.request(call('author_submitAndWatchExtrinsic', ['0x00']));

    client.close();
    assert.equal((notHex.error as { code: number }).code, -32602);
    assert.equal((garbage.error as { code: number }).code, 1001);
    assert.equal((watched.error as { code: number }).code, 1001);
  });

  it('answers a batch with one response per call', async () => {
    const client = await open();

    const responses = (await client.request(
      `[${call('system_chain', [], 1)},${call('nope', [], 2)},{"x":1}]`,
    )) as unknown as Array<Record<string, unknown>>;

    client.close();
    assert.equal(responses.length, 3);
    assert.equal(responses[0]!.result, 'Stardust Devnet');
    assert.equal((responses[1]!.error as { code: number }).code, -32601);
    assert.equal((responses[2]!.error as { code: number }).code, -32600);
  });

  it('answers binary frames with -32700', async () => {
    const client = await open();

    const response = await client.request(Buffer.from([0xff, 0x00]));

    client.close();
    assert.equal((response.error as { code: number }).code, -32700);
  });
});

describe('devnet JSON-RPC over HTTP', () => {
  it('answers calls', async () => {
    const response = await post(call('chain_getBlockHash', [0]));

    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { result: string }).result, devnet.genesisHash);
  });

  it('answers malformed JSON with -32700', async () => {
    const response = await post('{');

    assert.equal(((await response.json()) as { error: { code: number } }).error.code, -32700);
  });

  it('answers oversized bodies with -32007', async () => {
    const response = await post(call('system_chain', ['a'.repeat(MAX_REQUEST_BYTES + 1)]));

    assert.equal(((await response.json()) as { error: { code: number } }).error.code, -32007);
  });

  it('refuses subscriptions', async () => {
    const response = await post(call('chain_subscribeNewHeads'));

    assert.equal(((await response.json()) as { error: { code: number } }).error.code, -32601);
  });

  it('refuses GET with 405', async () => {
    const response = await post('', 'GET');

    assert.equal(response.status, 405);
  });
});
