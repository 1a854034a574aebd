/**
 * Browser session keys: an Ed25519 key pair per account, authorised by one wallet
 * signature (the delegation) and kept until the delegation expires, across reconnects and
 * reloads of the same origin, so a session costs one wallet prompt.
 *
 * The private key is a non-extractable WebCrypto key stored in IndexedDB (structured clone
 * keeps it non-extractable). Where WebCrypto lacks Ed25519, `@noble/curves` signs instead,
 * loaded lazily. Its private key is then raw bytes in IndexedDB, which a script on the page
 * could read.
 */
import { voice } from '../../proto/gen/voice.js';
import { toHex } from '../shared/bytes.js';
import { toLong, toPlain } from '../shared/codec.js';
import {
  createDelegation,
  DEFAULT_DELEGATION_LIFETIME_MS,
  type RawSigner,
  type SessionDelegation,
  toDelegation,
} from '../shared/delegation.js';
import { StardustError } from '../shared/errors.js';
import { accountKey, normalizeAddress } from '../shared/ss58.js';
import { bufferOf, useWebCrypto, type WebCryptoOptions } from '../signaling/ed25519-web.js';
import type { WalletSigner } from './wallet-signer.js';

/** A session key pair that signs signaling messages. */
export interface SessionKey {
  publicKey: Uint8Array;
  /** `webcrypto` (non-extractable) or `noble` (fallback, raw bytes). */
  kind: 'webcrypto' | 'noble';
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

/** The record stored per account, origin and chain. */
export interface StoredSession {
  version: 1;
  publicKey: Uint8Array;
  /** A non-extractable CryptoKey, or the 32-byte noble secret. */
  privateKey: CryptoKey | Uint8Array;
  /** The encoded SessionDelegation. */
  delegation: Uint8Array;
  expiresAt: number;
}

/** Session storage: IndexedDB in browsers, memory in tests. */
export interface SessionStorage {
  get(id: string): Promise<StoredSession | undefined>;
  put(id: string, session: StoredSession): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A live session: the account, the signing key and its delegation. */
export interface Session {
  /** SS58 address (prefix 42). */
  account: string;
  publicKey: Uint8Array;
  delegation: SessionDelegation;
  /** Milliseconds since the Unix epoch. */
  expiresAt: number;
  keyKind: SessionKey['kind'];
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

/** Something that hands out the current session (a {@link SessionManager}). */
export interface SessionSource {
  /** Returns the live session, asking the wallet only when there is none. */
  get(): Promise<Session>;
  /** Forgets the stored session (after logout or revocation). */
  clear(): Promise<void>;
}

/** Generates a session key pair: WebCrypto Ed25519 when available, else @noble/curves. */
export async function generateSessionKey(
  options: WebCryptoOptions = {},
): Promise<{ key: SessionKey; privateKey: CryptoKey | Uint8Array }> {
  if (await useWebCrypto(options)) {
    const subtle = options.subtle ?? globalThis.crypto.subtle;
    const pair = (await subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));

    return {
      key: restoreSessionKey(publicKey, pair.privateKey, options),
      privateKey: pair.privateKey,
    };
  }

  const { ed25519Fallback } = await import('../shared/load-noble-signatures.js');
  const secret = ed25519Fallback.randomSecretKey();

  return {
    key: restoreSessionKey(ed25519Fallback.getPublicKey(secret), secret, options),
    privateKey: secret,
  };
}

/** Rebuilds a signer from a stored private key. */
export function restoreSessionKey(
  publicKey: Uint8Array,
  privateKey: CryptoKey | Uint8Array,
  options: WebCryptoOptions = {},
): SessionKey {
  if (privateKey instanceof Uint8Array) {
    return {
      publicKey,
      kind: 'noble',
      async sign(bytes) {
        const { ed25519Fallback } = await import('../shared/load-noble-signatures.js');

        return ed25519Fallback.sign(bytes, privateKey);
      },
    };
  }

  const subtle = options.subtle ?? globalThis.crypto.subtle;

  return {
    publicKey,
    kind: 'webcrypto',
    async sign(bytes) {
      return new Uint8Array(await subtle.sign({ name: 'Ed25519' }, privateKey, bufferOf(bytes)));
    },
  };
}

/** Options of {@link SessionManager}. */
export interface SessionManagerOptions extends WebCryptoOptions {
  wallet: RawSigner;
  /** Genesis hash of the chain, or a function that reads it (called once). */
  genesisHash: Uint8Array | (() => Promise<Uint8Array>);
  /** Web origin the delegation names; `location.origin` by default. */
  origin?: string;
  /** IndexedDB by default, memory where IndexedDB is missing. */
  storage?: SessionStorage;
  /** Delegation lifetime; 24 h. */
  lifetimeMs?: number;
  /** A stored session this close to expiry is replaced; 5 minutes. */
  renewBeforeMs?: number;
  now?: () => number;
}

/**
 * Hands out the account's session: the stored one while its delegation lives, else a new
 * key and delegation, which costs one wallet prompt. Concurrent calls share one prompt.
 */
export class SessionManager implements SessionSource {
  readonly #options: SessionManagerOptions;
  readonly #storage: SessionStorage;
  readonly #now: () => number;
  #current: Promise<Session> | undefined;
  #genesis: Promise<Uint8Array> | undefined;

  constructor(options: SessionManagerOptions) {
    this.#options = options;
    this.#storage = options.storage ?? defaultSessionStorage();
    this.#now = options.now ?? Date.now;
  }

