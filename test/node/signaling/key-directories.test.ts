import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import Long from 'long';

import type { voice } from '../../../proto/gen/voice.js';
import { FileKeyDirectory } from '../../../server/signaling/file-key-directory.js';
import type { KeyDirectory } from '../../../server/signaling/key-directory.js';
import { RedisKeyDirectory } from '../../../server/signaling/redis-key-directory.js';
import { toHex } from '../../../src/shared/bytes.js';
import { encodeAddress } from '../../../src/shared/ss58.js';
import { startRedis, type RedisHandle } from '../../support/redis.js';

const NOW = 1_800_000_000_000;
const DAY = 86_400_000;

function account(seed: number): string {
  return encodeAddress(new Uint8Array(32).fill(seed));
}

function bundle(
  owner: string,
  device: number,
  prekeyIds: number[],
  options: { expiresAt?: (id: number) => number; signingKey?: number } = {},
): voice.IDeviceKeyBundle {
  return {
    account: owner,
    deviceId: new Uint8Array(16).fill(device),
    encryptionKey: new Uint8Array(32).fill(device + 100),
    signingKey: new Uint8Array(32).fill(options.signingKey ?? device + 50),
    createdAt: Long.fromNumber(NOW - DAY),
    walletSignature: new Uint8Array(64).fill(7),
    keyType: 0,
    prekeys: prekeyIds.map((id) => ({
      id,
      publicKey: new Uint8Array(32).fill(id % 256),
      expiresAt: Long.fromNumber(options.expiresAt?.(id) ?? NOW + 7 * DAY),
      signature: new Uint8Array(64).fill(id % 256),
    })),
  };
}

function claimedIds(result: { devices: voice.IDeviceKeyBundle[] }): number[] {
  return result.devices.flatMap((device) => (device.prekeys ?? []).map((prekey) => prekey.id ?? 0));
}

/** Behaviour every KeyDirectory shares; `make` opens an instance over the same storage. */
function behaviour(name: string, make: () => Promise<KeyDirectory>): void {
  describe(`${name} behaviour`, () => {
    it('returns published devices without claiming', async () => {
      const directory = await make();
      const owner = account(1);

      await directory.publish(bundle(owner, 1, [1, 2, 3]));
      await directory.publish(bundle(owner, 2, [1]));

      const result = await directory.lookup(owner, false);

      assert.equal(result.devices.length, 2);
      assert.deepEqual(result.prekeysLeft.sort(), [1, 3]);
      assert.deepEqual(claimedIds(result), []);
      assert.deepEqual(result.devices.map((device) => toHex(device.encryptionKey!)).sort(), [
        toHex(new Uint8Array(32).fill(101)),
        toHex(new Uint8Array(32).fill(102)),
      ]);
      await directory.close();
    });

    it('hands out each prekey once', async () => {
      const directory = await make();
      const owner = account(2);

      await directory.publish(bundle(owner, 1, [1, 2, 3]));

      const claims = [];

      for (let i = 0; i < 4; i += 1)
        claims.push(...claimedIds(await directory.lookup(owner, true)));

      assert.deepEqual(claims.sort(), [1, 2, 3]);
      assert.deepEqual((await directory.lookup(owner, false)).prekeysLeft, [0]);
      await directory.close();
    });

    it('never hands out expired prekeys', async () => {
      const directory = await make();
      const owner = account(3);

      await directory.publish(
        bundle(owner, 1, [1, 2, 3, 4], { expiresAt: (id) => (id % 2 === 0 ? NOW - 1 : NOW + DAY) }),
      );

      const first = claimedIds(await directory.lookup(owner, true));
      const second = claimedIds(await directory.lookup(owner, true));
      const third = await directory.lookup(owner, true);

      assert.deepEqual([...first, ...second].sort(), [1, 3]);
      assert.deepEqual(claimedIds(third), []);
      await directory.close();
    });

    it('does not bring back a claimed prekey on republish', async () => {
      const directory = await make();
      const owner = account(4);

      await directory.publish(bundle(owner, 1, [1]));

      const claimed = claimedIds(await directory.lookup(owner, true));

      await directory.publish(bundle(owner, 1, [1, 2]));

      const again = claimedIds(await directory.lookup(owner, true));

      assert.deepEqual(claimed, [1]);
      assert.deepEqual(again, [2]);
      await directory.close();
    });

    it('drops prekeys of a replaced signing key', async () => {
      const directory = await make();
      const owner = account(5);

      await directory.publish(bundle(owner, 1, [1, 2]));
      await directory.publish(bundle(owner, 1, [10], { signingKey: 99 }));

      const result = await directory.lookup(owner, true);

      assert.deepEqual(claimedIds(result), [10]);
      assert.deepEqual(result.prekeysLeft, [0]);
      await directory.close();
    });

    it('keeps accounts apart', async () => {
      const directory = await make();

      await directory.publish(bundle(account(6), 1, [1]));

      const other = await directory.lookup(account(7), true);

      assert.deepEqual(other.devices, []);
      await directory.close();
    });
  });
}

