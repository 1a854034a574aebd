/**
 * The outbox of one account: sealed recordings waiting to be uploaded and delivered, kept
 * in the message store so nothing is lost on a failed send or a reload.
 *
 * Items are keyed by the envelope's CID, computed before upload, so enqueueing the same
 * envelope twice keeps one item. Each pass runs under a Web Lock per account, so two tabs
 * never send one item twice, and re-reads every item inside the lock. Before delivering an
 * item again after an uncertain result, `findDelivered` asks whether the earlier attempt
 * landed.
 */
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { accountKey } from '../shared/ss58.js';
import { computeCid } from './cid.js';
import { Emitter } from './emitter.js';
import type { UploadOptions, UploadResult } from './ipfs-client.js';
import type { MessageStore, OutboxRecord, OutboxState } from './store/message-store.js';

/** The delivery step after upload, such as `chat.send_message` plus a live notice. */
export interface OutboxDelivery {
  /** Delivers an uploaded item and returns its receipt (such as the block hash). */
  deliver(item: OutboxRecord): Promise<Record<string, string>>;
  /**
   * Returns the receipt of an earlier attempt that did land, or null. Called before a retry
   * of an item whose delivery was attempted, so an uncertain result is never sent twice.
   */
  findDelivered?(item: OutboxRecord): Promise<Record<string, string> | null>;
}

/** Context of {@link RetryPolicy}. */
export interface RetryContext {
  /** Attempts made so far, the failed one included. */
  attempt: number;
  error: unknown;
}

/** Returns the delay before the next attempt in milliseconds, or null to give up. */
export type RetryPolicy = (context: RetryContext) => number | null;

/** Timer functions, injectable for fake clocks. */
export interface OutboxClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of {@link Outbox}. */
export interface OutboxOptions {
  /** SS58 address of the sending account. */
  account: string;
  store: MessageStore;
  ipfs: { upload(bytes: Uint8Array, options?: UploadOptions): Promise<UploadResult> };
  delivery: OutboxDelivery;
  /** Capped exponential backoff with full jitter, giving up after 8 attempts, by default. */
  retryPolicy?: RetryPolicy;
  clock?: OutboxClock;
  /** Web Locks; `navigator.locks` by default, `null` to run without a lock (one tab only). */
  locks?: LockManager | null;
  logger?: Logger;
}

/** Input of {@link Outbox.enqueue}. */
export interface EnqueueInput {
  /** The sealed envelope, or the plain audio of a public message. */
  envelope: Uint8Array;
  /** SS58 address of the recipient. */
  to: string;
  burn: boolean;
  durationMs: number;
  /** Public messages only; see {@link OutboxRecord.public}. */
  public?: { waveform: Uint8Array; transcription?: string };
}

/** Returns the CID of the bytes an item uploads. */
export function itemCid(item: Pick<OutboxRecord, 'id' | 'cid'>): string {
  return item.cid ?? item.id;
}

/** Events of {@link Outbox}. */
export interface OutboxEvents extends Record<string, unknown> {
  /** An item changed state or progress. */
  itemChange: { item: OutboxRecord; previous: OutboxState | null };
  /** Upload progress of an item, in bytes of the request body. */
  uploadProgress: { id: string; loaded: number; total: number };
}

/** Returns a capped exponential backoff with full jitter. */
export function exponentialRetryPolicy(
  options: { baseMs?: number; maxMs?: number; maxAttempts?: number; random?: () => number } = {},
): RetryPolicy {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 60_000;
  const attempts = options.maxAttempts ?? 8;
  const random = options.random ?? Math.random;

  return ({ attempt }) =>
    attempt >= attempts ? null : Math.round(random() * Math.min(max, base * 2 ** (attempt - 1)));
}

const systemClock: OutboxClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The outbox of one account. */
export class Outbox extends Emitter<OutboxEvents> {
  readonly #account: string;
  readonly #key: string;
  readonly #store: MessageStore;
  readonly #ipfs: OutboxOptions['ipfs'];
  readonly #delivery: OutboxDelivery;
  readonly #retryPolicy: RetryPolicy;
  readonly #clock: OutboxClock;
  readonly #locks: LockManager | null;
  readonly #logger: Logger;
  #timer: unknown = null;
  #running: Promise<void> | null = null;
  #disposed = false;

  constructor(options: OutboxOptions) {
    super();
    this.#account = options.account;
    this.#key = accountKey(options.account);
    this.#store = options.store;
    this.#ipfs = options.ipfs;
    this.#delivery = options.delivery;
    this.#retryPolicy = options.retryPolicy ?? exponentialRetryPolicy();
    this.#clock = options.clock ?? systemClock;
    this.#locks =
      options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
    this.#logger = options.logger ?? silentLogger;
  }

  /**
   * Adds a sealed envelope and starts sending it. Returns the existing item when the same
   * envelope is already queued or sent.
   */
  async enqueue(input: EnqueueInput): Promise<OutboxRecord> {
    this.#assertLive();

    const cid = (await computeCid(input.envelope)).toString();
    const id = input.public === undefined ? cid : `${cid}:${accountKey(input.to)}`;
    const existing = await this.#store.tables.outbox.get([this.#key, id]);

    if (existing !== undefined) return existing;

    const now = this.#clock.now();
    const item: OutboxRecord = {
      account: this.#key,
      id,
      to: input.to,
      burn: input.burn,
      envelope: input.envelope,
      durationMs: input.durationMs,
      state: 'pending',
      uploaded: false,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      sentAt: null,
      receipt: null,
    };

    if (input.public !== undefined) {
      item.cid = cid;
      item.public = true;
      item.waveform = input.public.waveform;

      if (input.public.transcription !== undefined) {
        item.transcription = input.public.transcription;
      }
    }

    await this.#save(item, null);
    this.#schedule(0);

    return item;
  }

