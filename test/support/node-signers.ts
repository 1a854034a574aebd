// Ed25519 signers on node:crypto for load and soak tests that authenticate thousands of
// sessions. They live apart from signers.ts because browser tests import that file, so it
// must stay free of node: modules.
import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';

import { wallet, type TestWallet } from './signers.js';

/** Returns an Ed25519 key pair that signs with node:crypto, faster than the JavaScript signer. */
export function nodeEd25519KeyPair(): {
  publicKey: Uint8Array;
  sign(bytes: Uint8Array): Uint8Array;
} {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');

  return {
    // The SPKI encoding of an Ed25519 key ends with the 32 raw key bytes.
    publicKey: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)),
    sign: (bytes) => new Uint8Array(nodeSign(null, bytes, privateKey)),
  };
}

/** Returns an ed25519 wallet account that signs raw bytes with node:crypto. */
export function nodeEd25519Wallet(): TestWallet {
  const pair = nodeEd25519KeyPair();

  return wallet('ed25519', pair.publicKey, pair.sign);
}
