// Ed25519 signers on node:crypto, many times faster than the pure JavaScript ones in
// signers.ts: for load and soak tests that authenticate thousands of sessions. Node only;
// browser tests import signers.ts, which must stay free of node: modules.
import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';

import { wallet, type TestWallet } from './signers.js';

/**
 * An Ed25519 key pair that signs with node:crypto, many times faster than the pure
 * JavaScript signer: for load tests that authenticate thousands of sessions.
 */
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

/** An ed25519 wallet account that signs raw bytes with node:crypto (see nodeEd25519KeyPair). */
export function nodeEd25519Wallet(): TestWallet {
  const pair = nodeEd25519KeyPair();

  return wallet('ed25519', pair.publicKey, pair.sign);
}
