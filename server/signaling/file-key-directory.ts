/**
 * The default key directory: one JSON file under the state directory, rewritten atomically
 * (a temporary file renamed over it) after every change, so a crash leaves either the old
 * or the new file. Changes run one at a time inside the process, so each prekey is handed
 * out once. One process owns the file: for several signaling instances use the Redis
 * directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { accountKey } from '../../src/shared/ss58.js';
import { joinBundle, MAX_PREKEYS_PER_DEVICE, splitBundle } from './key-bundle-codec.js';
import type { voice } from '../../proto/gen/voice.js';
import type { KeyDirectory, KeyLookupResult } from './key-directory.js';

/** Options of {@link FileKeyDirectory.open}. */
export interface FileKeyDirectoryOptions {
  /** Path of the JSON file; created on first write. */
  path: string;
  /** Clock for prekey expiry; `Date.now` by default. */
  now?: () => number;
}

interface DeviceEntry {
  /** base64 of the bundle without prekeys. */
  bundle: string;
  signingKey: string;
  /** Unclaimed prekeys, oldest first. */
  prekeys: Array<{ id: number; expiresAt: number; encoded: string }>;
  /** Ids already handed out, so a republished prekey is never handed out again. */
  claimed: number[];
}

interface FileContent {
  version: 1;
  /** Account key (hex public key) → device id (hex) → entry. */
  accounts: Record<string, Record<string, DeviceEntry>>;
}

/** Most claimed ids remembered per device. */
const MAX_CLAIMED_IDS = 10_000;

/** A {@link KeyDirectory} in one JSON file. */
export class FileKeyDirectory implements KeyDirectory {
  readonly #path: string;
  readonly #now: () => number;
  #content: FileContent;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string, content: FileContent, now: () => number) {
    this.#path = path;
    this.#content = content;
    this.#now = now;
  }

  /**
   * Opens the directory file, or starts empty when it does not exist yet.
   * @throws Error when the file exists but is not a key directory.
   */
  static async open(options: FileKeyDirectoryOptions): Promise<FileKeyDirectory> {
    let content: FileContent = { version: 1, accounts: {} };

    try {
      const parsed = JSON.parse(await readFile(options.path, 'utf8')) as FileContent;

      if (parsed.version !== 1 || typeof parsed.accounts !== 'object') {
        throw new Error(`${options.path} is not a version 1 key directory file`);
      }

      content = parsed;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }

    return new FileKeyDirectory(options.path, content, options.now ?? Date.now);
  }

  publish(bundle: voice.IDeviceKeyBundle): Promise<void> {
    return this.#exclusive(async () => {
      const parts = splitBundle(bundle);
      const devices = (this.#content.accounts[parts.account] ??= {});
      const previous = devices[parts.deviceId];
      // Prekeys signed by a replaced signing key no longer verify: drop them.
      const sameKey = previous?.signingKey === parts.signingKey ? previous : undefined;
      const entry: DeviceEntry = {
        bundle: parts.encoded,
        signingKey: parts.signingKey,
        prekeys: sameKey?.prekeys ?? [],
        claimed: sameKey?.claimed ?? [],
      };
      const known = new Set([...entry.prekeys.map((prekey) => prekey.id), ...entry.claimed]);

      for (const prekey of parts.prekeys) {
        if (known.has(prekey.id) || entry.prekeys.length >= MAX_PREKEYS_PER_DEVICE) continue;

        entry.prekeys.push(prekey);
        known.add(prekey.id);
      }

      devices[parts.deviceId] = entry;
      await this.#write();
    });
  }

  lookup(account: string, claimPrekeys: boolean): Promise<KeyLookupResult> {
    return this.#exclusive(async () => {
      const devices = this.#content.accounts[accountKey(account)] ?? {};
      const now = this.#now();
      const result: KeyLookupResult = { devices: [], prekeysLeft: [] };
      let changed = false;

      for (const entry of Object.values(devices)) {
        const live = entry.prekeys.filter((prekey) => prekey.expiresAt > now);

        changed ||= live.length !== entry.prekeys.length;
        entry.prekeys = live;

        const claimed = claimPrekeys ? entry.prekeys.shift() : undefined;

        if (claimed !== undefined) {
          entry.claimed.push(claimed.id);
          entry.claimed = entry.claimed.slice(-MAX_CLAIMED_IDS);
          changed = true;
        }

        result.devices.push(
          joinBundle(entry.bundle, claimed === undefined ? [] : [claimed.encoded]),
        );
        result.prekeysLeft.push(entry.prekeys.length);
      }

      // The claim is on disk before any prekey leaves the process.
      if (changed) await this.#write();

      return result;
    });
  }

  async close(): Promise<void> {
    await this.#queue;
  }

  /** Runs `task` after every earlier change, so reads and writes never interleave. */
  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);

    this.#queue = run.catch(() => {});

    return run;
  }

  async #write(): Promise<void> {
    const temporary = `${this.#path}.${randomBytes(6).toString('hex')}.tmp`;

    await mkdir(dirname(this.#path), { recursive: true });
    await writeFile(temporary, JSON.stringify(this.#content), { mode: 0o600 });
    await rename(temporary, this.#path);
  }
}
