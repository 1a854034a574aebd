/**
 * The shared records one signaling instance wrote to Redis and still needs: delegations of
 * its live sessions, revocations it issued, and calls it created or accepted last. A Redis
 * that restarts without persistence loses every key; the instance writes these back once
 * it reconnects, so sessions stay verifiable, logged-out sessions stay refused and calls in
 * progress keep their negotiation path.
 *
 * Each record keeps its expiry, so nothing is written back past the lifetime it had.
 */
import type { CallRecord } from './bus.js';

/** One record to write back, with the milliseconds it has left. */
export type RestorableRecord =
  | { kind: 'delegation'; account: string; sessionKey: string; value: string; expiresAt: number }
  | { kind: 'revocation'; sessionKey: string; ttlMs: number }
  | { kind: 'call'; call: CallRecord; ttlMs: number };

/** The records of one instance, pruned by expiry whenever they are listed. */
export class InstanceRecords {
  readonly #now: () => number;
  /** account → session key → stored delegation value and expiry. */
  readonly #delegations = new Map<string, Map<string, { value: string; expiresAt: number }>>();
  /** session key → expiry of its revocation. */
  readonly #revocations = new Map<string, number>();
  /** call id → record and expiry. */
  readonly #calls = new Map<string, { call: CallRecord; expiresAt: number }>();

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Remembers the delegation of a session that authenticated on this instance. */
  putDelegation(account: string, sessionKey: string, value: string, expiresAt: number): void {
    let sessions = this.#delegations.get(account);

    if (sessions === undefined) {
      sessions = new Map();
      this.#delegations.set(account, sessions);
    }

    sessions.set(sessionKey, { value, expiresAt });
  }

  /** Forgets the delegations of an account that has no socket on this instance any more. */
  forgetAccount(account: string): void {
    this.#delegations.delete(account);
  }

  /** Remembers a revocation this instance issued, and drops the revoked delegation. */
  revoke(account: string, sessionKey: string, expiresAt: number): void {
    this.#revocations.set(sessionKey, expiresAt);
    this.#delegations.get(account)?.delete(sessionKey);
  }

  /** Remembers the latest version of a call this instance wrote. */
  putCall(call: CallRecord, ttlMs: number): void {
    this.#calls.set(call.id, { call, expiresAt: this.#now() + ttlMs });
  }

  /** Forgets a call that ended, or that another instance wrote since. */
  dropCall(id: string): void {
    this.#calls.delete(id);
  }

  /** Number of calls held, for tests and metrics. */
  get calls(): number {
    return this.#calls.size;
  }

  /** Returns every live record and drops the expired ones. */
  live(): RestorableRecord[] {
    const now = this.#now();
    const records: RestorableRecord[] = [];

    for (const [account, sessions] of this.#delegations) {
      for (const [sessionKey, entry] of sessions) {
        if (entry.expiresAt <= now) sessions.delete(sessionKey);
        else records.push({ kind: 'delegation', account, sessionKey, ...entry });
      }

      if (sessions.size === 0) this.#delegations.delete(account);
    }

    for (const [sessionKey, expiresAt] of this.#revocations) {
      if (expiresAt <= now) this.#revocations.delete(sessionKey);
      else records.push({ kind: 'revocation', sessionKey, ttlMs: expiresAt - now });
    }

    for (const [id, entry] of this.#calls) {
      if (entry.expiresAt <= now) this.#calls.delete(id);
      else records.push({ kind: 'call', call: entry.call, ttlMs: entry.expiresAt - now });
    }

    return records;
  }
}
