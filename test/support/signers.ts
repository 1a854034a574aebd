// Wallet and session-key signers for tests. They stand in for the user's wallet: real
// sr25519 and Ed25519 keys, signing raw bytes as a keyring does or wrapped in <Bytes> as
// browser extensions do.
import { ed25519 } from '@noble/curves/ed25519.js';
import * as sr25519 from '@scure/sr25519';

import type { RawSigner } from '../../src/shared/delegation.js';
import { concatBytes, utf8 } from '../../src/shared/bytes.js';
import { encodeAddress } from '../../src/shared/ss58.js';

/** A test wallet: a RawSigner that counts its prompts. */
export interface TestWallet extends RawSigner {
  publicKey: Uint8Array;
  /** How many times signRaw was called: one per wallet prompt. */
  prompts: number;
  /** Signs any bytes as they are, for tests that forge signatures. */
  signAny(bytes: Uint8Array): Uint8Array;
}

/** Options of the test wallets. */
export interface TestWalletOptions {
  /** 32-byte seed; random when left out. */
  seed?: Uint8Array;
  /** Sign `<Bytes>…</Bytes>` as extensions do; raw by default. */
  wrap?: boolean;
}

/** An sr25519 wallet account. */
export function sr25519Wallet(options: TestWalletOptions = {}): TestWallet {
  const secret = sr25519.secretFromSeed(options.seed ?? randomBytes(32));
  const publicKey = sr25519.getPublicKey(secret);

  return wallet('sr25519', publicKey, (bytes) => sr25519.sign(secret, bytes), options.wrap);
}

/** An ed25519 wallet account. */
export function ed25519Wallet(options: TestWalletOptions = {}): TestWallet {
  const secret = options.seed ?? randomBytes(32);
  const publicKey = ed25519.getPublicKey(secret);

  return wallet('ed25519', publicKey, (bytes) => ed25519.sign(bytes, secret), options.wrap);
}

/** Wraps a key and its signing function as a test wallet. */
export function wallet(
  keyType: 'sr25519' | 'ed25519',
  publicKey: Uint8Array,
  sign: (bytes: Uint8Array) => Uint8Array,
  wrap = false,
): TestWallet {
  const signer: TestWallet = {
    address: encodeAddress(publicKey),
    keyType,
    publicKey,
    prompts: 0,
    signAny: sign,
    async signRaw(bytes) {
      signer.prompts += 1;

      const signed = wrap ? concatBytes(utf8('<Bytes>'), bytes, utf8('</Bytes>')) : bytes;

      return { signature: sign(signed), wrapped: wrap };
    },
  };

  return signer;
}

/** An Ed25519 key pair from a seed, signing synchronously (for vectors and raw clients). */
export function ed25519KeyPair(seed: Uint8Array = randomBytes(32)): {
  publicKey: Uint8Array;
  sign(bytes: Uint8Array): Uint8Array;
} {
  return {
    publicKey: ed25519.getPublicKey(seed),
    sign: (bytes) => ed25519.sign(bytes, seed),
  };
}

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}
