/**
 * The heavy half of the extension wallet, loaded by dynamic import on the first user action:
 * @polkadot/extension-dapp (which writes `window.injectedWeb3` when imported, so it must
 * never load at page start) and the signature checks that tell which form a wallet signed.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { verify as sr25519Verify } from '@scure/sr25519';
import { web3Enable } from '@polkadot/extension-dapp';

import { concatBytes, utf8 } from '../shared/bytes.js';
import { BYTES_PREFIX, BYTES_SUFFIX, type KeyType, type SignedForm } from './wallet-signer.js';

export { web3Enable };

/** Returns `<Bytes>` ‖ message ‖ `</Bytes>`, the bytes wallet extensions sign. */
export function wrapBytes(message: Uint8Array): Uint8Array {
  return concatBytes(utf8(BYTES_PREFIX), message, utf8(BYTES_SUFFIX));
}

/** Returns the form `signature` verifies in for `publicKey`, or null when neither verifies. */
export function detectSignedForm(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
  keyType: KeyType,
): SignedForm | null {
  const verify = (bytes: Uint8Array) => {
    try {
      return keyType === 'sr25519'
        ? sr25519Verify(bytes, signature, publicKey)
        : ed25519.verify(signature, bytes, publicKey);
    } catch {
      return false;
    }
  };

  if (verify(wrapBytes(message))) return 'wrapped';

  return verify(message) ? 'raw' : null;
}
