import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { verifyDeviceBundle } from '../../src/shared/device-keys.js';
import { StardustError } from '../../src/shared/errors.js';
import { signedBundle as makeBundle } from '../support/device-bundle.js';
import { randomBytes, sr25519Wallet, type TestWallet } from '../support/signers.js';

const NOW = 1_800_000_000_000;

const signedBundle = (wallet: TestWallet, count = 3) => makeBundle(wallet, count, NOW);

const bindingInvalid = (error: unknown) =>
  error instanceof StardustError && error.code === 'KEY_BINDING_INVALID';

describe('device keys', () => {
  it('accepts a bundle signed raw or wrapped', async () => {
    await verifyDeviceBundle(await signedBundle(sr25519Wallet()), { now: NOW });
    await verifyDeviceBundle(await signedBundle(sr25519Wallet({ wrap: true })), { now: NOW });
  });

  it('rejects a substituted encryption key', async () => {
    const bundle = await signedBundle(sr25519Wallet());

    await assert.rejects(
      verifyDeviceBundle({ ...bundle, encryptionKey: randomBytes(32) }, { now: NOW }),
      bindingInvalid,
    );
  });

  it('rejects a substituted prekey', async () => {
    const bundle = await signedBundle(sr25519Wallet());
    const prekeys = bundle.prekeys.map((prekey, i) =>
      i === 1 ? { ...prekey, publicKey: randomBytes(32) } : prekey,
    );

    await assert.rejects(verifyDeviceBundle({ ...bundle, prekeys }, { now: NOW }), bindingInvalid);
  });

  it('rejects a prekey moved to another device', async () => {
    const bundle = await signedBundle(sr25519Wallet());
    const other = await signedBundle(sr25519Wallet());

    await assert.rejects(
      verifyDeviceBundle({ ...bundle, prekeys: other.prekeys }, { now: NOW }),
      bindingInvalid,
    );
  });

  it('rejects expired prekeys', async () => {
    const bundle = await signedBundle(sr25519Wallet());

    await assert.rejects(verifyDeviceBundle(bundle, { now: NOW + 8 * 86_400_000 }), bindingInvalid);
  });

  it('rejects malformed keys', async () => {
    const bundle = await signedBundle(sr25519Wallet());

    for (const change of [
      { deviceId: randomBytes(8) },
      { signingKey: randomBytes(33) },
      { account: 'x' },
    ]) {
      await assert.rejects(
        verifyDeviceBundle({ ...bundle, ...change }, { now: NOW }),
        bindingInvalid,
      );
    }
  });
});
