/**
 * The signer interface every part of the SDK signs through, whatever holds the key: a wallet
 * extension, the dev keyring, or a session key.
 */
import type { Signer } from '@polkadot/types/types';

/** Key types the SDK signs with. Ethereum and ecdsa accounts are never offered. */
export type KeyType = 'sr25519' | 'ed25519';

/** Where a signer's key lives. `dev-keyring` signers are for development and tests only. */
export type SignerKind = 'extension' | 'dev-keyring' | 'session-key';

/**
 * The bytes a raw signature covers: `wrapped` means `<Bytes>` ‖ message ‖ `</Bytes>` (what
 * wallet extensions sign, so that a page cannot make them sign a transaction payload), `raw`
 * means the message itself (keyring and session-key signers).
 */
export type SignedForm = 'wrapped' | 'raw';

/** An account that can sign. */
export interface SignerAccount {
  /** SS58 address with the Stardust prefix 42. */
  address: string;
  /** The 32-byte public key, which is also the account id. */
  publicKey: Uint8Array;
  keyType: KeyType;
  /** Display name from the wallet, if any. */
  name?: string;
}

/** The result of {@link WalletSigner.signRaw}. */
export interface RawSignature {
  /** The 64-byte sr25519 or ed25519 signature, without a type prefix. */
  signature: Uint8Array;
  /** Which bytes the signature covers, so that a verifier checks exactly that form. */
  form: SignedForm;
  keyType: KeyType;
}

/**
 * The signer the rest of the SDK uses: the account, a raw signature over arbitrary bytes
 * (delegations, device bindings) and a polkadot-js `Signer` for extrinsics.
 */
export interface WalletSigner {
  readonly kind: SignerKind;
  readonly account: SignerAccount;
  /** Name of the wallet extension that holds the key, or the signer kind. */
  readonly source: string;
  /**
   * Signs `message`. Extension signers show a wallet prompt and sign the `<Bytes>`-wrapped
   * form; the result says which form was signed.
   * @throws StardustError WALLET_REJECTED when the user refuses.
   */
  signRaw(message: Uint8Array): Promise<RawSignature>;
  /** The polkadot-js signer that `signAndSend` uses for extrinsics of this account. */
  readonly extrinsicSigner: Signer;
}

/** Marker prefix and suffix that wallet extensions wrap raw payloads in. */
export const BYTES_PREFIX = '<Bytes>';
/** See {@link BYTES_PREFIX}. */
export const BYTES_SUFFIX = '</Bytes>';
