/**
 * The devnet's genesis state: the dev accounts, the treasury and the call settler.
 */
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';

import {
  DEV_ENDOWMENT,
  MEMBER_ENDOWMENT,
  SETTLER_ENDOWMENT,
  TREASURY_ACCOUNT,
  TREASURY_ENDOWMENT,
} from './constants.js';
import { emptyAccount } from './pallets/system.js';
import type { Runtime } from './runtime/runtime.js';

/** The well-known dev accounts, endowed with 1,000,000 DUST each. */
export const DEV_ACCOUNT_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

/** Genesis settings. */
export interface GenesisConfig {
  /** How many `//MemberN` accounts to endow with 1,000 DUST. */
  devAccounts: number;
  /** Secret URI of the `CallSettler` account; `//CallSettler` by default. */
  settlerSeed: string;
}

/** Writes the genesis state into `rt`'s storage. */
export function writeGenesis(rt: Runtime, config: GenesisConfig): void {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const endowments: Array<[string, bigint]> = DEV_ACCOUNT_NAMES.map((name) => [
    u8aToHex(keyring.addFromUri(`//${name}`).publicKey),
    DEV_ENDOWMENT,
  ]);

  for (let n = 1; n <= config.devAccounts; n += 1) {
    endowments.push([u8aToHex(keyring.addFromUri(`//Member${n}`).publicKey), MEMBER_ENDOWMENT]);
  }

  const settler = u8aToHex(keyring.addFromUri(config.settlerSeed).publicKey);

  endowments.push([TREASURY_ACCOUNT, TREASURY_ENDOWMENT], [settler, SETTLER_ENDOWMENT]);

  let issuance = 0n;

  for (const [who, amount] of endowments) {
    const info = emptyAccount();

    info.providers = 1;
    info.data.free = amount;
    rt.put('System', 'Account', [who], info);
    issuance += amount;
  }

  rt.put('Balances', 'TotalIssuance', [], issuance);
  rt.put('VoiceCall', 'CallSettler', [], settler);
}
