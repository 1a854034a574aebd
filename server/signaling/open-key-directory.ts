/**
 * Chooses the signaling server's key directory: Redis when the server is configured with
 * Redis (so every instance hands out each prekey once), else a JSON file under the state
 * directory, else memory for servers started from code without a state directory.
 */
import { join } from 'node:path';

import { FileKeyDirectory } from './file-key-directory.js';
import type { KeyDirectory } from './key-directory.js';
import { MemoryKeyDirectory } from './memory-key-directory.js';
import type { ResolvedOptions } from './options.js';
import { RedisKeyDirectory } from './redis-key-directory.js';

/** File name of the key directory inside the signaling state directory. */
export const KEY_DIRECTORY_FILE = 'keys.json';

/** Where the directory that {@link openKeyDirectory} opened keeps its entries. */
export type KeyDirectoryKind = 'redis' | 'file' | 'memory';

/** Opens the key directory that `options` call for. */
export async function openKeyDirectory(
  options: Pick<ResolvedOptions, 'redisUrl' | 'redisPrefix' | 'stateDir' | 'now'>,
): Promise<{ directory: KeyDirectory; kind: KeyDirectoryKind }> {
  if (options.redisUrl !== undefined) {
    return {
      directory: new RedisKeyDirectory({
        redis: options.redisUrl,
        prefix: `${options.redisPrefix}keys:`,
        now: options.now,
      }),
      kind: 'redis',
    };
  }

  if (options.stateDir !== undefined) {
    return {
      directory: await FileKeyDirectory.open({
        path: join(options.stateDir, KEY_DIRECTORY_FILE),
        now: options.now,
      }),
      kind: 'file',
    };
  }

  return { directory: new MemoryKeyDirectory({ now: options.now }), kind: 'memory' };
}
