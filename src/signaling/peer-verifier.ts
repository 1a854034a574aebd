/**
 * Verifies messages from other accounts without trusting the server: each message must be
 * signed by the session key of a live delegation of its sender, carry a timestamp within
 * the window, and a nonce not seen before from that session.
 */
import { equalBytes, toHex } from '../shared/bytes.js';
import { decodePayload, type SignalMessage, SignalType } from '../shared/codec.js';
import {
  type SessionDelegation,
  toDelegation,
  type VerifiedDelegation,
  verifyDelegation,
} from '../shared/delegation.js';
import { StardustError } from '../shared/errors.js';
import { accountKey } from '../shared/ss58.js';
import { signalSigningBytes, signedFieldsOf } from '../shared/signing.js';
import { Ed25519Verifier, type WebCryptoOptions } from './ed25519-web.js';

/** Options of {@link PeerVerifier}. */
export interface PeerVerifierOptions extends WebCryptoOptions {
  /** The chain every peer delegation must name. */
  genesisHash: () => Uint8Array | undefined;
  /** Clock, milliseconds since the Unix epoch. */
  now: () => number;
  /** Accepted distance of a timestamp from this clock; 30 s. */
  windowMs?: number;
  /** Fetches the delegations of `account` for `sessionKey` (DELEGATION_LOOKUP). */
  lookup: (account: string, sessionKey: Uint8Array) => Promise<SessionDelegation[]>;
}

interface SessionEntry {
  delegation: VerifiedDelegation;
  /** Nonces in two generations, as in the server's replay cache. */
  current: Set<string>;
  previous: Set<string>;
  rotatedAt: number;
}

const MAX_SESSIONS = 1000;
const MAX_NONCES = 20_000;

/** Checks peer messages and caches the senders' delegations. */
export class PeerVerifier {
  readonly #options: PeerVerifierOptions;
  readonly #windowMs: number;
  readonly #sessions = new Map<string, SessionEntry>();
  readonly #pending = new Map<string, Promise<SessionEntry>>();
  readonly #ed25519: Ed25519Verifier;

  constructor(options: PeerVerifierOptions) {
    this.#options = options;
    this.#windowMs = options.windowMs ?? 30_000;
    this.#ed25519 = new Ed25519Verifier(options);
  }

  /**
   * Verifies one peer message and returns its sender's delegation.
   * @throws StardustError SIGNATURE_INVALID, TIMESTAMP_OUT_OF_WINDOW, NONCE_REPLAYED,
   * DELEGATION_NOT_FOUND or a delegation code; the message must then be dropped.
   */
  async verify(message: SignalMessage): Promise<VerifiedDelegation> {
    const now = this.#options.now();
    const skew = Number(message.timestamp) - now;

    if (!(Math.abs(skew) <= this.#windowMs)) {
      throw new StardustError(
        'TIMESTAMP_OUT_OF_WINDOW',
        `Message from ${message.from} is ${skew} ms off this clock; dropped.`,
      );
    }

    const entry = await this.#entry(message);

    if (entry.delegation.expiresAtMs <= now) {
      this.#sessions.delete(toHex(message.sessionKey));
      throw new StardustError(
        'DELEGATION_EXPIRED',
        `The session of ${message.from} expired; message dropped.`,
      );
    }

    const valid = await this.#ed25519.verify(
      signalSigningBytes(signedFieldsOf(message)),
      message.signature,
      message.sessionKey,
    );

    if (!valid) {
      throw new StardustError(
        'SIGNATURE_INVALID',
        `The signature of a message from ${message.from} does not verify; dropped.`,
      );
    }

    this.#recordNonce(entry, message, now);

    return entry.delegation;
  }

  /** Forgets every cached delegation. */
  clear(): void {
    this.#sessions.clear();
    this.#pending.clear();
  }

  #recordNonce(entry: SessionEntry, message: SignalMessage, now: number): void {
    const nonce = toHex(message.nonce);

    if (now - entry.rotatedAt >= 2 * this.#windowMs) {
      entry.previous = now - entry.rotatedAt < 4 * this.#windowMs ? entry.current : new Set();
      entry.current = new Set();
      entry.rotatedAt = now;
    }

    if (message.nonce.length !== 16 || entry.current.has(nonce) || entry.previous.has(nonce)) {
      throw new StardustError(
        'NONCE_REPLAYED',
        `A message from ${message.from} reused a nonce; dropped.`,
      );
    }

    if (entry.current.size >= MAX_NONCES) entry.current.clear();

    entry.current.add(nonce);
  }

  async #entry(message: SignalMessage): Promise<SessionEntry> {
    const id = toHex(message.sessionKey);
    const cached = this.#sessions.get(id);

    if (cached !== undefined && cached.delegation.account === message.from) return cached;

    const carried = carriedDelegation(message);
    let pending = carried === undefined ? this.#pending.get(id) : undefined;

    if (pending === undefined) {
      pending = this.#load(message, carried);
      this.#pending.set(id, pending);
      pending.then(
        () => this.#pending.delete(id),
        () => this.#pending.delete(id),
      );
    }

    return pending;
  }

  async #load(
    message: SignalMessage,
    carried: SessionDelegation | undefined,
  ): Promise<SessionEntry> {
    const candidates =
      carried === undefined
        ? await this.#options.lookup(message.from, message.sessionKey)
        : [carried];
    const delegation = candidates.find((candidate) =>
      equalBytes(candidate.sessionPublicKey, message.sessionKey),
    );

    if (delegation === undefined) {
      throw new StardustError(
        'DELEGATION_NOT_FOUND',
        `No live session of ${message.from} signs this message; dropped.`,
      );
    }

    const verified = await verifyDelegation(delegation, {
      now: this.#options.now(),
      genesisHash: this.#options.genesisHash(),
    });

    if (verified.accountKey !== accountKey(message.from)) {
      throw new StardustError(
        'SIGNATURE_INVALID',
        `The delegation names ${verified.account}, not the sender ${message.from}; dropped.`,
      );
    }

    const entry: SessionEntry = {
      delegation: verified,
      current: new Set(),
      previous: new Set(),
      rotatedAt: this.#options.now(),
    };

    if (this.#sessions.size >= MAX_SESSIONS)
      this.#sessions.delete(this.#sessions.keys().next().value!);

    this.#sessions.set(toHex(message.sessionKey), entry);

    return entry;
  }
}

/** The delegation a CALL_INVITE or CALL_ACCEPT carries for its own sender, if any. */
function carriedDelegation(message: SignalMessage): SessionDelegation | undefined {
  if (message.type !== SignalType.CALL_INVITE && message.type !== SignalType.CALL_ACCEPT)
    return undefined;

  try {
    const payload = decodePayload(message.type, message.payload);

    return payload.delegation === undefined ? undefined : toDelegation(payload.delegation);
  } catch {
    return undefined;
  }
}