describe('file key directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stardust-keydir-'));
  const path = join(dir, 'keys.json');

  after(() => rmSync(dir, { recursive: true, force: true }));

  behaviour('file', () => FileKeyDirectory.open({ path, now: () => NOW }));

  it('keeps keys and claims across a restart', async () => {
    const owner = account(20);
    const first = await FileKeyDirectory.open({ path, now: () => NOW });

    await first.publish(bundle(owner, 1, [1, 2]));

    const claimed = claimedIds(await first.lookup(owner, true));

    await first.close();

    const second = await FileKeyDirectory.open({ path, now: () => NOW });
    const after = await second.lookup(owner, true);

    assert.deepEqual(claimed, [1]);
    assert.deepEqual(claimedIds(after), [2]);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).version, 1);
    await second.close();
  });

  it('hands out each prekey once under concurrent claims', async () => {
    const owner = account(21);
    const directory = await FileKeyDirectory.open({ path, now: () => NOW });

    await directory.publish(
      bundle(
        owner,
        1,
        Array.from({ length: 20 }, (_, i) => i + 1),
      ),
    );

    const results = await Promise.all(
      Array.from({ length: 30 }, () => directory.lookup(owner, true)),
    );
    const claims = results.flatMap(claimedIds);

    assert.equal(claims.length, 20);
    assert.equal(new Set(claims).size, 20);
    await directory.close();
  });
});

describe('redis key directory', () => {
  let dir: string;
  let redis: RedisHandle;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stardust-redis-'));
    redis = await startRedis({ dir });
  });

  after(async () => {
    await redis.close();
    rmSync(dir, { recursive: true, force: true });
  });

  behaviour('redis', async () => new RedisKeyDirectory({ redis: redis.url, now: () => NOW }));

  it('hands out each prekey once across two instances', async () => {
    const owner = account(30);
    const a = new RedisKeyDirectory({ redis: redis.url, now: () => NOW });
    const b = new RedisKeyDirectory({ redis: redis.url, now: () => NOW });

    await a.publish(
      bundle(
        owner,
        1,
        Array.from({ length: 20 }, (_, i) => i + 1),
      ),
    );
    await a.publish(
      bundle(
        owner,
        2,
        Array.from({ length: 5 }, (_, i) => i + 1),
      ),
    );

    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).lookup(owner, true)),
    );
    const byDevice = new Map<string, number[]>();

    for (const result of results) {
      for (const device of result.devices) {
        const ids = (device.prekeys ?? []).map((prekey) => prekey.id ?? 0);
        const key = toHex(device.deviceId!);

        byDevice.set(key, [...(byDevice.get(key) ?? []), ...ids]);
      }
    }

    const first = byDevice.get(toHex(new Uint8Array(16).fill(1)))!;
    const second = byDevice.get(toHex(new Uint8Array(16).fill(2)))!;

    assert.equal(first.length, 20);
    assert.equal(new Set(first).size, 20);
    assert.equal(second.length, 5);
    assert.equal(new Set(second).size, 5);
    await a.close();
    await b.close();
  });

  it('keeps keys and claims across a Redis restart', async () => {
    const owner = account(31);
    const before = new RedisKeyDirectory({ redis: redis.url, now: () => NOW });

    await before.publish(bundle(owner, 1, [1, 2, 3]));

    const claimed = claimedIds(await before.lookup(owner, true));

    await before.close();
    await redis.close();
    redis = await startRedis({ dir, port: redis.port });

    const after = new RedisKeyDirectory({ redis: redis.url, now: () => NOW });
    const result = await after.lookup(owner, true);

    assert.deepEqual(claimed, [1]);
    assert.equal(result.devices.length, 1);
    assert.deepEqual(claimedIds(result), [2]);
    assert.deepEqual(result.prekeysLeft, [1]);
    await after.close();
  });
});
