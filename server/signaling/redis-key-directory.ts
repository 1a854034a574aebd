/**
 * The key directory in Redis, for several signaling instances. Publishing and claiming run
 * as Lua scripts, which Redis executes atomically, so each one-time prekey is handed out
 * exactly once, whichever instance serves the lookup. Prekeys are kept in a sorted set
 * scored by expiry, so a claim removes the expired ones and then pops the one that expires
 * soonest.
 *
 * Durability comes from the Redis server: run it with `--appendonly yes` so published keys
 * and claims survive a restart. Every key of one account shares the hash tag `{account}`,
 * so on Redis Cluster they stay on one slot.
 */
import { Redis, type RedisOptions } from 'ioredis';

import type { voice } from '../../proto/gen/voice.js';
import { accountKey } from '../../src/shared/ss58.js';
import { joinBundle, MAX_PREKEYS_PER_DEVICE, splitBundle } from './key-bundle-codec.js';
import type { KeyDirectory, KeyLookupResult } from './key-directory.js';

/** Options of {@link RedisKeyDirectory}. */
export interface RedisKeyDirectoryOptions {
  /** A Redis URL such as `redis://127.0.0.1:6379/0`, or an ioredis client to use. */
  redis: string | Redis;
  /** Prefix of every key; `sv:keys:` by default. */
  prefix?: string;
  /** Clock for prekey expiry; `Date.now` by default. */
  now?: () => number;
  /** Extra ioredis options when `redis` is a URL. */
  redisOptions?: RedisOptions;
}

// KEYS: devices hash, signing-key hash, prekey set, set of every id ever published.
// ARGV: device id, bundle, signing key, max prekeys, then id/expiry/member triples.
// An id published once is never added again, so a claimed prekey cannot come back.
const PUBLISH_SCRIPT = `
local device = ARGV[1]
if redis.call('HGET', KEYS[2], device) ~= ARGV[3] then
  redis.call('DEL', KEYS[3], KEYS[4])
end
redis.call('HSET', KEYS[1], device, ARGV[2])
redis.call('HSET', KEYS[2], device, ARGV[3])
local max = tonumber(ARGV[4])
for i = 5, #ARGV, 3 do
  if redis.call('ZCARD', KEYS[3]) >= max then break end
  if redis.call('SADD', KEYS[4], ARGV[i]) == 1 then
    redis.call('ZADD', KEYS[3], ARGV[i + 1], ARGV[i] .. ':' .. ARGV[i + 2])
  end
end
return 1
`;

// KEYS: devices hash. ARGV: now, claim flag, prekey set prefix. The set of each device is
// \`<prefix><device id>\`; it shares the account's hash tag with the devices hash.
const LOOKUP_SCRIPT = `
local devices = redis.call('HGETALL', KEYS[1])
local out = {}
for i = 1, #devices, 2 do
  local set = ARGV[3] .. devices[i]
  redis.call('ZREMRANGEBYSCORE', set, '-inf', ARGV[1])
  local claimed = ''
  if ARGV[2] == '1' then
    local popped = redis.call('ZPOPMIN', set)
    if #popped > 0 then claimed = popped[1] end
  end
  table.insert(out, devices[i + 1])
  table.insert(out, claimed)
  table.insert(out, redis.call('ZCARD', set))
end
return out
`;

/** A {@link KeyDirectory} in Redis. */
export class RedisKeyDirectory implements KeyDirectory {
  readonly #redis: Redis;
  readonly #ownsClient: boolean;
  readonly #prefix: string;
  readonly #now: () => number;

  constructor(options: RedisKeyDirectoryOptions) {
    this.#ownsClient = typeof options.redis === 'string';
    this.#redis =
      typeof options.redis === 'string'
        ? new Redis(options.redis, { lazyConnect: false, ...options.redisOptions })
        : options.redis;
    this.#prefix = options.prefix ?? 'sv:keys:';
    this.#now = options.now ?? Date.now;
  }

  async publish(bundle: voice.IDeviceKeyBundle): Promise<void> {
    const parts = splitBundle(bundle);
    const keys = this.#keys(parts.account);
    const triples = parts.prekeys.flatMap((prekey) => [
      String(prekey.id),
      String(prekey.expiresAt),
      prekey.encoded,
    ]);

    await this.#redis.eval(
      PUBLISH_SCRIPT,
      4,
      keys.devices,
      keys.signing,
      `${keys.prekeys}${parts.deviceId}`,
      `${keys.published}${parts.deviceId}`,
      parts.deviceId,
      parts.encoded,
      parts.signingKey,
      String(MAX_PREKEYS_PER_DEVICE),
      ...triples,
    );
  }

  async lookup(account: string, claimPrekeys: boolean): Promise<KeyLookupResult> {
    const keys = this.#keys(accountKey(account));
    const reply = (await this.#redis.eval(
      LOOKUP_SCRIPT,
      1,
      keys.devices,
      String(this.#now()),
      claimPrekeys ? '1' : '0',
      keys.prekeys,
    )) as Array<string | number>;
    const result: KeyLookupResult = { devices: [], prekeysLeft: [] };

    for (let i = 0; i < reply.length; i += 3) {
      const claimed = String(reply[i + 1]);
      // Members are "<id>:<base64 prekey>"; the id prefix keeps members unique.
      const prekeys = claimed === '' ? [] : [claimed.slice(claimed.indexOf(':') + 1)];

      result.devices.push(joinBundle(String(reply[i]), prekeys));
      result.prekeysLeft.push(Number(reply[i + 2]));
    }

    return result;
  }

  async close(): Promise<void> {
    if (this.#ownsClient) await this.#redis.quit();
  }

  #keys(account: string) {
    const base = `${this.#prefix}{${account}}:`;

    return {
      devices: `${base}devices`,
      signing: `${base}signing`,
      prekeys: `${base}prekeys:`,
      published: `${base}published:`,
    };
  }
}
