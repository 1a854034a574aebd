/**
 * A polkadot-js `Signer` over any function that signs bytes with an sr25519 or ed25519 key,
 * so that keyring and session-key accounts submit extrinsics the same way extensions do.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import type { Signer, SignerResult } from '@polkadot/types/types';

import { concatBytes, fromHex, toHex } from '../shared/bytes.js';
import type { KeyType } from './wallet-signer.js';

/** Signs the given bytes and returns the 64-byte signature. */
export type SignBytes = (message: Uint8Array) => Promise<Uint8Array>;

// MultiSignature variant indices in Substrate: Ed25519 = 0, Sr25519 = 1, Ecdsa = 2.
const MULTI_SIGNATURE_INDEX: Record<KeyType, number> = { ed25519: 0, sr25519: 1 };

// Substrate signs the blake2-256 hash of an extrinsic payload longer than 256 bytes.
const MAX_UNHASHED_PAYLOAD = 256;

let nextRequestId = 1;

/**
 * Returns a polkadot-js `Signer` whose `signRaw` signs extrinsic payloads (`type: 'payload'`)
 * the way Substrate verifies them and returns a MultiSignature, and signs `type: 'bytes'`
 * requests as they are.
 */
export function createPayloadSigner(keyType: KeyType, sign: SignBytes): Signer {
  return {
    async signRaw({ data, type }): Promise<SignerResult> {
      let message = fromHex(data);

      if (type === 'payload' && message.length > MAX_UNHASHED_PAYLOAD) {
        message = blake2b(message, { dkLen: 32 });
      }

      const signature = await sign(message);
      const typed = concatBytes(Uint8Array.of(MULTI_SIGNATURE_INDEX[keyType]), signature);

      return {
        id: nextRequestId++,
        signature: `0x${toHex(type === 'payload' ? typed : signature)}`,
      };
    },
  };
}
