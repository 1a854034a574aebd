/**
 * The heavy half of the dev signer: @polkadot/keyring and util-crypto (WASM). Loaded only
 * through a dynamic import, so it never enters the core bundle.
 */
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import type { KeyType } from './wallet-signer.js';

/** Derives the key pair of a dev URI (`//Alice`) from the well-known development phrase. */
export async function deriveDevPair(uri: string, keyType: KeyType): Promise<KeyringPair> {
  await cryptoWaitReady();

  return new Keyring({ type: keyType, ss58Format: 42 }).addFromUri(uri);
}
