/**
 * Decoding and validation of extrinsics (format v4) as a Substrate node's transaction pool
 * does it: MultiAddress signer, MultiSignature (sr25519, ed25519, ecdsa), and the standard
 * signed extensions checked for real. Rejections carry the `TransactionValidityError` a
 * node reports, so the RPC layer can answer with the node's error codes.
 */
import { compactFromU8a, u8aEq, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, ed25519Verify, secp256k1Recover, sr25519Verify } from '@polkadot/util-crypto';

import { GENESIS_BIRTH, type ChainView } from './chain-view.js';
import { concat } from './storage.js';

/** Why a transaction is invalid, as `InvalidTransaction` / `UnknownTransaction` name it. */
export const INVALID_REASONS = {
  Call: 'Transaction call is not expected',
  Payment: 'Inability to pay some fees (e.g. account balance too low)',
  Future: 'Transaction will be valid in the future',
  Stale: 'Transaction is outdated',
  BadProof: 'Transaction has a bad signature',
  AncientBirthBlock: 'Transaction has an ancient birth block',
  ExhaustsResources: 'Transaction would exhaust the block limits',
  BadSigner: 'Invalid signing address',
  MandatoryValidation:
    'Transaction dispatch is mandatory; transactions may not have mandatory dispatches.',
} as const;

export const UNKNOWN_REASONS = {
  CannotLookup: 'Could not lookup information required to validate the transaction',
  NoUnsignedValidator: 'Could not find an unsigned validator for the unsigned transaction',
} as const;

export type InvalidReason = keyof typeof INVALID_REASONS;
export type UnknownReason = keyof typeof UNKNOWN_REASONS;

/** A transaction the pool rejects: `invalid` maps to RPC code 1010, `unknown` to 1011. */
export class TransactionRejected extends Error {
  constructor(
    readonly kind: 'invalid' | 'unknown',
    readonly reason: InvalidReason | UnknownReason,
  ) {
    super(
      kind === 'invalid'
        ? INVALID_REASONS[reason as InvalidReason]
        : UNKNOWN_REASONS[reason as UnknownReason],
    );
    this.name = 'TransactionRejected';
  }
}

/** Bytes that are not an extrinsic at all (RPC code 1001). */
export class ExtrinsicFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtrinsicFormatError';
  }
}

/** A decoded extrinsic. */
export interface DecodedExtrinsic {
  bytes: Uint8Array;
  /** blake2_256 of the bytes, 0x-hex: the transaction hash. */
  hash: string;
  signed?: {
    /** The account id, or undefined when the address is not an id (CannotLookup). */
    signer: string | undefined;
    signatureType: 0 | 1 | 2;
    signature: Uint8Array;
    era: { period: number; phase: number } | undefined;
    nonce: number;
    tip: bigint;
    /** Encoded extra: era, nonce and tip, as they appear in the signing payload. */
    extra: Uint8Array;
  };
  /** The encoded call. */
  call: Uint8Array;
}

/** Decodes extrinsic bytes (with their length prefix); throws ExtrinsicFormatError. */
export function decodeExtrinsic(
  bytes: Uint8Array,
  decodeCall: (call: Uint8Array) => number,
): DecodedExtrinsic {
  const reader = new Reader(bytes);
  const length = reader.compact();

  if (BigInt(reader.remaining) !== length)
    throw new ExtrinsicFormatError(
      `length prefix ${length} does not match ${reader.remaining} bytes`,
    );

  const version = reader.byte();
  const hash = u8aToHex(blake2AsU8a(bytes, 256));

  if (version === 0x04) return { bytes, hash, call: checkedCall(reader.rest(), decodeCall) };

  if (version !== 0x84)
    throw new ExtrinsicFormatError(`unsupported extrinsic version byte 0x${version.toString(16)}`);

  const signer = readAddress(reader);
  const signatureType = reader.byte();

  if (signatureType > 2) throw new ExtrinsicFormatError(`unknown signature type ${signatureType}`);

  const signature = reader.take(signatureType === 2 ? 65 : 64);
  const extraStart = reader.offset;
  const era = readEra(reader);
  const nonce = reader.compact();
  const tip = reader.compact();

  if (nonce > 0xffffffffn) throw new ExtrinsicFormatError('nonce does not fit u32');

  const extra = bytes.subarray(extraStart, reader.offset);
  const call = checkedCall(reader.rest(), decodeCall);

  return {
    bytes,
    hash,
    signed: {
      signer,
      signatureType: signatureType as 0 | 1 | 2,
      signature,
      era,
      nonce: Number(nonce),
      tip,
      extra,
    },
    call,
  };
}

/**
 * Checks a signed extrinsic against the state of `view` for inclusion in the next block:
 * signature over the payload with the additional signed data, non-zero sender, nonce
 * (`expectedNonce` counts the sender's transactions already in the pool), length, and fee.
 */
