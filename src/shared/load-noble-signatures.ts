/**
 * Pure-JavaScript signatures: sr25519 verification with `@scure/sr25519`, and Ed25519 with
 * `@noble/curves` (verification of wallet and prekey signatures, and the session-key
 * fallback where WebCrypto lacks Ed25519).
 *
 * Import this module lazily (`await import(...)`): it is the only place that pulls those
 * libraries into a page, which needs it once per peer session, not per message. Its
 * `load-noble` name keeps it out of the core bundle budget, like the other lazy crypto.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { verify as sr25519Verify } from '@scure/sr25519';

/** Signature schemes of wallet accounts, named as polkadot-js names them. */
export type WalletKeyType = 'sr25519' | 'ed25519' | 'ecdsa';

/**
 * Returns true when `signature` is a valid signature of `message` by `publicKey` in the
 * scheme `keyType`. Malformed keys or signatures return false; ecdsa is not supported and
 * always returns false.
 */
export function verifyWalletSignature(
  keyType: WalletKeyType,
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;

  try {
    if (keyType === 'sr25519') return sr25519Verify(message, signature, publicKey);

    if (keyType === 'ed25519') return verifyEd25519(message, signature, publicKey);

    return false;
  } catch {
    // Both libraries throw on points that are not on the curve: that is an invalid signature.
    return false;
  }
}

/** Verifies an Ed25519 signature (RFC 8032, strict: no malleable signatures). */
export function verifyEd25519(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** Ed25519 signing and key generation for session keys without WebCrypto Ed25519. */
export const ed25519Fallback = {
  randomSecretKey: (): Uint8Array => ed25519.utils.randomSecretKey(),
  getPublicKey: (secret: Uint8Array): Uint8Array => ed25519.getPublicKey(secret),
  sign: (message: Uint8Array, secret: Uint8Array): Uint8Array => ed25519.sign(message, secret),
};
