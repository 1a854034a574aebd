/**
 * Everything voice messages keep in the browser, keyed by account so that two accounts in
 * one browser never share anything: device keys, one-time prekeys, burn tombstones, the
 * ciphertext cache and the outbox. Backed by IndexedDB, or by memory when IndexedDB cannot
 * be opened (`persistent: false`).
 */
import type { Logger } from '../../client/logger.js';
import { silentLogger } from '../../client/logger.js';
import { accountKey } from '../../shared/ss58.js';
import type { DeviceKeys, PrekeyRecord } from '../device-keys.js';
import {
  IdbTable,
  MemoryTable,
  openDatabase,
  TABLE_NAMES,
  type Table,
  type TableName,
} from './tables.js';

/** Stored device keys of one account. */
export interface DeviceRecord extends DeviceKeys {
  /** Account key: hex of the 32-byte public key. */
  account: string;
  /** The next one-time prekey id to use; ids are never reused. */
  nextPrekeyId?: number;
}

/** A stored one-time prekey. */
export interface StoredPrekey extends PrekeyRecord {
  account: string;
}

/** The mark a burned message leaves on this device. */
export interface Tombstone {
  account: string;
  cid: string;
  burnedAt: number;
}

/** Metadata of a cached ciphertext, kept apart from its bytes so LRU scans stay cheap. */
export interface CacheMeta {
  account: string;
  cid: string;
  size: number;
  lastAccess: number;
}

/** Bytes of a cached ciphertext. */
export interface CacheData {
  account: string;
  cid: string;
  bytes: Uint8Array;
}

/** States of an outbox item. */
export type OutboxState = 'pending' | 'failed' | 'sent';

/** One recording waiting to be sent, or already sent. */
export interface OutboxRecord {
  account: string;
  /**
   * The idempotency key, computed before upload: the envelope's CID, or `<cid>:<recipient
   * public key hex>` for a public message, whose same audio may go to several recipients.
   */
  id: string;
  /** CID of the uploaded bytes; absent when it equals `id` (every encrypted message). */
  cid?: string;
  /** SS58 address of the recipient. */
  to: string;
  burn: boolean;
  /**
   * True for a message sent public: the plain audio on IPFS, and its duration, waveform and
   * transcription on chain. Absent means false.
   */
  public?: boolean;
  /** The sealed envelope, or the plain audio of a public message. Dropped once sent. */
  envelope: Uint8Array | null;
  durationMs: number;
  /** Public messages only: the waveform for the chain's `VoiceMetadata`, at most 128 bars. */
  waveform?: Uint8Array;
  /** Public messages only: the transcription for the chain's `VoiceMetadata`. */
  transcription?: string;
  state: OutboxState;
  /** True once the gateway-visible upload succeeded. */
  uploaded: boolean;
  attempts: number;
  /** When the next attempt is due, in milliseconds since the Unix epoch. */
  nextAttemptAt: number;
  /** Error code of the last failed attempt. */
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  /** Result of delivery, such as the block hash of the chain transaction. */
  receipt: Record<string, string> | null;
}

/** Options of {@link MessageStore.open}. */
export interface MessageStoreOptions {
  /** The IndexedDB factory; `globalThis.indexedDB` by default. `null` forces memory. */
  indexedDB?: IDBFactory | null;
  /** How long to wait for IndexedDB to open before falling back to memory; 3 s by default. */
  openTimeoutMs?: number;
  logger?: Logger;
}

/** The tables of a {@link MessageStore}. */
export type MessageTables = {
  devices: Table<DeviceRecord>;
  prekeys: Table<StoredPrekey>;
  tombstones: Table<Tombstone>;
  cacheMeta: Table<CacheMeta>;
  cacheData: Table<CacheData>;
  outbox: Table<OutboxRecord>;
};

