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
 *
 * Redis that restarts without persistence loses every key. Each instance keeps the records
 * it wrote and still needs (instance-records.ts) and writes them back, with its presence
 * and subscriptions, whenever its connection to Redis is ready again. While Redis is
 * unreachable every operation fails with SERVER_UNAVAILABLE.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

import { StardustError } from '../../src/shared/errors.js';
import type { BusEnvelope, BusHandler, BusHealth, CallRecord, SignalBus } from './bus.js';
import { InstanceRecords } from './instance-records.js';

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
  /** Receives connection losses and restores; silent by default. */
  logger?: Logger;
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

/** Redis reconnect delays: 50 ms more per attempt, at most 2 s (ioredis's default curve). */
function retryDelayMs(attempt: number): number {
  return Math.min(attempt * 50, 2000);
}

/** A {@link SignalBus} shared by every instance connected to one Redis. */
export class RedisBus implements SignalBus {
  readonly instanceId: string;
  readonly #commands: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #presenceTtlMs: number;
  readonly #now: () => number;
  readonly #local = new Map<string, Set<string>>();
  /** Channels whose unsubscribe failed in an outage; dropped once Redis is back. */
  readonly #staleChannels = new Set<string>();
  readonly #records: InstanceRecords;
  readonly #refresh: ReturnType<typeof setInterval>;
  readonly #logger: Logger | undefined;
  #handler: BusHandler = () => {};
  readonly #healthListeners = new Set<(health: BusHealth) => void>();
  /** Readiness of each connection: up, with its state written back or its channels subscribed. */
  readonly #ready = { commands: true, subscriber: true };
  /** Set while Redis is unreachable, so the outage is logged once, not on every retry. */
  #lostSince: number | undefined;
  #lastError: Error | undefined;
  #closing = false;

  private constructor(options: RedisBusOptions, commands: Redis, subscriber: Redis) {
    this.instanceId = options.instanceId;
    this.#commands = commands;
    this.#subscriber = subscriber;
    this.#prefix = options.prefix ?? 'stardust:';
    this.#presenceTtlMs = options.presenceTtlMs ?? 90_000;
    this.#now = options.now;
    this.#logger = options.logger;
    this.#records = new InstanceRecords(options.now);
    this.#subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.#receive(channel, message),
    );

