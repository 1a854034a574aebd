/**
 * The session delegation: the one statement a wallet signs per session, authorising an
 * Ed25519 session key to sign signaling messages for the account.
 *
 * The statement is human-readable UTF-8 text built canonically from the delegation fields,
 * so a wallet that shows what it signs shows this text. Extensions sign it wrapped in
 * `<Bytes>…</Bytes>`; keyring signers sign it as it is. Verification accepts exactly those
 * two byte strings and nothing looser.
 */
import { voice } from '../../proto/gen/voice.js';
import { concatBytes, equalBytes, fromHex, toHex, utf8 } from './bytes.js';
import type { Plain } from './codec.js';
import { toBigInt } from './codec.js';
import { StardustError } from './errors.js';
import type { WalletKeyType } from './load-noble-signatures.js';
import { decodeAddress, encodeAddress } from './ss58.js';

/** Domain tag: the first line of every delegation statement. */
export const DELEGATION_DOMAIN = 'stardust-voice/session/v1';
/** Default lifetime of a delegation: 24 hours. */
export const DEFAULT_DELEGATION_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Maximum lifetime a verifier accepts by default: 7 days. */
export const MAX_DELEGATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Clock difference tolerated between signer and verifier for issued-at. */
export const DELEGATION_CLOCK_SKEW_MS = 30_000;

// The largest time a JavaScript Date can show, so every delegation time prints as ISO 8601.
const MAX_DATE_MS = 8_640_000_000_000_000n;
const BYTES_OPEN = utf8('<Bytes>');
const BYTES_CLOSE = utf8('</Bytes>');

/** A session delegation with every field present, int64 fields as bigint. */
export interface SessionDelegation {
  domain: string;
  /** SS58 address of the wallet account. */
  account: string;
  /** Ed25519 public key of the session, 32 bytes. */
  sessionPublicKey: Uint8Array;
  /** Genesis hash of the chain, 32 bytes. */
  genesisHash: Uint8Array;
  /** Web origin of the page that made the session. */
  origin: string;
  /** Milliseconds since the Unix epoch. */
  issuedAt: bigint;
  /** Milliseconds since the Unix epoch. */
  expiresAt: bigint;
  walletSignature: Uint8Array;
  /** Signature scheme of the wallet account (proto KeyType number). */
  keyType: number;
}

/** The fields a wallet signs: a delegation without its signature. */
export type DelegationFields = Omit<SessionDelegation, 'walletSignature'>;

/**
 * The wallet interface the SDK signs delegations with: the account, its scheme, and a
 * raw-bytes signer. `rawSignerOf(walletSigner)` adapts extension and dev keyring signers.
 */
export interface RawSigner {
  /** SS58 address of the account. */
  address: string;
  keyType: WalletKeyType;
  /**
   * Signs `bytes` with the account key. `wrapped` is true when the signer signed the bytes
   * wrapped in `<Bytes>…</Bytes>`, as browser extensions do.
   */
  signRaw(bytes: Uint8Array): Promise<{ signature: Uint8Array; wrapped: boolean }>;
}

/** A delegation that passed every check, with its decoded account id. */
export interface VerifiedDelegation extends SessionDelegation {
  /** The 32-byte account id. */
  accountId: Uint8Array;
  /** Hex of the account id: the key that names the account in maps. */
  accountKey: string;
  /** `expiresAt` as a number of milliseconds. */
  expiresAtMs: number;
}

