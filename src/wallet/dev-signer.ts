/**
 * DEV ONLY: signers derived from the public development phrase (`//Alice`, `//Member7`).
 * Anyone can derive these keys: never use them for accounts that hold real value.
 */
import { StardustError } from '../shared/errors.js';
import { encodeAddress } from '../shared/ss58.js';
import { createPayloadSigner } from './payload-signer.js';
import type { KeyType, WalletSigner } from './wallet-signer.js';

/** Options of {@link createDevSigner}. */
export interface DevSignerOptions {
  /** Key type of the derived account; `sr25519` by default, as in Substrate dev chains. */
  keyType?: KeyType;
}

const DEV_URI = /^(\/\/[A-Za-z0-9_-]{1,64}){1,4}$/;

/**
 * DEV ONLY: creates a signer for a hard-derived dev account such as `//Alice`, `//Bob` or
 * `//Member3`, for the demo page and tests. It signs raw bytes (form `raw`) and extrinsics
 * without any prompt. The keyring and its WASM crypto load on the first call.
 * @throws StardustError INVALID_ARGUMENT when `uri` is not a `//Name` derivation path.
 */
export async function createDevSigner(
  uri: string,
  options: DevSignerOptions = {},
): Promise<WalletSigner> {
  const keyType = options.keyType ?? 'sr25519';

  if (typeof uri !== 'string' || !DEV_URI.test(uri)) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `Invalid dev account ${JSON.stringify(uri)}: expected a derivation path such as "//Alice" or "//Member1".`,
    );
  }

  if (keyType !== 'sr25519' && keyType !== 'ed25519') {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `Invalid key type ${JSON.stringify(keyType)}: expected "sr25519" or "ed25519".`,
    );
  }

  const { deriveDevPair } = await import('./load-dev-keyring.js');
  const pair = await deriveDevPair(uri, keyType);
  const publicKey = pair.publicKey.slice();
  const sign = async (message: Uint8Array) => pair.sign(message);

  return {
    kind: 'dev-keyring',
    source: 'dev-keyring',
    account: { address: encodeAddress(publicKey), publicKey, keyType, name: uri },
    async signRaw(message) {
      return { signature: await sign(message), form: 'raw', keyType };
    },
    extrinsicSigner: createPayloadSigner(keyType, sign),
  };
}
