import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  deviceBindingBytes,
  prekeySigningBytes,
  verifyDeviceBundle,
} from '../../src/shared/device-keys.js';
import { StardustError } from '../../src/shared/errors.js';
import { ed25519KeyPair, randomBytes, sr25519Wallet, type TestWallet } from '../support/signers.js';

const NOW = 1_800_000_000_000;

/** A valid bundle with `count` prekeys, signed by `wallet`. */
export async function signedBundle(wallet: TestWallet, count = 3) {
  const device = ed25519KeyPair();
  const fields = {
    account: wallet.address,
    deviceId: randomBytes(16),
    encryptionKey: randomBytes(32),
    signingKey: device.publicKey,
    createdAt: BigInt(NOW),
  };
  const { signature } = await wallet.signRaw(deviceBindingBytes(fields));
  const prekeys = Array.from({ length: count }, (_, i) => {
    const prekey = {
      id: i + 1,
      publicKey: randomBytes(32),
      expiresAt: BigInt(NOW + 7 * 86_400_000),
    };

    return { ...prekey, signature: device.sign(prekeySigningBytes({ ...fields, ...prekey })) };
  });

  return { ...fields, walletSignature: signature, keyType: 0, prekeys };
}

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