  /** Returns every item of this account, oldest first. */
  async list(): Promise<OutboxRecord[]> {
    const items = await this.#store.tables.outbox.listAccount(this.#key);

    return items.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Returns one item, or undefined. */
  async get(id: string): Promise<OutboxRecord | undefined> {
    return this.#store.tables.outbox.get([this.#key, id]);
  }

  /** Makes a failed or waiting item due now and runs a pass. */
  async retry(id: string): Promise<void> {
    this.#assertLive();

    const item = await this.get(id);

    if (item === undefined || item.state === 'sent') return;

    await this.#save({ ...item, state: 'pending', nextAttemptAt: this.#clock.now() }, item.state);
    await this.processNow();
  }

  /** Resumes the items stored from earlier sessions (after a reload) and schedules them. */
  start(): void {
    this.#assertLive();
    this.#schedule(0);
  }

  /** Runs one pass over the due items now; resolves when it is done. */
  async processNow(): Promise<void> {
    if (this.#disposed) return;

    if (this.#running !== null) return this.#running;

    this.#running = this.#pass().finally(() => {
      this.#running = null;
    });

    return this.#running;
  }

  /** Stops scheduling; a pass under way finishes. */
  dispose(): void {
    this.#disposed = true;

    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);

    this.#timer = null;
    this.removeAllListeners();
  }

  async #pass(): Promise<void> {
    const run = () => this.#sendDue();

    if (this.#locks === null) {
      await run();
    } else {
      const ran = await this.#locks.request(
        `stardust-voice-outbox:${this.#key}`,
        { ifAvailable: true },
        async (lock) => {
          if (lock === null) return false;

          await run();

          return true;
        },
      );

      // Another tab holds the lock and sends these items; look again later in case it closes.
      if (!ran) {
        this.#schedule(5000);

        return;
      }
    }

    await this.#scheduleNext();
  }

  async #sendDue(): Promise<void> {
    const now = this.#clock.now();
    const due = (await this.list()).filter(
      (item) => item.state === 'pending' && item.nextAttemptAt <= now,
    );

    for (const listed of due) {
      if (this.#disposed) return;

      // Re-read inside the lock: another tab may have sent it since the list was taken.
      const item = await this.get(listed.id);

      if (item === undefined || item.state !== 'pending') continue;

      await this.#attempt(item);
    }
  }

  async #attempt(item: OutboxRecord): Promise<void> {
    let current = { ...item, attempts: item.attempts + 1 };

    try {
      if (!current.uploaded) current = await this.#upload(current);

      const earlier =
        item.attempts > 0 && this.#delivery.findDelivered !== undefined
          ? await this.#delivery.findDelivered(current)
          : null;
      const receipt = earlier ?? (await this.#delivery.deliver(current));

      await this.#save(
        {
          ...current,
          state: 'sent',
          envelope: null,
          lastError: null,
          sentAt: this.#clock.now(),
          receipt,
        },
        item.state,
      );
      this.#logger.info('voice message sent', {
        account: this.#account,
        cid: itemCid(item),
        to: item.to,
      });
    } catch (error) {
      await this.#fail(current, item.state, error);
    }
  }

  async #upload(item: OutboxRecord): Promise<OutboxRecord> {
    if (item.envelope === null)
      throw new StardustError('INTERNAL_ERROR', 'outbox item lost its envelope');

    const result = await this.#ipfs.upload(item.envelope, {
      onProgress: ({ loaded, total }) =>
        this.emit('uploadProgress', { id: item.id, loaded, total }),
    });

    if (result.cid !== itemCid(item)) {
      throw new StardustError(
        'IPFS_UPLOAD_FAILED',
        `The IPFS node stored voice message ${itemCid(item)} under another CID (${result.cid}); check that it uses CIDv1 with raw leaves.`,
      );
    }

    const uploaded = { ...item, uploaded: true };

    await this.#save(uploaded, item.state);

    return uploaded;
  }

  async #fail(item: OutboxRecord, previous: OutboxState, error: unknown): Promise<void> {
    const code = error instanceof StardustError ? error.code : 'INTERNAL_ERROR';
    const delay = this.#retryPolicy({ attempt: item.attempts, error });
    const gaveUp = delay === null;

    await this.#save(
      {
        ...item,
        state: gaveUp ? 'failed' : 'pending',
        lastError: code,
        nextAttemptAt: gaveUp ? Number.MAX_SAFE_INTEGER : this.#clock.now() + delay,
      },
      previous,
    );

    const context = { account: this.#account, cid: itemCid(item), attempt: item.attempts, code };

    if (gaveUp) this.#logger.error('voice message send gave up; it stays in the outbox', context);
    else this.#logger.warn('voice message send failed; retrying', { ...context, delayMs: delay });
  }

  async #save(item: OutboxRecord, previous: OutboxState | null): Promise<void> {
    await this.#store.tables.outbox.put(item);
    this.emit('itemChange', { item, previous });
  }

  async #scheduleNext(): Promise<void> {
    if (this.#disposed) return;

    const pending = (await this.list()).filter((item) => item.state === 'pending');

    if (pending.length === 0) return;

    const next = Math.min(...pending.map((item) => item.nextAttemptAt));

    this.#schedule(Math.max(0, next - this.#clock.now()));
  }

  #schedule(delayMs: number): void {
    if (this.#disposed) return;

    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);

    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      void this.processNow().catch((error: unknown) =>
        this.#logger.error('outbox pass failed', { account: this.#account, error }),
      );
    }, delayMs);
  }

  #assertLive(): void {
    if (this.#disposed) throw new StardustError('DISPOSED', 'This outbox was disposed.');
  }
}
