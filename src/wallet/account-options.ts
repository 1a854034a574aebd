/**
 * Turns the accounts a wallet extension shares into options a picker can show: usable
 * Substrate sr25519/ed25519 accounts, and every other account disabled with a reason.
 * Nothing a wallet returns can make this throw.
 */
import { toHex } from '../shared/bytes.js';
import { decodeAddress, encodeAddress } from '../shared/ss58.js';
import type { KeyType } from './wallet-signer.js';

/** An account as a wallet extension injects it (the `InjectedAccount` shape). */
export interface InjectedAccountLike {
  address: string;
  genesisHash?: string | null;
  name?: string;
  type?: string;
}

/** The reason an account cannot sign for this chain. */
export type AccountDisabledReason =
  'ethereum-account' | 'unsupported-key-type' | 'other-chain' | 'invalid-address';

/** English explanations of {@link AccountDisabledReason}, for logs and default UI text. */
export const ACCOUNT_DISABLED_REASONS: Record<AccountDisabledReason, string> = {
  'ethereum-account': 'Ethereum accounts cannot sign for a Substrate chain.',
  'unsupported-key-type': 'Only sr25519 and ed25519 accounts can sign; this one is another type.',
  'other-chain': 'The wallet pins this account to another chain (genesis hash).',
  'invalid-address': 'The wallet shared a malformed address or one with a bad checksum.',
};

/** One account of a wallet, as a picker shows it. */
export interface WalletAccountOption {
  /** SS58 with prefix 42 when valid; otherwise the text the wallet sent. */
  address: string;
  /** Hex of the 32-byte public key (no 0x), or null when the address is not a Substrate one. */
  publicKey: string | null;
  /** The key type the wallet reported, such as `sr25519` or `ethereum`, or null. */
  walletType: string | null;
  /** The signing key type when the account is usable. */
  keyType: KeyType | null;
  name: string | undefined;
  /** Name of the extension that shares the account. */
  source: string;
  /** Genesis hash the wallet pins the account to, or null for any chain. */
  genesisHash: string | null;
  /** True when the account can sign for this chain. */
  usable: boolean;
  /** The reason it cannot sign, when `usable` is false. */
  reason: AccountDisabledReason | null;
}

const ETHEREUM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * Classifies one injected account for the chain with `chainGenesisHash` (when known; without
 * it, genesis pins are not checked).
 */
export function toAccountOption(
  account: InjectedAccountLike,
  source: string,
  chainGenesisHash: string | undefined,
): WalletAccountOption {
  const rawAddress = typeof account?.address === 'string' ? account.address : '';
  const walletType = typeof account?.type === 'string' ? account.type : null;
  const pin = normalizeGenesis(account?.genesisHash);
  const base = {
    address: rawAddress,
    publicKey: null,
    walletType,
    keyType: null,
    name: typeof account?.name === 'string' ? account.name : undefined,
    source,
    genesisHash: pin,
  };

  if (walletType === 'ethereum' || ETHEREUM_ADDRESS.test(rawAddress)) {
    return { ...base, usable: false, reason: 'ethereum-account' };
  }

  let publicKey: Uint8Array;

  try {
    publicKey = decodeAddress(rawAddress).publicKey;
  } catch {
    return { ...base, usable: false, reason: 'invalid-address' };
  }

  const decoded = { ...base, address: encodeAddress(publicKey), publicKey: toHex(publicKey) };

  if (walletType !== 'sr25519' && walletType !== 'ed25519') {
    return { ...decoded, usable: false, reason: 'unsupported-key-type' };
  }

  if (
    pin !== null &&
    chainGenesisHash !== undefined &&
    pin !== normalizeGenesis(chainGenesisHash)
  ) {
    return { ...decoded, usable: false, reason: 'other-chain' };
  }

  return { ...decoded, keyType: walletType, usable: true, reason: null };
}

/** Lower-case 0x hex of a genesis hash, or null for none (empty strings count as none). */
function normalizeGenesis(hash: unknown): string | null {
  if (typeof hash !== 'string' || hash.length === 0 || /^0x0*$/.test(hash)) return null;

  return hash.toLowerCase();
}