/** Options of {@link verifyDelegation}. */
export interface DelegationCheckOptions {
  /** Verifier clock, milliseconds since the Unix epoch. */
  now: number;
  /** The genesis hash the delegation must name; any when left out. */
  genesisHash?: Uint8Array;
  /** Origins the delegation may name; any when left out. */
  origins?: readonly string[];
  /** Maximum lifetime accepted; 7 days by default. */
  maxLifetimeMs?: number;
  /**
   * Verifies an Ed25519 wallet signature; the pure-JavaScript verifier by default. Servers
   * pass node:crypto here.
   */
  verifyEd25519?: (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean;
}

/** Proto KeyType number of a wallet key type. */
export function keyTypeNumber(keyType: WalletKeyType): number {
  if (keyType === 'sr25519') return voice.KeyType.SR25519;

  if (keyType === 'ed25519') return voice.KeyType.ED25519;

  return voice.KeyType.ECDSA;
}

/** Wallet key type of a proto KeyType number; undefined for numbers this version does not know. */
export function keyTypeName(keyType: number): WalletKeyType | undefined {
  if (keyType === voice.KeyType.SR25519) return 'sr25519';

  if (keyType === voice.KeyType.ED25519) return 'ed25519';

  if (keyType === voice.KeyType.ECDSA) return 'ecdsa';

  return undefined;
}

/** Fills the defaults of a decoded SessionDelegation payload. */
export function toDelegation(
  value: Plain<voice.SessionDelegation.$Properties> | undefined,
): SessionDelegation {
  return {
    domain: value?.domain ?? '',
    account: value?.account ?? '',
    sessionPublicKey: value?.sessionPublicKey ?? new Uint8Array(0),
    genesisHash: value?.genesisHash ?? new Uint8Array(0),
    origin: value?.origin ?? '',
    issuedAt: toBigInt(value?.issuedAt),
    expiresAt: toBigInt(value?.expiresAt),
    walletSignature: value?.walletSignature ?? new Uint8Array(0),
    keyType: value?.keyType ?? voice.KeyType.SR25519,
  };
}

/**
 * Returns the statement text of a delegation. One field a line, in this order:
 *
 * ```text
 * stardust-voice/session/v1
 * Authorize this session key to sign Stardust Voice signaling messages for your account.
 * Chain: 0x<genesis hash>
 * Account: <SS58 address, prefix 42>
 * Session key: 0x<Ed25519 public key>
 * Origin: <web origin>
 * Issued at: <ISO 8601 UTC with milliseconds>
 * Expires at: <ISO 8601 UTC with milliseconds>
 * ```
 *
 * @throws StardustError DELEGATION_INVALID when a field cannot be written canonically.
 */
export function delegationStatement(fields: DelegationFields): string {
  checkShape(fields);

  return [
    DELEGATION_DOMAIN,
    'Authorize this session key to sign Stardust Voice signaling messages for your account.',
    `Chain: 0x${toHex(fields.genesisHash)}`,
    `Account: ${encodeAddress(decodeAddress(fields.account).publicKey)}`,
    `Session key: 0x${toHex(fields.sessionPublicKey)}`,
    `Origin: ${fields.origin}`,
    `Issued at: ${isoTime(fields.issuedAt)}`,
    `Expires at: ${isoTime(fields.expiresAt)}`,
  ].join('\n');
}

/** UTF-8 bytes of {@link delegationStatement}: what the wallet signs. */
export function delegationStatementBytes(fields: DelegationFields): Uint8Array {
  return utf8(delegationStatement(fields));
}

/** Returns the two byte strings a wallet signature may cover: the statement, and the statement in `<Bytes>`. */
export function acceptedSignedForms(statement: Uint8Array): [Uint8Array, Uint8Array] {
  return [statement, concatBytes(BYTES_OPEN, statement, BYTES_CLOSE)];
}

/** Options of {@link createDelegation}. */
export interface CreateDelegationOptions {
  wallet: RawSigner;
  sessionPublicKey: Uint8Array;
  genesisHash: Uint8Array;
  origin: string;
  /** Milliseconds since the Unix epoch. */
  now: number;
  /** 24 hours by default. */
  lifetimeMs?: number;
}

/**
 * Builds a delegation and requests the wallet's signature over its statement: the one wallet prompt of a
 * session.
 * @throws StardustError ACCOUNT_UNSUPPORTED for ecdsa accounts; the wallet's own errors
 * (such as WALLET_REJECTED) pass through.
 */
export async function createDelegation(
  options: CreateDelegationOptions,
): Promise<SessionDelegation> {
  const { wallet } = options;

  if (wallet.keyType !== 'sr25519' && wallet.keyType !== 'ed25519') {
    throw new StardustError(
      'ACCOUNT_UNSUPPORTED',
      `Account ${wallet.address} uses ${wallet.keyType} keys; sessions need an sr25519 or ed25519 account.`,
    );
  }

  const lifetimeMs = options.lifetimeMs ?? DEFAULT_DELEGATION_LIFETIME_MS;
  const fields: DelegationFields = {
    domain: DELEGATION_DOMAIN,
    account: encodeAddress(decodeAddress(wallet.address).publicKey),
    sessionPublicKey: options.sessionPublicKey,
    genesisHash: options.genesisHash,
    origin: options.origin,
    issuedAt: BigInt(Math.floor(options.now)),
    expiresAt: BigInt(Math.floor(options.now + lifetimeMs)),
    keyType: keyTypeNumber(wallet.keyType),
  };
  const { signature } = await wallet.signRaw(delegationStatementBytes(fields));

  return { ...fields, walletSignature: signature };
}

/**
 * Checks a delegation's fields, genesis, origin and time window, without its signature.
 * @throws StardustError DELEGATION_INVALID, ACCOUNT_UNSUPPORTED, DELEGATION_WRONG_GENESIS,
 * DELEGATION_WRONG_ORIGIN or DELEGATION_EXPIRED, in that order of checking.
 */
export function checkDelegationFields(
  delegation: SessionDelegation,
  options: DelegationCheckOptions,
): VerifiedDelegation {
  checkShape(delegation);

  const account = delegation.account;

  if (keyTypeName(delegation.keyType) === 'ecdsa') {
    throw new StardustError(
      'ACCOUNT_UNSUPPORTED',
      `The delegation of ${account} names an ecdsa account; only sr25519 and ed25519 accounts can sign sessions.`,
    );
  }

  if (
    options.genesisHash !== undefined &&
    !equalBytes(delegation.genesisHash, options.genesisHash)
  ) {
    throw new StardustError(
      'DELEGATION_WRONG_GENESIS',
      `The delegation of ${account} names chain 0x${toHex(delegation.genesisHash)}, not 0x${toHex(options.genesisHash)}.`,
    );
  }

  if (options.origins !== undefined && !options.origins.includes(delegation.origin)) {
    throw new StardustError(
      'DELEGATION_WRONG_ORIGIN',
      `The delegation of ${account} was made for ${JSON.stringify(delegation.origin)}, which this server does not accept.`,
    );
  }

  const lifetime = delegation.expiresAt - delegation.issuedAt;
  const maxLifetime = BigInt(options.maxLifetimeMs ?? MAX_DELEGATION_LIFETIME_MS);

  if (lifetime > maxLifetime) {
    throw new StardustError(
      'DELEGATION_INVALID',
      `The delegation of ${account} lasts ${lifetime} ms, more than the ${maxLifetime} ms allowed.`,
    );
  }

  const now = BigInt(Math.floor(options.now));

  if (now >= delegation.expiresAt || now + BigInt(DELEGATION_CLOCK_SKEW_MS) < delegation.issuedAt) {
    throw new StardustError(
      'DELEGATION_EXPIRED',
      `The delegation of ${account} is valid from ${isoTime(delegation.issuedAt)} to ${isoTime(delegation.expiresAt)}, not now.`,
    );
  }

  const accountId = decodeAddress(account).publicKey;

  return {
    ...delegation,
    accountId,
    accountKey: toHex(accountId),
    expiresAtMs: Number(delegation.expiresAt),
  };
}

/**
 * Checks everything about a delegation, its wallet signature last.
 * @throws StardustError with the codes of {@link checkDelegationFields}, or
 * DELEGATION_BAD_SIGNATURE.
 */
export async function verifyDelegation(
  delegation: SessionDelegation,
  options: DelegationCheckOptions,
): Promise<VerifiedDelegation> {
  const verified = checkDelegationFields(delegation, options);
  const keyType = keyTypeName(delegation.keyType);
  const statement = delegationStatementBytes(delegation);
  const { verifyWalletSignature } = await import('./load-noble-signatures.js');
  const verify = (message: Uint8Array): boolean =>
    keyType === 'ed25519' && options.verifyEd25519 !== undefined
      ? options.verifyEd25519(message, delegation.walletSignature, verified.accountId)
      : keyType !== undefined &&
        verifyWalletSignature(keyType, message, delegation.walletSignature, verified.accountId);

  if (!acceptedSignedForms(statement).some(verify)) {
    throw new StardustError(
      'DELEGATION_BAD_SIGNATURE',
      `The wallet signature on the delegation of ${delegation.account} does not verify for that account.`,
    );
  }

  return verified;
}

/** Parses `0x`-prefixed or bare hex of a 32-byte genesis hash. */
export function parseGenesisHash(hex: string): Uint8Array {
  const bytes = fromHex(hex);

  if (bytes.length !== 32) throw new RangeError(`a genesis hash has 32 bytes, got ${bytes.length}`);

  return bytes;
}

function checkShape(fields: DelegationFields): void {
  const invalid = (reason: string): StardustError =>
    new StardustError(
      'DELEGATION_INVALID',
      `Invalid session delegation for ${JSON.stringify(fields.account.slice(0, 64))}: ${reason}.`,
    );

  if (fields.domain !== DELEGATION_DOMAIN) throw invalid(`domain tag is not ${DELEGATION_DOMAIN}`);

  if (fields.sessionPublicKey.length !== 32) throw invalid('session key is not 32 bytes');

  if (fields.genesisHash.length !== 32) throw invalid('genesis hash is not 32 bytes');

  if (!isSerializedOrigin(fields.origin)) throw invalid('origin is not a web origin');

  if (fields.issuedAt < 0n || fields.expiresAt > MAX_DATE_MS) throw invalid('time out of range');

  if (fields.expiresAt <= fields.issuedAt) throw invalid('expires before it is issued');

  if (keyTypeName(fields.keyType) === undefined) throw invalid('unknown key type');

  try {
    decodeAddress(fields.account);
  } catch (error) {
    throw invalid(`account is not an address (${(error as Error).message})`);
  }
}

/** True for an origin as `location.origin` writes it: scheme, host and optional port. */
function isSerializedOrigin(origin: string): boolean {
  if (origin.length === 0 || origin.length > 256) return false;

  try {
    return new URL(origin).origin === origin;
  } catch {
    return false;
  }
}

function isoTime(ms: bigint): string {
  return new Date(Number(ms)).toISOString();
}
