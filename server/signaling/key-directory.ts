/**
 * The device key directory's interface: where devices publish their encryption keys and
 * signed one-time prekeys, and where senders look them up. Implementations store entries
 * durably (a file by default, Redis with append-only persistence when configured) and hand
 * out each one-time prekey exactly once, atomically, across server instances.
 *
 * The directory is not trusted by senders: they verify each bundle's wallet binding and
 * each prekey's signature themselves, so a directory that substitutes keys is detected.
 */
import type { voice } from '../../proto/gen/voice.js';

/** Result of {@link KeyDirectory.lookup}. */
export interface KeyLookupResult {
  /** Every published device of the account; with `claimPrekeys`, each carries at most one prekey. */
  devices: voice.IDeviceKeyBundle[];
  /** Unclaimed prekeys left per device, in the order of `devices`. */
  prekeysLeft: number[];
}

/** Storage of device key bundles and one-time prekeys. */
export interface KeyDirectory {
  /**
   * Stores or replaces the device's bundle (account + device id) and adds its prekeys to the
   * device's pool. The caller has already verified the bundle.
   */
  publish(bundle: voice.IDeviceKeyBundle): Promise<void>;
  /**
   * Returns the account's devices. With `claimPrekeys` it removes and returns one unexpired
   * prekey per device; a prekey is never returned twice.
   */
  lookup(account: string, claimPrekeys: boolean): Promise<KeyLookupResult>;
  /** Releases files or connections. */
  close(): Promise<void>;
}