    // ioredis prints errors that have no listener; they are logged once per outage instead.
    commands.on('error', (error: Error) => (this.#lastError = error));
    subscriber.on('error', (error: Error) => (this.#lastError = error));
    commands.on('close', () => this.#connectionLost('commands'));
    subscriber.on('close', () => this.#connectionLost('subscriber'));
    // Both connections came up before the constructor ran: every later `ready` is a
    // reconnection, after which Redis may have lost everything.
    commands.on('ready', () => void this.#restore());
    subscriber.on('ready', () => void this.#resubscribe());
    this.#refresh = setInterval(() => void this.#refreshPresence(), this.#presenceTtlMs / 3);
    this.#refresh.unref();
  }

  /**
   * Connects the command and subscriber connections.
   * @throws Error when Redis cannot be reached.
   */
  static async connect(options: RedisBusOptions): Promise<RedisBus> {
    const connect = (subscriber: boolean): Redis =>
      new Redis(options.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 3,
        enableAutoPipelining: !subscriber,
        // A subscribing connection cannot send the ready check's INFO: ioredis fails it with
        // "Connection in subscriber mode" when a SUBSCRIBE is queued during a reconnection.
        enableReadyCheck: !subscriber,
        retryStrategy: retryDelayMs,
      });
    const commands = connect(false);
    const subscriber = connect(true);

    try {
      await Promise.all([commands.connect(), subscriber.connect()]);
      await subscriber.subscribe(`${options.prefix ?? 'stardust:'}control`);
    } catch (error) {
      commands.disconnect();
      subscriber.disconnect();
      throw error;
    }

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
    }

    sockets.add(socketId);
    await this.#redis('record a socket', async () => {
      // Subscribing again is harmless, and it repairs a subscription an outage interrupted.
      if (sockets.size === 1) await this.#subscriber.subscribe(this.#channel(account));

      await this.#commands
        .multi()
        .hset(this.#key('presence', account), socketId, this.instanceId)
        .pexpire(this.#key('presence', account), this.#presenceTtlMs)
        .exec();
    });
  }

  async detach(account: string, socketId: string): Promise<void> {
    const sockets = this.#local.get(account);

    sockets?.delete(socketId);

    const last = sockets?.size === 0;

    if (last) {
      this.#local.delete(account);
      this.#records.forgetAccount(account);
    }

    await this.#redis('forget a socket', async () => {
      // The account may have come back while the unsubscribe was on its way.
      if (last && !this.#local.has(account)) await this.#unsubscribe(this.#channel(account));

      await this.#commands.hdel(this.#key('presence', account), socketId);
    });
  }

  async presence(account: string): Promise<number> {
    return this.#redis('read presence', () => this.#commands.hlen(this.#key('presence', account)));
  }

  async deliver(account: string, envelope: BusEnvelope): Promise<number> {
    return this.#redis('route a message', () =>
      this.#commands.publish(this.#channel(account), encodeEnvelope(envelope)),
    );
  }

  async createCall(call: CallRecord, ttlMs: number): Promise<'ok' | 'busy' | 'exists'> {
    const result = await this.#redis('record a call', () =>
      this.#commands.eval(
        CREATE_CALL,
        3,
        this.#key('call', call.id),
        this.#key('busy', call.callee),
        this.#key('busy', call.caller),
        JSON.stringify(call),
        String(Math.ceil(ttlMs)),
        call.id,
      ),
    );

    if (result === 'ok') this.#records.putCall(call, ttlMs);

    return result as 'ok' | 'busy' | 'exists';
  }

  async getCall(id: string): Promise<CallRecord | undefined> {
    const json = await this.#redis('read a call', () => this.#commands.get(this.#key('call', id)));

    return json === null ? undefined : (JSON.parse(json) as CallRecord);
  }

  async updateCall(call: CallRecord, ttlMs: number): Promise<void> {
    const ttl = Math.ceil(ttlMs);

    await this.#redis('update a call', () =>
      this.#commands
        .multi()
        .set(this.#key('call', call.id), JSON.stringify(call), 'PX', ttl)
        .set(this.#key('busy', call.caller), call.id, 'PX', ttl)
        .set(this.#key('busy', call.callee), call.id, 'PX', ttl)
        .publish(this.#controlChannel(), this.#dropCallMessage(call.id))
        .exec(),
    );
    this.#records.putCall(call, ttlMs);
  }

  async callOf(account: string): Promise<string | undefined> {
    return (await this.#commands.get(this.#key('busy', account))) ?? undefined;
  }

  async endCall(id: string): Promise<CallRecord | undefined> {
    this.#records.dropCall(id);

    const json = await this.#redis('end a call', () =>
      this.#commands.getdel(this.#key('call', id)),
    );

    if (json === null) return undefined;

    const call = JSON.parse(json) as CallRecord;

    await this.#redis('end a call', () =>
      this.#commands
        .multi()
        .eval(
          DELETE_IF_EQUAL,
          2,
          this.#key('busy', call.caller),
          this.#key('busy', call.callee),
          id,
        )
        .publish(this.#controlChannel(), this.#dropCallMessage(id))
        .exec(),
    );

    return call;
  }

  async putDelegation(
    account: string,
    sessionKey: string,
    encoded: Uint8Array,
    expiresAt: number,
  ): Promise<void> {
    const value = `${expiresAt}:${Buffer.from(encoded).toString('base64')}`;

    this.#records.putDelegation(account, sessionKey, value, expiresAt);
    await this.#redis('store a delegation', () =>
      this.#writeDelegation(this.#commands.multi(), account, sessionKey, value, expiresAt).exec(),
    );
  }

  async delegations(account: string, sessionKey?: string): Promise<Uint8Array[]> {
    const key = this.#key('delegation', account);

    return this.#redis('read delegations', async () => {
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
    });
  }

  async revoke(account: string, sessionKey: string, expiresAt: number): Promise<void> {
    const ttl = Math.max(1, expiresAt - this.#now());

    this.#records.revoke(account, sessionKey, expiresAt);
    await this.#redis('revoke a session', () =>
      this.#commands
        .multi()
        .set(this.#key('revoked', sessionKey), '1', 'PX', ttl)
        .hdel(this.#key('delegation', account), sessionKey)
        .exec(),
    );
    await this.deliver(account, { kind: 'revoke', sessionKey });
  }

  async isRevoked(sessionKey: string): Promise<boolean> {
    const exists = await this.#redis('check a revocation', () =>
      this.#commands.exists(this.#key('revoked', sessionKey)),
    );

    return exists === 1;
  }

  async close(): Promise<void> {
    this.#closing = true;
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
    const name = channel.toString('utf8');

    if (name === this.#controlChannel()) {
      this.#control(message.toString('utf8'));

      return;
    }

    const account = name.slice(`${this.#prefix}acct:`.length);
    const envelope = decodeEnvelope(message);

    if (envelope !== undefined && this.#local.has(account)) this.#handler(account, envelope);
  }

  /** `drop <instance> <call id>`: another instance wrote or ended a call we hold. */
  #control(message: string): void {
    const [verb, instance, id] = message.split(' ');

    if (verb === 'drop' && instance !== this.instanceId && id !== undefined) {
      this.#records.dropCall(id);
    }
  }

  #dropCallMessage(id: string): string {
    return `drop ${this.instanceId} ${id}`;
  }

  /** Runs one Redis operation and turns a connection failure into SERVER_UNAVAILABLE. */
  async #redis<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new StardustError(
        'SERVER_UNAVAILABLE',
        `The signaling server could not ${what}: its Redis is unreachable. Retry in a few seconds.`,
        { cause: error },
      );
    }
  }

  /** Whether both connections to Redis are up and their state is written back. */
  get healthy(): boolean {
    return this.#lostSince === undefined;
  }

  onHealth(listener: (health: BusHealth) => void): () => void {
    this.#healthListeners.add(listener);

    return () => this.#healthListeners.delete(listener);
  }

  #connectionLost(connection: 'commands' | 'subscriber'): void {
    if (this.#closing) return;

    this.#ready[connection] = false;

    if (this.#lostSince !== undefined) return;

    this.#lostSince = this.#now();
    this.#logger?.warn(
      { err: this.#lastError, instance: this.instanceId },
      'lost the connection to Redis; retrying',
    );
    this.#emitHealth({ healthy: false, downMs: 0 });
  }

  /** Reports the bus healthy again once both connections finished their repair. */
  #repaired(connection: 'commands' | 'subscriber'): void {
    this.#ready[connection] = true;

    if (!this.#ready.commands || !this.#ready.subscriber || this.#lostSince === undefined) return;

    const downMs = this.#now() - this.#lostSince;

    this.#lostSince = undefined;
    this.#logger?.info(
      { instance: this.instanceId, downMs, accounts: this.#local.size },
      'Redis reachable again; presence, subscriptions and records written back',
    );
    this.#emitHealth({ healthy: true, downMs });
  }

  #emitHealth(health: BusHealth): void {
    for (const listener of this.#healthListeners) listener(health);
  }

  /** Writes back presence, delegations, revocations and calls after a reconnection. */
  async #restore(): Promise<void> {
    const pipeline = this.#commands.pipeline();
    const records = this.#records.live();

    this.#addPresence(pipeline);

    for (const record of records) {
      if (record.kind === 'delegation') {
        this.#writeDelegation(
          pipeline,
          record.account,
          record.sessionKey,
          record.value,
          record.expiresAt,
        );
      } else if (record.kind === 'revocation') {
        pipeline.set(this.#key('revoked', record.sessionKey), '1', 'PX', Math.ceil(record.ttlMs));
      } else {
        const { call } = record;
        const ttl = Math.ceil(record.ttlMs);

        // NX: a record another instance wrote since the restart is newer than ours.
        pipeline.set(this.#key('call', call.id), JSON.stringify(call), 'PX', ttl, 'NX');
        pipeline.set(this.#key('busy', call.caller), call.id, 'PX', ttl, 'NX');
        pipeline.set(this.#key('busy', call.callee), call.id, 'PX', ttl, 'NX');
      }
    }

    try {
      await pipeline.exec();
    } catch (error) {
      this.#logger?.warn({ err: error }, 'writing records back to Redis failed; retrying later');

      return;
    }

    this.#repaired('commands');
  }

  /**
   * Unsubscribes from an account's channel. A channel left subscribed by a failed attempt
   * would make PUBLISH count this instance as a receiver, and an offline account would look
   * online, so the failure is remembered and repaired after the outage.
   */
  async #unsubscribe(channel: string): Promise<void> {
    try {
      await this.#subscriber.unsubscribe(channel);
      this.#staleChannels.delete(channel);
    } catch (error) {
      this.#staleChannels.add(channel);
      throw error;
    }
  }

  /**
   * Subscribes again to every channel this instance needs (repeats are harmless) and drops
   * the ones an outage left behind.
   */
  async #resubscribe(): Promise<void> {
    const channels = [
      this.#controlChannel(),
      ...[...this.#local.keys()].map((account) => this.#channel(account)),
    ];
    const needed = new Set(channels);
    const stale = [...this.#staleChannels].filter((channel) => !needed.has(channel));

    try {
      await this.#subscriber.subscribe(...channels);

      if (stale.length > 0) await this.#subscriber.unsubscribe(...stale);

      this.#staleChannels.clear();
    } catch (error) {
      this.#logger?.warn({ err: error }, 'subscribing again after a Redis outage failed');

      return;
    }

    this.#repaired('subscriber');
  }

  async #refreshPresence(): Promise<void> {
    const pipeline = this.#commands.pipeline();

    this.#addPresence(pipeline);
    // Listing prunes expired records: calls ended on other instances leave none behind.
    this.#records.live();
    await pipeline.exec().catch(() => undefined);
  }

  #addPresence(pipeline: ReturnType<Redis['pipeline']>): void {
    for (const [account, sockets] of this.#local) {
      const key = this.#key('presence', account);

      for (const socketId of sockets) pipeline.hset(key, socketId, this.instanceId);

      pipeline.pexpire(key, this.#presenceTtlMs);
    }
  }

  #writeDelegation<T extends ReturnType<Redis['multi']> | ReturnType<Redis['pipeline']>>(
    batch: T,
    account: string,
    sessionKey: string,
    value: string,
    expiresAt: number,
  ): T {
    const key = this.#key('delegation', account);

    batch
      .hset(key, sessionKey, value)
      .pexpireat(key, expiresAt, 'GT')
      // PEXPIREAT … GT leaves a key without a TTL alone: set one on a new key.
      .pexpireat(key, expiresAt, 'NX');

    return batch;
  }

  #channel(account: string): string {
    return `${this.#prefix}acct:${account}`;
  }

  #controlChannel(): string {
    return `${this.#prefix}control`;
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