  /** Account of the wallet, SS58 prefix 42. */
  get account(): string {
    return normalizeAddress(this.#options.wallet.address);
  }

  async get(): Promise<Session> {
    const current = this.#current;

    if (current !== undefined) {
      const session = await current.catch(() => undefined);

      if (session !== undefined && session.expiresAt - this.#renewBeforeMs() > this.#now())
        return session;

      if (this.#current !== current) return this.get();
    }

    this.#current = this.#load();
    this.#current.catch(() => (this.#current = undefined));

    return this.#current;
  }

  async clear(): Promise<void> {
    this.#current = undefined;
    await this.#storage.delete(await this.#storageId());
  }

  async #load(): Promise<Session> {
    const id = await this.#storageId();
    const stored = await this.#storage.get(id).catch(() => undefined);

    if (
      stored !== undefined &&
      stored.version === 1 &&
      stored.expiresAt - this.#renewBeforeMs() > this.#now()
    ) {
      return this.#session(stored);
    }

    const { key, privateKey } = await generateSessionKey(this.#options);
    const delegation = await createDelegation({
      wallet: this.#options.wallet,
      sessionPublicKey: key.publicKey,
      genesisHash: await this.#genesisHash(),
      origin: this.#origin(),
      now: this.#now(),
      lifetimeMs: this.#options.lifetimeMs ?? DEFAULT_DELEGATION_LIFETIME_MS,
    });
    const record: StoredSession = {
      version: 1,
      publicKey: key.publicKey,
      privateKey,
      delegation: encodeDelegation(delegation),
      expiresAt: Number(delegation.expiresAt),
    };

    // A page without IndexedDB (private mode) still works; it just prompts after a reload.
    await this.#storage.put(id, record).catch(() => undefined);

    return this.#session(record);
  }

  #session(stored: StoredSession): Session {
    const key = restoreSessionKey(stored.publicKey, stored.privateKey, this.#options);
    const delegation = decodeDelegation(stored.delegation);

    return {
      account: delegation.account,
      publicKey: stored.publicKey,
      delegation,
      expiresAt: stored.expiresAt,
      keyKind: key.kind,
      sign: (bytes) => key.sign(bytes),
    };
  }

  async #storageId(): Promise<string> {
    return `${this.#origin()}|${accountKey(this.#options.wallet.address)}|${toHex(await this.#genesisHash())}`;
  }

  #genesisHash(): Promise<Uint8Array> {
    const source = this.#options.genesisHash;

    this.#genesis ??= source instanceof Uint8Array ? Promise.resolve(source) : source();
    this.#genesis.catch(() => (this.#genesis = undefined));

    return this.#genesis;
  }

  #origin(): string {
    const origin = this.#options.origin ?? globalThis.location?.origin;

    if (origin === undefined || origin === 'null') {
      throw new StardustError(
        'CONFIG_INVALID',
        'Session delegations need a web origin: pass origin when the page has none.',
      );
    }

    return origin;
  }

  #renewBeforeMs(): number {
    return this.#options.renewBeforeMs ?? 5 * 60_000;
  }
}

/** Encodes a delegation for storage and for the wire. */
export function encodeDelegation(delegation: SessionDelegation): Uint8Array {
  return voice.SessionDelegation.encode({
    ...delegation,
    issuedAt: toLong(delegation.issuedAt),
    expiresAt: toLong(delegation.expiresAt),
  }).finish();
}

/** Decodes a stored delegation. */
export function decodeDelegation(bytes: Uint8Array): SessionDelegation {
  return toDelegation(toPlain(voice.SessionDelegation.decode(bytes)) as never);
}

/**
 * Adapts a {@link WalletSigner} (extension or dev keyring) to the {@link RawSigner} that
 * delegations are signed with.
 */
export function rawSignerOf(signer: WalletSigner): RawSigner {
  return {
    address: signer.account.address,
    keyType: signer.account.keyType,
    async signRaw(bytes) {
      const { signature, form } = await signer.signRaw(bytes);

      return { signature, wrapped: form === 'wrapped' };
    },
  };
}

/** Creates a memory-only {@link SessionStorage}: nothing survives a reload. */
export function memorySessionStorage(): SessionStorage {
  const sessions = new Map<string, StoredSession>();

  return {
    get: async (id) => sessions.get(id),
    put: async (id, session) => void sessions.set(id, session),
    delete: async (id) => void sessions.delete(id),
  };
}

/** Sessions in IndexedDB (database `stardust-voice-sessions`), keyed by origin, account and chain. */
export function indexedDbSessionStorage(name = 'stardust-voice-sessions'): SessionStorage {
  let database: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (database ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);

      request.onupgradeneeded = () => request.result.createObjectStore('sessions');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }));
  const run = async <T>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const store = (await open()).transaction('sessions', mode).objectStore('sessions');

    return new Promise((resolve, reject) => {
      const request = action(store);

      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  };

  return {
    get: (id) => run('readonly', (store) => store.get(id) as IDBRequest<StoredSession | undefined>),
    put: async (id, session) => void (await run('readwrite', (store) => store.put(session, id))),
    delete: async (id) => void (await run('readwrite', (store) => store.delete(id))),
  };
}

function defaultSessionStorage(): SessionStorage {
  return typeof indexedDB === 'undefined' ? memorySessionStorage() : indexedDbSessionStorage();
}
