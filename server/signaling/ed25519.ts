/**
 * Ed25519 verification with node:crypto, which is native and many times faster than a
 * JavaScript verifier. Public keys are wrapped in KeyObjects once and cached.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const cache = new Map<string, KeyObject>();
const MAX_CACHED = 50_000;

/** Returns true when `signature` is a valid Ed25519 signature of `message` by `publicKey`. */
export function verifyEd25519Native(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;

  try {
    return verify(null, message, keyObject(publicKey), signature);
  } catch {
    return false;
  }
}

function keyObject(publicKey: Uint8Array): KeyObject {
  const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.length).toString(
    'base64',
  );
  let key = cache.get(id);

  if (key === undefined) {
    key = createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });

    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);

    cache.set(id, key);
  }

  return key;
}
