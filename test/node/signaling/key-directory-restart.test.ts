// The signaling server's default key directories keep published bundles and prekey claims
// across a restart of the server: the file under the state directory, and Redis when the
// server is configured with Redis.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startSignalingServer } from '../../../server/signaling/server.js';
import type { SignalingServerOptions } from '../../../server/signaling/options.js';
import { decodePayload, encodePayload, SignalType } from '../../../src/shared/codec.js';
import { signedBundle } from '../../support/device-bundle.js';
import { RawClient, TEST_GENESIS } from '../../support/raw-signal-client.js';
import { startRedis, type RedisHandle } from '../../support/redis.js';
import { sr25519Wallet, type TestWallet } from '../../support/signers.js';

type ServerOptions = Omit<SignalingServerOptions, 'genesisHash'>;

/** Starts a server, runs `body` with a connected client, then stops both. */
async function withServer<T>(
  options: ServerOptions,
  wallet: TestWallet,
  body: (client: RawClient) => Promise<T>,
): Promise<T> {
  const server = await startSignalingServer({
    port: 0,
    genesisHash: TEST_GENESIS,
    logLevel: 'silent',
    ...options,
  });

  try {
    const client = await RawClient.connect(server.url, { wallet });

    try {
      return await body(client);
    } finally {
      await client.close();
    }
  } finally {
    await server.close();
  }
}

async function publish(client: RawClient, count: number): Promise<void> {
  const bundle = await signedBundle(client.wallet, count);

  client.send({
    type: SignalType.KEYS_PUBLISH,
    payload: encodePayload(SignalType.KEYS_PUBLISH, { bundle }),
    requestId: 1,
  });

  const answer = await client.nextOf([SignalType.ACK, SignalType.ERROR]);

  assert.equal(answer.type, SignalType.ACK);
}

async function claim(client: RawClient, account: string) {
  client.send({
    type: SignalType.KEYS_LOOKUP,
    payload: encodePayload(SignalType.KEYS_LOOKUP, { account, claimPrekeys: true }),
    requestId: 2,
  });

  const result = decodePayload(
    SignalType.KEYS_RESULT,
    (await client.next(SignalType.KEYS_RESULT)).payload,
  );

  return {
    devices: result.devices?.length ?? 0,
    claimed: (result.devices ?? []).flatMap((device) =>
      (device.prekeys ?? []).map((prekey) => prekey.id!),
    ),
    left: result.prekeysLeft ?? [],
  };
}

/** Publishes 2 prekeys, claims one, restarts, and claims again. */
async function claimAcrossRestart(options: ServerOptions) {
  const bob = sr25519Wallet();
  const alice = sr25519Wallet();

  await withServer(options, bob, (client) => publish(client, 2));

  const first = await withServer(options, alice, (client) => claim(client, bob.address));
  const second = await withServer(options, alice, (client) => claim(client, bob.address));
  const third = await withServer(options, alice, (client) => claim(client, bob.address));

  return { first, second, third };
}

describe('key directory across a server restart', { timeout: 60_000 }, () => {
  let stateDir: string;
  let redisDir: string;
  let redis: RedisHandle;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-signaling-state-'));
    redisDir = mkdtempSync(join(tmpdir(), 'stardust-signaling-redis-'));
    redis = await startRedis({ dir: redisDir });
  });

  after(async () => {
    await redis.close();
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('keeps keys and claims in the state directory file', async () => {
    const { first, second, third } = await claimAcrossRestart({ stateDir });

    assert.ok(existsSync(join(stateDir, 'keys.json')));
    assert.equal(first.devices, 1);
    assert.equal(first.claimed.length, 1);
    assert.deepEqual(first.left, [1]);
    assert.equal(second.devices, 1);
    assert.equal(second.claimed.length, 1);
    assert.notEqual(second.claimed[0], first.claimed[0]);
    assert.deepEqual(second.left, [0]);
    assert.equal(third.devices, 1);
    assert.deepEqual(third.claimed, []);
  });

  it('keeps keys and claims in Redis when Redis is configured', async () => {
    const redisState = mkdtempSync(join(tmpdir(), 'stardust-signaling-unused-'));

    try {
      const { first, second, third } = await claimAcrossRestart({
        redisUrl: redis.url,
        stateDir: redisState,
      });

      assert.equal(existsSync(join(redisState, 'keys.json')), false);
      assert.equal(first.claimed.length, 1);
      assert.equal(second.claimed.length, 1);
      assert.notEqual(second.claimed[0], first.claimed[0]);
      assert.deepEqual(third.claimed, []);
      assert.equal(third.devices, 1);
    } finally {
      rmSync(redisState, { recursive: true, force: true });
    }
  });

  it('forgets keys in memory without a state directory', async () => {
    const { first } = await claimAcrossRestart({});

    assert.equal(first.devices, 0);
    assert.deepEqual(first.claimed, []);
  });
});
