/**
 * The signaling bus over Redis, for several instances behind a load balancer:
 *
 * - routing: one pub/sub channel per account (`<prefix>acct:<account>`); an instance
 *   subscribes while it holds a socket of the account, so PUBLISH reaches exactly the
 *   instances that can deliver, and its receiver count tells an offline account apart;
 * - presence: a hash of socket ids per account with a TTL that live instances refresh, so
 *   the sockets of an instance that died drop out by themselves;
 * - calls, busy marks, delegations and revocations: keys with TTLs, so nothing outlives
 *   its call or session.
 *
 * An instance that dies loses only its sockets: its clients reconnect to another instance
 * and the calls they were in carry on, because the call records live in Redis.
 */
import { Redis } from 'ioredis';

import type { BusEnvelope, BusHandler, CallRecord, SignalBus } from './bus.js';

/** Options of {@link RedisBus}. */
export interface RedisBusOptions {
  /** `redis://host:port/db`. */
  url: string;
  instanceId: string;
  now: () => number;
  /** Prefix of every key and channel; `stardust:` by default. */
  prefix?: string;
  /** How long a presence entry lives without a refresh; 90 s by default. */
  presenceTtlMs?: number;
}

const CREATE_CALL = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 'exists' end
if redis.call('EXISTS', KEYS[2]) == 1 then return 'busy' end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[2])
return 'ok'`;

// Deletes each key only while it still holds ARGV[1], so ending an old call never clears
// the busy mark of a newer one.
const DELETE_IF_EQUAL = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 1`;

const FRAME = 1;
const REVOKE = 2;

/** A {@link SignalBus} shared by every instance connected to one Redis. */
export class RedisBus implements SignalBus {
  readonly instanceId: string;
  readonly #commands: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #presenceTtlMs: number;
  readonly #now: () => number;
  readonly #local = new Map<string, Set<string>>();
  readonly #refresh: ReturnType<typeof setInterval>;
  #handler: BusHandler = () => {};

