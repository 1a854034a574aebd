// Builds valid device key bundles for tests: a wallet-signed binding of fresh keys and
// one-time prekeys signed by the device's Ed25519 key.
import { deviceBindingBytes, prekeySigningBytes } from '../../src/shared/device-keys.js';
import { ed25519KeyPair, randomBytes, type TestWallet } from './signers.js';

/** Builds a bundle of `wallet`'s account with `count` prekeys valid for 7 days from `now`. */
export async function signedBundle(wallet: TestWallet, count = 3, now = Date.now()) {
  const device = ed25519KeyPair();
  const fields = {
    account: wallet.address,
    deviceId: randomBytes(16),
    encryptionKey: randomBytes(32),
    signingKey: device.publicKey,
    createdAt: BigInt(now),
  };
  const { signature } = await wallet.signRaw(deviceBindingBytes(fields));
  const prekeys = Array.from({ length: count }, (_, i) => {
    const prekey = {
      id: i + 1,
      publicKey: randomBytes(32),
      expiresAt: BigInt(now + 7 * 86_400_000),
    };

    return { ...prekey, signature: device.sign(prekeySigningBytes({ ...fields, ...prekey })) };
  });

  return { ...fields, walletSignature: signature, keyType: 0, prekeys };
}
