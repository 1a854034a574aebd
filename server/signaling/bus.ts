/**
 * The signaling bus: presence, routing and shared call and session state. One server
 * instance uses {@link MemoryBus}; several instances behind a load balancer share a
 * {@link RedisBus} (redis-bus.ts), so a call can ring an account connected to another
 * instance and survive the loss of the instance its caller was on.
 *
 * Accounts are named by the hex of their public key (see `accountKey`).
 */

/** An envelope the bus carries to an account's sockets. */
export type BusEnvelope =
  /** A frame to send to every socket of the account, except one socket id when given. */
  | { kind: 'frame'; frame: Uint8Array; exceptSocket?: string }
  /** Close every socket of the account authenticated with this session key (logout). */
  | { kind: 'revoke'; sessionKey: string };

/** A call on record at the server: only its two parties may exchange SDP and ICE. */
export interface CallRecord {
  id: string;
  /** Account keys (hex public keys) and SS58 addresses of the parties. */
  caller: string;
  callee: string;
  callerAddress: string;
  calleeAddress: string;
  state: 'ringing' | 'connected';
  /** Milliseconds since the Unix epoch. */
  createdAt: number;
  acceptedAt?: number;
  /** Socket of the callee that accepted. */
  acceptedSocket?: string;
  /** Chain call id (0x hex) from the caller's CALL_CHAIN_LINK, once sent. */
  chainCallId?: string;
}

/** Receives envelopes addressed to accounts that have sockets on this instance. */
export type BusHandler = (account: string, envelope: BusEnvelope) => void;

/** A change of the bus's health: Redis lost, or reachable again with its state repaired. */
export interface BusHealth {
  healthy: boolean;
  /** How long the outage lasted, when `healthy` is true; 0 otherwise. */
  downMs: number;
}

/** Presence, routing and shared state for one or many signaling instances. */
export interface SignalBus {
  /** Name of this instance. */
  readonly instanceId: string;
  /** Sets the function that receives envelopes for local sockets. */
  onEnvelope(handler: BusHandler): void;
  /** False while the shared store (Redis) is unreachable or being repaired. */
  readonly healthy: boolean;
  /** Calls `listener` on every health change; returns the unsubscribe function. */
  onHealth(listener: (health: BusHealth) => void): () => void;
  /** Records a socket of `account` on this instance. */
  attach(account: string, socketId: string): Promise<void>;
  /** Forgets a socket of `account` on this instance. */
  detach(account: string, socketId: string): Promise<void>;
  /** Sockets of `account` across every instance (presence). */
  presence(account: string): Promise<number>;
  /**
   * Delivers `envelope` to every socket of `account` on every instance. Returns how many
   * sockets (memory) or instances (Redis) received it: 0 means the account is offline.
   */
  deliver(account: string, envelope: BusEnvelope): Promise<number>;
  /**
   * Stores a new call and marks both parties busy, unless the callee is busy already.
   * Returns `busy` then, or `exists` when the id is taken.
   */
  createCall(call: CallRecord, ttlMs: number): Promise<'ok' | 'busy' | 'exists'>;
  getCall(id: string): Promise<CallRecord | undefined>;
  /** Replaces a call and extends its lifetime and the parties' busy marks. */
  updateCall(call: CallRecord, ttlMs: number): Promise<void>;
  /** Id of the call `account` is busy with (ringing or connected), if any. */
  callOf(account: string): Promise<string | undefined>;
  /** Removes a call and the parties' busy marks; returns it when it existed. */
  endCall(id: string): Promise<CallRecord | undefined>;
  /** Stores an encoded SessionDelegation until it expires. */
  putDelegation(
    account: string,
    sessionKey: string,
    encoded: Uint8Array,
    expiresAt: number,
  ): Promise<void>;
  /** Live, unrevoked encoded delegations of `account`, or of one of its session keys. */
  delegations(account: string, sessionKey?: string): Promise<Uint8Array[]>;
  /** Revokes a session key until `expiresAt` and removes its delegation. */
  revoke(account: string, sessionKey: string, expiresAt: number): Promise<void>;
  isRevoked(sessionKey: string): Promise<boolean>;
  close(): Promise<void>;
}

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** The bus of a single instance: everything in this process. */
export class MemoryBus implements SignalBus {
  readonly instanceId: string;
  readonly #sockets = new Map<string, Set<string>>();
  readonly #calls = new Map<string, Expiring<CallRecord>>();
  readonly #busy = new Map<string, Expiring<string>>();
  readonly #delegations = new Map<string, Map<string, Expiring<Uint8Array>>>();
  readonly #revoked = new Map<string, number>();
  readonly #now: () => number;
  #handler: BusHandler = () => {};
  #prunedAt = 0;

