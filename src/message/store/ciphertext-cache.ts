/**
 * The ciphertext cache: verified envelope bytes by CID, per account, evicted least recently
 * used first to stay under a byte quota. The quota is the configured limit (50 MB by
 * default) or less when `navigator.storage.estimate()` reports that the origin is short of
 * space. Only ciphertext is cached: plaintext audio never reaches storage.
 */
import { accountKey } from '../../shared/ss58.js';
import type { MessageStore } from './message-store.js';

/** Default byte quota of the cache: 50 MB. */
export const DEFAULT_CACHE_QUOTA_BYTES = 50 * 1024 * 1024;

/** A storage estimate as `navigator.storage.estimate()` returns it. */
export interface StorageEstimateLike {
  quota?: number;
  usage?: number;
}

/** Options of {@link CiphertextCache}. */
export interface CiphertextCacheOptions {
  /** Byte quota for every account together; 50 MB by default. */
  quotaBytes?: number;
  /**
   * Reads the origin's storage estimate; `navigator.storage.estimate` by default. The cache
   * uses at most 80 % of the space the origin has left beyond what the cache already holds.
   */
  estimate?: () => Promise<StorageEstimateLike>;
  /** Clock for LRU order; `Date.now` by default. */
  now?: () => number;
}

/** Share of the origin's free space the cache may take. */
const FREE_SPACE_SHARE = 0.8;

/** LRU cache of ciphertext by CID, keyed by account. */
export class CiphertextCache {
  readonly #store: MessageStore;
  readonly #quotaBytes: number;
  readonly #estimate: () => Promise<StorageEstimateLike>;
  readonly #now: () => number;
  #lastAccess = 0;

  constructor(store: MessageStore, options: CiphertextCacheOptions = {}) {
    const quota = options.quotaBytes ?? DEFAULT_CACHE_QUOTA_BYTES;

    if (!Number.isFinite(quota) || quota < 0) {
      throw new RangeError(`cache quotaBytes must be a non-negative number, got ${quota}`);
    }

    this.#store = store;
    this.#quotaBytes = quota;
    this.#estimate = options.estimate ?? defaultEstimate;
    this.#now = options.now ?? Date.now;
  }

  /** Returns the cached bytes of `cid` for `address` and marks them recently used. */
  async get(address: string, cid: string): Promise<Uint8Array | null> {
    const account = accountKey(address);
    const meta = await this.#store.tables.cacheMeta.get([account, cid]);

    if (meta === undefined) return null;

    const data = await this.#store.tables.cacheData.get([account, cid]);

    if (data === undefined) {
      // Metadata without bytes is left over from an interrupted write: drop it.
      await this.#store.tables.cacheMeta.delete([account, cid]);

      return null;
    }

    await this.#store.tables.cacheMeta.put({ ...meta, lastAccess: this.#tick() });

    return data.bytes;
  }

  /**
   * Caches `bytes` (already verified against `cid`) for `address`, evicting the least
   * recently used entries of every account until it fits. Returns false when the item alone
   * is larger than the quota, in which case nothing is stored.
   */
  async put(address: string, cid: string, bytes: Uint8Array): Promise<boolean> {
    const account = accountKey(address);
    const limit = await this.limitBytes();

    if (bytes.length > limit) return false;

    await this.#store.tables.cacheMeta.delete([account, cid]);

    const entries = (await this.#store.tables.cacheMeta.listAll()).sort(
      (a, b) => a.lastAccess - b.lastAccess,
    );
    let used = entries.reduce((sum, entry) => sum + entry.size, 0);

    for (const entry of entries) {
      if (used + bytes.length <= limit) break;

      await this.#remove(entry.account, entry.cid);
      used -= entry.size;
    }

    await this.#store.tables.cacheData.put({ account, cid, bytes });
    await this.#store.tables.cacheMeta.put({
      account,
      cid,
      size: bytes.length,
      lastAccess: this.#tick(),
    });

    return true;
  }

  /** Removes `cid` from the cache of `address` (burned or deleted messages). */
  async delete(address: string, cid: string): Promise<void> {
    await this.#remove(accountKey(address), cid);
  }

  /** Bytes cached for `address`, or for every account when `address` is omitted. */
  async usageBytes(address?: string): Promise<number> {
    const entries =
      address === undefined
        ? await this.#store.tables.cacheMeta.listAll()
        : await this.#store.tables.cacheMeta.listAccount(accountKey(address));

    return entries.reduce((sum, entry) => sum + entry.size, 0);
  }

  /** Returns the byte limit in force now: the quota, lowered when the origin is short of space. */
  async limitBytes(): Promise<number> {
    let estimate: StorageEstimateLike = {};

    try {
      estimate = await this.#estimate();
    } catch {
      // No estimate (older browsers, some private modes): the configured quota applies.
    }

    if (typeof estimate.quota !== 'number' || typeof estimate.usage !== 'number') {
      return this.#quotaBytes;
    }

    const cached = await this.usageBytes();
    const free = Math.max(0, estimate.quota - estimate.usage);

    return Math.min(this.#quotaBytes, Math.floor(cached + free * FREE_SPACE_SHARE));
  }

  async #remove(account: string, cid: string): Promise<void> {
    await this.#store.tables.cacheMeta.delete([account, cid]);
    await this.#store.tables.cacheData.delete([account, cid]);
  }

  /** A strictly increasing access stamp, so entries used in one millisecond keep their order. */
  #tick(): number {
    this.#lastAccess = Math.max(this.#now(), this.#lastAccess + 1);

    return this.#lastAccess;
  }
}

async function defaultEstimate(): Promise<StorageEstimateLike> {
  const storage = globalThis.navigator?.storage;

  return storage?.estimate === undefined ? {} : storage.estimate();
}
