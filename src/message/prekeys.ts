/**
 * Keeps this device's batch of one-time prekeys filled: when fewer live prekeys remain than
 * the low-water mark, a new batch is made, stored and returned for publishing. Prekey ids
 * keep increasing per account across batches and reloads, so an id is never reused.
 */
import { StardustError } from '../shared/errors.js';
import {
  DEFAULT_PREKEY_TTL_MS,
  generatePrekeys,
  type PrekeyRecord,
  type PrekeySigningBytes,
} from './device-keys.js';
import type { MessageStore } from './store/message-store.js';

/** Options of {@link refillPrekeys}. */
export interface RefillOptions {
  /** Live prekeys to have after a refill; 20 by default. */
  batchSize?: number;
  /** Refill when fewer live prekeys than this remain; half the batch by default. */
  lowWater?: number;
  /** Lifetime of new prekeys; 7 days by default. */
  ttlMs?: number;
  now?: () => number;
  signingBytes: PrekeySigningBytes;
}

/**
 * Tops up the prekeys of `address` on this device and returns the new ones (empty when no
 * refill was needed). Expired prekeys are deleted on the way.
 * @throws StardustError INVALID_STATE when the device has no keys yet.
 */
export async function refillPrekeys(
  store: MessageStore,
  address: string,
  options: RefillOptions,
): Promise<PrekeyRecord[]> {
  const batchSize = options.batchSize ?? 20;
  const lowWater = options.lowWater ?? Math.ceil(batchSize / 2);

  if (!Number.isInteger(batchSize) || batchSize < 1 || !(lowWater >= 0 && lowWater <= batchSize)) {
    throw new RangeError(
      `prekey batchSize must be a positive integer and lowWater from 0 to batchSize, got ${batchSize} and ${lowWater}`,
    );
  }

  const now = options.now ?? Date.now;
  const device = await store.getDevice(address);

  if (device === undefined) {
    throw new StardustError(
      'INVALID_STATE',
      `Cannot make prekeys for ${address}: set up the device keys first.`,
    );
  }

  const live = await store.listPrekeys(address, now());

  if (live.length >= lowWater) return [];

  const firstId = Math.max(device.nextPrekeyId ?? 1, ...live.map((prekey) => prekey.id + 1));
  const prekeys = await generatePrekeys(device, {
    count: batchSize - live.length,
    firstId,
    ttlMs: options.ttlMs ?? DEFAULT_PREKEY_TTL_MS,
    now,
    signingBytes: options.signingBytes,
  });

  // The counter moves first: a crash between the two writes skips ids, never reuses them.
  await store.tables.devices.put({ ...device, nextPrekeyId: firstId + prekeys.length });
  await store.putPrekeys(address, prekeys);

  return prekeys;
}