  private constructor(options: RedisBusOptions, commands: Redis, subscriber: Redis) {
    this.instanceId = options.instanceId;
    this.#commands = commands;
    this.#subscriber = subscriber;
    this.#prefix = options.prefix ?? 'stardust:';
    this.#presenceTtlMs = options.presenceTtlMs ?? 90_000;
    this.#now = options.now;
    this.#subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.#receive(channel, message),
    );
    this.#refresh = setInterval(() => void this.#refreshPresence(), this.#presenceTtlMs / 3);
    this.#refresh.unref();
  }

  /**
   * Connects the command and subscriber connections.
   * @throws Error when Redis cannot be reached.
   */
  static async connect(options: RedisBusOptions): Promise<RedisBus> {
    const connect = (): Redis =>
      new Redis(options.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 3,
        enableAutoPipelining: true,
      });
    const commands = connect();
    const subscriber = connect();

    await Promise.all([commands.connect(), subscriber.connect()]);

    return new RedisBus(options, commands, subscriber);
  }

  onEnvelope(handler: BusHandler): void {
    this.#handler = handler;
  }

  async attach(account: string, socketId: string): Promise<void> {
    let sockets = this.#local.get(account);

    if (sockets === undefined) {
      sockets = new Set();
      this.#local.set(account, sockets);
      await this.#subscriber.subscribe(this.#channel(account));
    }

    sockets.add(socketId);
    await this.#commands
      .multi()
      .hset(this.#key('presence', account), socketId, this.instanceId)
      .pexpire(this.#key('presence', account), this.#presenceTtlMs)
      .exec();
  }

  async detach(account: string, socketId: string): Promise<void> {
    const sockets = this.#local.get(account);

    sockets?.delete(socketId);

    if (sockets?.size === 0) {
      this.#local.delete(account);
      await this.#subscriber.unsubscribe(this.#channel(account));
    }

    await this.#commands.hdel(this.#key('presence', account), socketId);
  }

  async presence(account: string): Promise<number> {
    return this.#commands.hlen(this.#key('presence', account));
  }

  async deliver(account: string, envelope: BusEnvelope): Promise<number> {
    return this.#commands.publish(this.#channel(account), encodeEnvelope(envelope));
  }

  async createCall(call: CallRecord, ttlMs: number): Promise<'ok' | 'busy' | 'exists'> {
    const result = await this.#commands.eval(
      CREATE_CALL,
      3,
      this.#key('call', call.id),
      this.#key('busy', call.callee),
      this.#key('busy', call.caller),
      JSON.stringify(call),
      String(Math.ceil(ttlMs)),
      call.id,
    );

    return result as 'ok' | 'busy' | 'exists';
  }

  async getCall(id: string): Promise<CallRecord | undefined> {
    const json = await this.#commands.get(this.#key('call', id));

    return json === null ? undefined : (JSON.parse(json) as CallRecord);
  }

  async updateCall(call: CallRecord, ttlMs: number): Promise<void> {
    const ttl = Math.ceil(ttlMs);

    await this.#commands
      .multi()
      .set(this.#key('call', call.id), JSON.stringify(call), 'PX', ttl)
      .set(this.#key('busy', call.caller), call.id, 'PX', ttl)
      .set(this.#key('busy', call.callee), call.id, 'PX', ttl)
      .exec();
  }

  async callOf(account: string): Promise<string | undefined> {
    return (await this.#commands.get(this.#key('busy', account))) ?? undefined;
  }

  async endCall(id: string): Promise<CallRecord | undefined> {
    const json = await this.#commands.getdel(this.#key('call', id));

    if (json === null) return undefined;

    const call = JSON.parse(json) as CallRecord;

    await this.#commands.eval(
      DELETE_IF_EQUAL,
      2,
      this.#key('busy', call.caller),
      this.#key('busy', call.callee),
      id,
    );

    return call;
  }

  async putDelegation(
    account: string,
    sessionKey: string,
    encoded: Uint8Array,
    expiresAt: number,
  ): Promise<void> {
    const key = this.#key('delegation', account);

    await this.#commands
      .multi()
      .hset(key, sessionKey, `${expiresAt}:${Buffer.from(encoded).toString('base64')}`)
      .pexpireat(key, expiresAt, 'GT')
      // PEXPIREAT … GT leaves a key without a TTL alone: set one on a new key.
      .pexpireat(key, expiresAt, 'NX')
      .exec();
  }

  async delegations(account: string, sessionKey?: string): Promise<Uint8Array[]> {
    const key = this.#key('delegation', account);
    const entries =
      sessionKey === undefined
        ? Object.entries(await this.#commands.hgetall(key))
        : [[sessionKey, await this.#commands.hget(key, sessionKey)] as const];
    const now = this.#now();
    const found: Uint8Array[] = [];

    for (const [field, value] of entries) {
      if (value === null) continue;

      const separator = value.indexOf(':');
      const expiresAt = Number(value.slice(0, separator));

      if (expiresAt <= now) await this.#commands.hdel(key, field);
      else found.push(new Uint8Array(Buffer.from(value.slice(separator + 1), 'base64')));
    }

    return found;
  }

  async revoke(account: string, sessionKey: string, expiresAt: number): Promise<void> {
    const ttl = Math.max(1, expiresAt - this.#now());

    await this.#commands
      .multi()
      .set(this.#key('revoked', sessionKey), '1', 'PX', ttl)
      .hdel(this.#key('delegation', account), sessionKey)
      .exec();
    await this.deliver(account, { kind: 'revoke', sessionKey });
  }

  async isRevoked(sessionKey: string): Promise<boolean> {
    return (await this.#commands.exists(this.#key('revoked', sessionKey))) === 1;
  }

  async close(): Promise<void> {
    clearInterval(this.#refresh);

    const pipeline = this.#commands.pipeline();

    for (const [account, sockets] of this.#local) {
      pipeline.hdel(this.#key('presence', account), ...sockets);
    }

    await pipeline.exec().catch(() => undefined);
    this.#local.clear();
    this.#subscriber.disconnect();
    await this.#commands.quit().catch(() => this.#commands.disconnect());
  }

  #receive(channel: Buffer, message: Buffer): void {
    const prefix = `${this.#prefix}acct:`;
    const account = channel.toString('utf8').slice(prefix.length);
    const envelope = decodeEnvelope(message);

    if (envelope !== undefined && this.#local.has(account)) this.#handler(account, envelope);
  }

  async #refreshPresence(): Promise<void> {
    const pipeline = this.#commands.pipeline();

    for (const [account, sockets] of this.#local) {
      const key = this.#key('presence', account);

      for (const socketId of sockets) pipeline.hset(key, socketId, this.instanceId);

      pipeline.pexpire(key, this.#presenceTtlMs);
    }

    await pipeline.exec().catch(() => undefined);
  }

  #channel(account: string): string {
    return `${this.#prefix}acct:${account}`;
  }

  #key(kind: string, id: string): string {
    return `${this.#prefix}${kind}:${id}`;
  }
}

/** `[1][except length][except socket id][frame]` or `[2][session key hex]`. */
function encodeEnvelope(envelope: BusEnvelope): Buffer {
  if (envelope.kind === 'revoke') {
    return Buffer.concat([Buffer.of(REVOKE), Buffer.from(envelope.sessionKey, 'utf8')]);
  }

  const except = Buffer.from(envelope.exceptSocket ?? '', 'utf8');

  return Buffer.concat([Buffer.of(FRAME, except.length), except, envelope.frame]);
}

function decodeEnvelope(message: Buffer): BusEnvelope | undefined {
  if (message[0] === REVOKE)
    return { kind: 'revoke', sessionKey: message.subarray(1).toString('utf8') };

  if (message[0] !== FRAME || message.length < 2) return undefined;

  const exceptLength = message[1]!;
  const exceptSocket = message.subarray(2, 2 + exceptLength).toString('utf8');
  const frame = new Uint8Array(
    message.buffer,
    message.byteOffset + 2 + exceptLength,
    message.length - 2 - exceptLength,
  );

  return exceptLength > 0 ? { kind: 'frame', frame, exceptSocket } : { kind: 'frame', frame };
}