  constructor(options: { instanceId: string; now: () => number }) {
    this.instanceId = options.instanceId;
    this.#now = options.now;
  }

  onEnvelope(handler: BusHandler): void {
    this.#handler = handler;
  }

  /** Always true: the memory bus cannot become unreachable. */
  get healthy(): boolean {
    return true;
  }

  onHealth(): () => void {
    return () => {};
  }

  async attach(account: string, socketId: string): Promise<void> {
    let sockets = this.#sockets.get(account);

    if (sockets === undefined) {
      sockets = new Set();
      this.#sockets.set(account, sockets);
    }

    sockets.add(socketId);
  }

  async detach(account: string, socketId: string): Promise<void> {
    const sockets = this.#sockets.get(account);

    sockets?.delete(socketId);

    if (sockets?.size === 0) this.#sockets.delete(account);
  }

  async presence(account: string): Promise<number> {
    return this.#sockets.get(account)?.size ?? 0;
  }

  async deliver(account: string, envelope: BusEnvelope): Promise<number> {
    const count = this.#sockets.get(account)?.size ?? 0;

    if (count > 0) this.#handler(account, envelope);

    return count;
  }

  async createCall(call: CallRecord, ttlMs: number): Promise<'ok' | 'busy' | 'exists'> {
    this.#prune();

    if (this.#live(this.#calls, call.id) !== undefined) return 'exists';

    if (this.#live(this.#busy, call.callee) !== undefined) return 'busy';

    this.#store(call, ttlMs);

    return 'ok';
  }

  async getCall(id: string): Promise<CallRecord | undefined> {
    return this.#live(this.#calls, id);
  }

  async updateCall(call: CallRecord, ttlMs: number): Promise<void> {
    this.#store(call, ttlMs);
  }

  async callOf(account: string): Promise<string | undefined> {
    return this.#live(this.#busy, account);
  }

  async endCall(id: string): Promise<CallRecord | undefined> {
    const call = this.#live(this.#calls, id);

    this.#calls.delete(id);

    if (call === undefined) return undefined;

    for (const party of [call.caller, call.callee]) {
      if (this.#busy.get(party)?.value === id) this.#busy.delete(party);
    }

    return call;
  }

  async putDelegation(
    account: string,
    sessionKey: string,
    encoded: Uint8Array,
    expiresAt: number,
  ): Promise<void> {
    let sessions = this.#delegations.get(account);

    if (sessions === undefined) {
      sessions = new Map();
      this.#delegations.set(account, sessions);
    }

    sessions.set(sessionKey, { value: encoded, expiresAt });
  }

  async delegations(account: string, sessionKey?: string): Promise<Uint8Array[]> {
    const sessions = this.#delegations.get(account);
    const now = this.#now();
    const found: Uint8Array[] = [];

    for (const [key, entry] of sessions ?? []) {
      if (entry.expiresAt <= now) sessions!.delete(key);
      else if (sessionKey === undefined || sessionKey === key) found.push(entry.value);
    }

    if (sessions?.size === 0) this.#delegations.delete(account);

    return found;
  }

  async revoke(account: string, sessionKey: string, expiresAt: number): Promise<void> {
    this.#revoked.set(sessionKey, expiresAt);
    this.#delegations.get(account)?.delete(sessionKey);
    await this.deliver(account, { kind: 'revoke', sessionKey });
  }

  async isRevoked(sessionKey: string): Promise<boolean> {
    const until = this.#revoked.get(sessionKey);

    if (until !== undefined && until <= this.#now()) this.#revoked.delete(sessionKey);

    return until !== undefined && until > this.#now();
  }

  async close(): Promise<void> {
    this.#sockets.clear();
  }

  /**
   * Drops expired calls, busy marks and revocations once a minute at most: calls that rang
   * out are never looked up again, so expiry on read alone would keep them forever.
   */
  #prune(): void {
    const now = this.#now();

    if (now - this.#prunedAt < 60_000) return;

    this.#prunedAt = now;

    for (const map of [this.#calls, this.#busy] as Array<Map<string, Expiring<unknown>>>) {
      for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
    }

    for (const [key, until] of this.#revoked) if (until <= now) this.#revoked.delete(key);
  }

  #store(call: CallRecord, ttlMs: number): void {
    const expiresAt = this.#now() + ttlMs;

    this.#calls.set(call.id, { value: call, expiresAt });
    this.#busy.set(call.caller, { value: call.id, expiresAt });
    this.#busy.set(call.callee, { value: call.id, expiresAt });
  }

  #live<T>(map: Map<string, Expiring<T>>, key: string): T | undefined {
    const entry = map.get(key);

    if (entry === undefined) return undefined;

    if (entry.expiresAt <= this.#now()) {
      map.delete(key);

      return undefined;
    }

    return entry.value;
  }
}
