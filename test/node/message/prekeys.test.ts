import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { generateDeviceKeys, type PrekeyPublic } from '../../../src/message/device-keys.js';
import { refillPrekeys } from '../../../src/message/prekeys.js';
import { MessageStore } from '../../../src/message/store/message-store.js';
import { CanonicalWriter } from '../../../src/shared/bytes.js';
import { encodeAddress } from '../../../src/shared/ss58.js';

const DAY = 86_400_000;
const signingBytes = (deviceId: Uint8Array, prekey: PrekeyPublic) =>
  new CanonicalWriter().bytes(deviceId).u32(prekey.id).finish();

async function setUp() {
  const store = await MessageStore.open({ indexedDB: null });
  const account = encodeAddress(crypto.getRandomValues(new Uint8Array(32)));

  await store.putDevice(account, await generateDeviceKeys());

  return { store, account };
}

describe('prekey refill', () => {
  it('fills a batch that expires in 7 days', async () => {
    const { store, account } = await setUp();
    const now = 1_000_000;

    const made = await refillPrekeys(store, account, {
      batchSize: 5,
      now: () => now,
      signingBytes,
    });

    assert.deepEqual(
      made.map((prekey) => prekey.id),
      [1, 2, 3, 4, 5],
    );
    assert.ok(made.every((prekey) => prekey.expiresAt === now + 7 * DAY));
    assert.equal((await store.listPrekeys(account, now)).length, 5);
  });

  it('waits for the low-water mark before refilling', async () => {
    const { store, account } = await setUp();
    const options = { batchSize: 4, lowWater: 2, now: () => 0, signingBytes };

    await refillPrekeys(store, account, options);
    await store.deletePrekey(account, 1);

    const early = await refillPrekeys(store, account, options);

    await store.deletePrekey(account, 2);
    await store.deletePrekey(account, 3);

    const refilled = await refillPrekeys(store, account, options);

    assert.deepEqual(early, []);
    assert.deepEqual(
      refilled.map((prekey) => prekey.id),
      [5, 6, 7],
    );
  });

  it('never reuses ids after every prekey is used', async () => {
    const { store, account } = await setUp();
    const options = { batchSize: 2, now: () => 0, signingBytes };

    await refillPrekeys(store, account, options);
    await store.deletePrekey(account, 1);
    await store.deletePrekey(account, 2);

    const next = await refillPrekeys(store, account, options);

    assert.deepEqual(
      next.map((prekey) => prekey.id),
      [3, 4],
    );
  });

  it('replaces expired prekeys', async () => {
    const { store, account } = await setUp();

    await refillPrekeys(store, account, { batchSize: 3, ttlMs: DAY, now: () => 0, signingBytes });

    const later = await refillPrekeys(store, account, {
      batchSize: 3,
      now: () => 2 * DAY,
      signingBytes,
    });

    assert.equal(later.length, 3);
    assert.equal((await store.listPrekeys(account, 2 * DAY)).length, 3);
    assert.equal(await store.getPrekey(account, 1, 2 * DAY), null);
  });

  it('requires device keys first', async () => {
    const store = await MessageStore.open({ indexedDB: null });
    const account = encodeAddress(new Uint8Array(32).fill(3));

    await assert.rejects(refillPrekeys(store, account, { signingBytes }), {
      code: 'INVALID_STATE',
    });
  });
});