/** Persistent (or in-memory) storage of voice messages for every account of this browser. */
export class MessageStore {
  /** False when IndexedDB could not be opened and everything lives in memory. */
  readonly persistent: boolean;
  /** The raw tables, for the cache and the outbox built on top of this store. */
  readonly tables: MessageTables;
  readonly #close: () => void;

  private constructor(persistent: boolean, tables: MessageTables, close: () => void) {
    this.persistent = persistent;
    this.tables = tables;
    this.#close = close;
  }

  /**
   * Opens the store. Never hangs and never rejects: when IndexedDB fails, is blocked or does
   * not open in time, the store runs in memory and logs STORAGE_UNAVAILABLE once.
   */
  static async open(options: MessageStoreOptions = {}): Promise<MessageStore> {
    const logger = options.logger ?? silentLogger;
    const factory =
      options.indexedDB === null ? undefined : (options.indexedDB ?? globalThis.indexedDB);
    const { db, error } = await openDatabase(factory, options.openTimeoutMs ?? 3000);

    if (db === null) {
      if (options.indexedDB !== null) {
        logger.warn('IndexedDB unavailable; voice messages are kept in memory only', {
          code: 'STORAGE_UNAVAILABLE',
          reason: error instanceof Error ? error.message : String(error),
        });
      }

      return new MessageStore(
        false,
        makeTables((name) => new MemoryTable(name)),
        () => {},
      );
    }

    return new MessageStore(
      true,
      makeTables((name) => new IdbTable(db, name)),
      () => db.close(),
    );
  }

  /** Returns the device keys stored for `address`, if any. */
  async getDevice(address: string): Promise<DeviceRecord | undefined> {
    return this.tables.devices.get([accountKey(address)]);
  }

  /** Stores the device keys of `address`. */
  async putDevice(address: string, keys: DeviceKeys): Promise<DeviceRecord> {
    const record: DeviceRecord = { ...keys, account: accountKey(address) };

    await this.tables.devices.put(record);

    return record;
  }

  /** Stores one-time prekeys of `address`. */
  async putPrekeys(address: string, prekeys: PrekeyRecord[]): Promise<void> {
    const account = accountKey(address);

    for (const prekey of prekeys) await this.tables.prekeys.put({ ...prekey, account });
  }

  /** Returns the prekey `id` of `address` unless it was destroyed or has expired. */
  async getPrekey(address: string, id: number, now = Date.now()): Promise<StoredPrekey | null> {
    const prekey = await this.tables.prekeys.get([accountKey(address), id]);

    return prekey !== undefined && prekey.expiresAt > now ? prekey : null;
  }

  /** Destroys one prekey: after this, messages wrapped to it cannot be opened here. */
  async deletePrekey(address: string, id: number): Promise<void> {
    await this.tables.prekeys.delete([accountKey(address), id]);
  }

  /** Returns every prekey of `address`, and deletes the expired ones on the way. */
  async listPrekeys(address: string, now = Date.now()): Promise<StoredPrekey[]> {
    const all = await this.tables.prekeys.listAccount(accountKey(address));
    const live: StoredPrekey[] = [];

    for (const prekey of all) {
      if (prekey.expiresAt > now) live.push(prekey);
      else await this.tables.prekeys.delete([prekey.account, prekey.id]);
    }

    return live;
  }

  /** Records that the message `cid` was burned on this device for `address`. */
  async putTombstone(address: string, cid: string, burnedAt = Date.now()): Promise<void> {
    await this.tables.tombstones.put({ account: accountKey(address), cid, burnedAt });
  }

  /** Returns true when the message `cid` was burned on this device for `address`. */
  async hasTombstone(address: string, cid: string): Promise<boolean> {
    return (await this.tables.tombstones.get([accountKey(address), cid])) !== undefined;
  }

  /** Closes the database connection. */
  close(): void {
    this.#close();
  }
}

function makeTables(make: (name: TableName) => Table<{ account: string }>): MessageTables {
  const entries = TABLE_NAMES.map((name) => [name, make(name)] as const);

  return Object.fromEntries(entries) as unknown as MessageTables;
}