export function validateSigned(
  view: ChainView,
  ext: DecodedExtrinsic,
  expectedNonce: number,
): void {
  const signed = ext.signed!;

  if (signed.signer === undefined) throw new TransactionRejected('unknown', 'CannotLookup');

  const payload = signingPayload(view, ext);

  if (!verifySignature(signed.signatureType, signed.signature, payload, signed.signer)) {
    throw new TransactionRejected('invalid', 'BadProof');
  }

  if (/^0x0+$/.test(signed.signer)) throw new TransactionRejected('invalid', 'BadSigner');

  const account = view.account(signed.signer);

  if (account.providers === 0 && account.sufficients === 0)
    throw new TransactionRejected('invalid', 'Payment');

  if (signed.nonce < account.nonce) throw new TransactionRejected('invalid', 'Stale');

  if (signed.nonce > expectedNonce) throw new TransactionRejected('invalid', 'Future');

  if (ext.bytes.length > view.maxExtrinsicLength)
    throw new TransactionRejected('invalid', 'ExhaustsResources');

  if (view.feeFor(ext.bytes.length) + signed.tip > view.spendable(signed.signer)) {
    throw new TransactionRejected('invalid', 'Payment');
  }
}

/** The bytes the signer signed: call ++ extra ++ additional signed, hashed when over 256 bytes. */
function signingPayload(view: ChainView, ext: DecodedExtrinsic): Uint8Array {
  const signed = ext.signed!;
  const birth =
    signed.era === undefined ? GENESIS_BIRTH : eraBirth(signed.era, view.nextBlockNumber);
  const birthHash = view.blockHash(birth);

  if (birthHash === undefined) throw new TransactionRejected('invalid', 'AncientBirthBlock');

  const versions = new Uint8Array(8);
  const data = new DataView(versions.buffer);

  data.setUint32(0, view.specVersion, true);
  data.setUint32(4, view.transactionVersion, true);

  const payload = concat(ext.call, signed.extra, versions, view.genesisHash, birthHash);

  return payload.length > 256 ? blake2AsU8a(payload, 256) : payload;
}

function verifySignature(
  type: 0 | 1 | 2,
  signature: Uint8Array,
  message: Uint8Array,
  signer: string,
): boolean {
  const publicKey = Buffer.from(signer.slice(2), 'hex');

  try {
    if (type === 0) return ed25519Verify(message, signature, publicKey);

    if (type === 1) return sr25519Verify(message, signature, publicKey);

    // ECDSA: the account is blake2_256 of the compressed public key recovered from the
    // signature over blake2_256(message).
    const recovered = secp256k1Recover(
      blake2AsU8a(message, 256),
      signature.subarray(0, 64),
      signature[64]! % 27,
    );

    return u8aEq(blake2AsU8a(recovered, 256), publicKey);
  } catch {
    // Malformed keys or signatures are bad proofs, not server errors.
    return false;
  }
}

/** The block number a mortal era was born in, seen from block `current`. */
export function eraBirth(era: { period: number; phase: number }, current: number): number {
  return (
    Math.floor((Math.max(current, era.phase) - era.phase) / era.period) * era.period + era.phase
  );
}

function readEra(reader: Reader): { period: number; phase: number } | undefined {
  const first = reader.byte();

  if (first === 0) return undefined;

  const encoded = first + (reader.byte() << 8);
  const period = 2 << (encoded % (1 << 4));
  const quantizeFactor = Math.max(period >> 12, 1);
  const phase = (encoded >> 4) * quantizeFactor;

  if (period < 4 || phase >= period) throw new ExtrinsicFormatError('invalid mortal era');

  return { period, phase };
}

function readAddress(reader: Reader): string | undefined {
  const variant = reader.byte();

  switch (variant) {
    case 0:
    case 3:
      return u8aToHex(reader.take(32));
    case 1:
      reader.compact();

      return undefined;
    case 2:
      reader.take(Number(reader.compact()));

      return undefined;
    case 4:
      reader.take(20);

      return undefined;
    default:
      throw new ExtrinsicFormatError(`unknown MultiAddress variant ${variant}`);
  }
}

function checkedCall(call: Uint8Array, decodeCall: (call: Uint8Array) => number): Uint8Array {
  let used: number;

  try {
    used = decodeCall(call);
  } catch (error) {
    throw new ExtrinsicFormatError(`could not decode the call: ${(error as Error).message}`);
  }

  if (used !== call.length)
    throw new ExtrinsicFormatError(`${call.length - used} trailing bytes after the call`);

  return call;
}

/** A bounds-checked cursor over bytes; every overrun is an ExtrinsicFormatError. */
class Reader {
  offset = 0;

  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  byte(): number {
    return this.take(1)[0]!;
  }

  take(count: number): Uint8Array {
    if (count > this.remaining) throw new ExtrinsicFormatError('unexpected end of extrinsic bytes');

    const out = this.bytes.subarray(this.offset, this.offset + count);

    this.offset += count;

    return out;
  }

  compact(): bigint {
    if (this.remaining === 0) throw new ExtrinsicFormatError('unexpected end of extrinsic bytes');

    const [length, value] = compactFromU8a(this.bytes.subarray(this.offset));

    if (length > this.remaining)
      throw new ExtrinsicFormatError('unexpected end of extrinsic bytes');

    this.offset += length;

    return BigInt(value.toString());
  }

  rest(): Uint8Array {
    return this.take(this.remaining);
  }
}
