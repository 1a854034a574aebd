/**
 * The storage tables of voice messages, each keyed by account first, with two backends:
 * IndexedDB through `idb`, and memory for browsers where IndexedDB cannot be opened.
 */
import { wrap, type IDBPDatabase } from 'idb';

import { StardustError } from '../../shared/errors.js';

/** Names of the object stores; every key path starts with `account`. */
export const TABLE_NAMES = [
  'devices',
  'prekeys',
  'tombstones',
  'cacheMeta',
  'cacheData',
  'outbox',
] as const;

/** One of {@link TABLE_NAMES}. */
export type TableName = (typeof TABLE_NAMES)[number];

/** The key path of each table. */
export const KEY_PATHS: Record<TableName, string[]> = {
  devices: ['account'],
  prekeys: ['account', 'id'],
  tombstones: ['account', 'cid'],
  cacheMeta: ['account', 'cid'],
  cacheData: ['account', 'cid'],
  outbox: ['account', 'id'],
};

/** Name and version of the IndexedDB database. */
export const DATABASE_NAME = 'stardust-voice-messages';
export const DATABASE_VERSION = 1;

/** A key: the values of the table's key path, account first. */
export type TableKey = Array<string | number>;

/** A table of records that carry their own key fields. */
export interface Table<T extends { account: string }> {
  get(key: TableKey): Promise<T | undefined>;
  put(value: T): Promise<void>;
  delete(key: TableKey): Promise<void>;
  /** Every record of one account. */
  listAccount(account: string): Promise<T[]>;
  /** Every record of every account. */
  listAll(): Promise<T[]>;
}

/** An IndexedDB object store as a {@link Table}. */
export class IdbTable<T extends { account: string }> implements Table<T> {
  readonly #db: IDBPDatabase;
  readonly #name: TableName;

  constructor(db: IDBPDatabase, name: TableName) {
    this.#db = db;
    this.#name = name;
  }

  async get(key: TableKey): Promise<T | undefined> {
    return (await this.#db.get(this.#name, key)) as T | undefined;
  }

  async put(value: T): Promise<void> {
    try {
      await this.#db.put(this.#name, value);
    } catch (error) {
      if ((error as DOMException).name === 'QuotaExceededError') {
        throw new StardustError(
          'STORAGE_FULL',
          `Cannot save to ${this.#name}: the browser storage quota is used up.`,
          { cause: error },
        );
      }

      throw error;
    }
  }

  async delete(key: TableKey): Promise<void> {
    await this.#db.delete(this.#name, key);
  }

  async listAccount(account: string): Promise<T[]> {
    // Every key of the account sorts between [account] and [account, []]: arrays sort after
    // every number and string in IndexedDB's key order.
    const range = IDBKeyRange.bound([account], [account, []]);

    return (await this.#db.getAll(this.#name, range)) as T[];
  }

  async listAll(): Promise<T[]> {
    return (await this.#db.getAll(this.#name)) as T[];
  }
}

/** An in-memory {@link Table}: the fallback when IndexedDB is unavailable. */
export class MemoryTable<T extends { account: string }> implements Table<T> {
  readonly #rows = new Map<string, T>();
  readonly #keyPath: string[];

  constructor(name: TableName) {
    this.#keyPath = KEY_PATHS[name];
  }

  async get(key: TableKey): Promise<T | undefined> {
    return this.#rows.get(JSON.stringify(key));
  }

  async put(value: T): Promise<void> {
    const record = value as unknown as Record<string, string | number>;

    this.#rows.set(JSON.stringify(this.#keyPath.map((field) => record[field])), value);
  }

  async delete(key: TableKey): Promise<void> {
    this.#rows.delete(JSON.stringify(key));
  }

  async listAccount(account: string): Promise<T[]> {
    return [...this.#rows.values()].filter((row) => row.account === account);
  }

  async listAll(): Promise<T[]> {
    return [...this.#rows.values()];
  }
}

/**
 * Opens the database with `factory`, creating the stores on first use. Resolves to null
 * when opening fails, is blocked, or does not finish within `timeoutMs`, because some
 * private modes never complete the open request.
 */
export function openDatabase(
  factory: IDBFactory | undefined,
  timeoutMs: number,
): Promise<{ db: IDBPDatabase | null; error: unknown }> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (db: IDBPDatabase | null, error: unknown) => {
      if (settled) {
        db?.close();

        return;
      }

      settled = true;
      clearTimeout(timer);
      resolve({ db, error });
    };

    const timer = setTimeout(
      () => finish(null, new Error(`IndexedDB open did not finish within ${timeoutMs} ms`)),
      timeoutMs,
    );

    try {
      if (factory === undefined) throw new Error('IndexedDB is not available in this context');

      const request = factory.open(DATABASE_NAME, DATABASE_VERSION);

      request.onupgradeneeded = () => {
        const db = request.result;

        for (const name of TABLE_NAMES) {
          if (!db.objectStoreNames.contains(name)) {
            db.createObjectStore(name, { keyPath: KEY_PATHS[name] });
          }
        }
      };

      request.onblocked = () => finish(null, new Error('IndexedDB open is blocked by another tab'));
      request.onerror = () => finish(null, request.error);
      request.onsuccess = () => {
        const db = request.result;

        // Another tab upgrading the schema must not be blocked by this connection.
        db.onversionchange = () => db.close();
        finish(wrap(db), null);
      };
    } catch (error) {
      finish(null, error);
    }
  });
}
