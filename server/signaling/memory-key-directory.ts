/**
 * A key directory kept in memory: for tests and for a server started without a durable
 * directory. Entries are lost when the process stops, so devices publish again on their
 * next connection; production deployments configure a file or Redis directory.
 */
import Long from 'long';

import type { voice } from '../../proto/gen/voice.js';
import { toHex } from '../../src/shared/bytes.js';
import { accountKey } from '../../src/shared/ss58.js';
import type { KeyDirectory, KeyLookupResult } from './key-directory.js';

interface DeviceEntry {
  bundle: voice.IDeviceKeyBundle;
  prekeys: voice.ISignedPrekey[];
}

/** An in-memory {@link KeyDirectory}. Prekeys are claimed once; one process only. */
export class MemoryKeyDirectory implements KeyDirectory {
  readonly #accounts = new Map<string, Map<string, DeviceEntry>>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async publish(bundle: voice.IDeviceKeyBundle): Promise<void> {
    const account = accountKey(bundle.account ?? '');
    const deviceId = toHex(bundle.deviceId ?? new Uint8Array(0));
    let devices = this.#accounts.get(account);

    if (devices === undefined) {
      devices = new Map();
      this.#accounts.set(account, devices);
    }

    const known = devices.get(deviceId);
    const prekeys = new Map((known?.prekeys ?? []).map((prekey) => [prekey.id ?? 0, prekey]));

    for (const prekey of bundle.prekeys ?? []) prekeys.set(prekey.id ?? 0, prekey);

    devices.set(deviceId, { bundle: { ...bundle, prekeys: [] }, prekeys: [...prekeys.values()] });
  }

  async lookup(account: string, claimPrekeys: boolean): Promise<KeyLookupResult> {
    const devices = [...(this.#accounts.get(accountKey(account))?.values() ?? [])];
    const now = this.#now();
    const result: KeyLookupResult = { devices: [], prekeysLeft: [] };

    for (const entry of devices) {
      entry.prekeys = entry.prekeys.filter((prekey) => expiresAt(prekey) > now);

      const claimed = claimPrekeys ? entry.prekeys.shift() : undefined;

      result.devices.push({ ...entry.bundle, prekeys: claimed === undefined ? [] : [claimed] });
      result.prekeysLeft.push(entry.prekeys.length);
    }

    return result;
  }

  async close(): Promise<void> {
    this.#accounts.clear();
  }
}

function expiresAt(prekey: voice.ISignedPrekey): number {
  const value = prekey.expiresAt;

  return value === null || value === undefined ? 0 : Long.fromValue(value).toNumber();
}
