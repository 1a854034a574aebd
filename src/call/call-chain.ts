import type { AccountBalance } from '../chain/pallets/balances.js';
import {
  toCallEndReason,
  type CallEnded,
  type RejectReason as ChainRejectReason,
} from '../chain/pallets/voice-call.js';
import type { BlockEvents } from '../chain/chain-client.js';
import type { CallRecord as ChainCallRecord } from '../chain/pallets/voice-call.js';
import type { ChainCall, ChainEvent, Hex, TxResult, TxSender } from '../chain/types.js';
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { sameAccount } from '../shared/ss58.js';
import type { CallSession, CallStateContext } from './call-session.js';
import { systemClock, type Clock } from './clock.js';
import { Emitter } from './emitter.js';
import type { RejectReason } from './signals.js';

/** The VoiceCall calls the recorder submits (`ChainClient.voiceCall` has them). */
export interface VoiceCallCalls {
  initiateCall(callee: string, callType?: 'Audio' | 'Video'): Promise<ChainCall<{ callId: Hex }>>;
  acceptCall(callId: string): Promise<ChainCall>;
  rejectCall(callId: string, reason: ChainRejectReason): Promise<ChainCall<CallEnded | null>>;
  endCall(callId: string): Promise<ChainCall<CallEnded | null>>;
}

/** Options of {@link CallChainRecorder}. */
export interface CallChainRecorderOptions {
  voiceCall: VoiceCallCalls;
  /** Signs and submits: a `SessionProxy` (no prompts) or a `WalletSender` (one each). */
  sender: TxSender;
  /**
   * Waits between retries of a transaction the chain could not take (unreachable node,
   * dropped transaction), in ms. Default 2 s, 5 s, 10 s, 30 s, then 60 s for each later try.
   */
  retryDelaysMs?: readonly number[];
  /**
   * Chain reads for the side that did not end a call, to learn its outcome: the `CallEnded` event (and
   * this account's `RewardPaid` in the same block), or the account's `CallHistory` record
   * when the event passed before the call ended here. `ChainClient` fits. Without it only
   * the side that submits the end learns the settlement.
   */
  chain?: CallOutcomeSource;
  /** How long the other side's settlement is awaited after the call ended here; 10 min. */
  outcomeTimeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
}

/**
 * The settlement of a call: `CallEnded`'s fields. `reason` is null when the settlement was
 * read from `CallHistory`, which does not store it.
 */
export type CallSettlement = Omit<CallEnded, 'reason'> & { reason: CallEnded['reason'] | null };

/** Chain reads for the outcome of a call that the other party ended. */
export interface CallOutcomeSource {
  subscribeEvents(listener: (context: BlockEvents) => void): Promise<() => void>;
  voiceCall: {
    activeCall(callId: string): Promise<ChainCallRecord | null>;
    callHistory(account: string): Promise<ChainCallRecord[]>;
    /** `UserCurrentCall`, which shows whether a dropped `initiate_call` landed. */
    currentCall?(account: string): Promise<Hex | null>;
  };
}

/** The chain side of one call, as the recorder tracks it. */
export interface CallChainRecord {
  /** The signaling call id. */
  callId: string;
  chainCallId: Hex | null;
  /** True while a transaction waits to be retried because the chain was unreachable. */
  pending: boolean;
  /** Transactions that reached finality, by action. */
  finalized: Array<'initiate' | 'accept' | 'reject' | 'end'>;
  /**
   * The settlement from `CallEnded`: from the end this side submitted, or, with the `chain`
   * option, from the other side's end or the settler's.
   */
  ended: CallSettlement | null;
  /** Mining reward paid to the local account in the ending block, in planck. */
  reward: bigint;
  /** The last chain failure, or null. */
  error: StardustError | null;
}

/**
 * How the chain record of an ended call concluded, from this side:
 * - `settled`: the call's `CallEnded` is in a block (from this side's final `end_call` or
 *   `reject_call`, the other side's, the settler's, or the chain's own timeout), and
 *   `record.ended` holds it;
 * - `failed`: the transaction that was to settle the call was refused, and `error` has
 *   its code;
 * - `none`: there is nothing to settle here, because the call never got a chain call id,
 *   a chain rejection ended it, or another tab of this account answered it;
 * - `unknown`: the other side's settlement did not arrive within `outcomeTimeoutMs`, or
 *   the recorder has no chain reads to learn it.
 */
export type CallChainOutcomeStatus = 'settled' | 'failed' | 'none' | 'unknown';

/** Detail of the recorder's `outcome` event. */
export interface CallChainOutcome {
  session: CallSession;
  /** A copy of the call's record at that moment. */
  record: CallChainRecord;
  status: CallChainOutcomeStatus;
  /** The rejection behind a `failed` outcome, else null. */
  error: StardustError | null;
}

/** Events of {@link CallChainRecorder}. */
export interface CallChainRecorderEvents extends Record<string, unknown> {
  /** The chain record of a call changed. */
  record: CallChainRecord;
  /**
   * The chain record of an ended call concluded. Emitted once per attached call, after
   * its session ended, unless the recorder was disposed first.
   */
  outcome: CallChainOutcome;
}

type Action = 'initiate' | 'accept' | 'reject' | 'end';

/** Chain refusals that end the call they belong to. */
const ENDING_CODES = new Set(['CALL_INSUFFICIENT_BALANCE', 'CALL_CHAIN_BUSY', 'CALL_BLOCKED']);
/** Failures after which the same transaction is tried again later. */
const RETRY_CODES = new Set(['CHAIN_UNREACHABLE', 'TX_DROPPED']);
const DEFAULT_RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000, 60_000];
const CHAIN_REJECT: Record<RejectReason, ChainRejectReason> = {
  busy: 'Busy',
  decline: 'Decline',
  timeout: 'Timeout',
  offline: 'Offline',
};

/**
 * Records calls on chain alongside signaling: `initiate_call` once the server rang the callee,
 * `accept_call` once the callee accepted and the chain call exists, `reject_call` and
 * `end_call` from the side that ends it. Each is tracked to finality. The call never waits
 * for a block: a refusal (`CALL_INSUFFICIENT_BALANCE`, `CALL_CHAIN_BUSY`, `CALL_BLOCKED`)
 * ends it, an unreachable chain marks the record pending and retries.
 */
export class CallChainRecorder extends Emitter<CallChainRecorderEvents> {
  readonly #options: CallChainRecorderOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #records = new Map<CallSession, CallChainRecord>();
  readonly #timers = new Set<unknown>();
  #disposed = false;

  constructor(options: CallChainRecorderOptions) {
    super();
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? silentLogger;
  }

  /** The chain record of `session`, or null when it is not attached. */
  record(session: CallSession): CallChainRecord | null {
    return this.#records.get(session) ?? null;
  }

  /** Records `session` on chain from now on; returns the function that detaches it. */
  attach(session: CallSession): () => void {
    const record: CallChainRecord = {
      callId: session.callId,
      chainCallId: session.chainCallId,
      pending: false,
      finalized: [],
      ended: null,
      reward: 0n,
      error: null,
    };
    let initiating: Promise<void> | null = null;
    let ownChainCallId: Hex | null = null;
    let withdrawn = false;
    let acceptWanted = false;
    const accept = () => {
      if (!acceptWanted || record.chainCallId === null) return;

      acceptWanted = false;
      void this.#submit(session, record, 'accept', () =>
        this.#options.voiceCall.acceptCall(record.chainCallId!),
      );
    };

    const endOwn = (chainCallId: Hex) =>
      void this.#submit(session, record, 'end', () => this.#options.voiceCall.endCall(chainCallId));

    this.#records.set(session, record);

    // initiate_call waits until the server rang the callee, so a caller pays no fee (and
    // keeps no call open on chain) when the callee is offline or busy.
    const offInvite = session.on('inviteDelivered', () => {
      if (withdrawn || initiating !== null || session.state === 'ended') return;

      initiating = this.#initiate(session, record).then(async (chainCallId) => {
        ownChainCallId = chainCallId;

        if (chainCallId === null) return;

        // Withdrawn in glare while initiate_call was in flight: end it at once.
        if (withdrawn) {
          endOwn(chainCallId);

          return;
        }

        record.chainCallId = chainCallId;

        if (session.state !== 'ended') await session.linkChainCall(chainCallId);
      });
    });
    const offState = session.on('stateChange', (context) => {
      if (context.state === 'connecting' && context.direction === 'incoming') {
        acceptWanted = true;
        accept();
      } else if (context.state === 'ended') {
        void this.#concludeEnded(session, record, context, withdrawn ? null : initiating);
      }
    });
    const offLink = session.on('chainLink', ({ chainCallId }) => {
      if (session.currentDirection === 'incoming') record.chainCallId = chainCallId;

      this.emit('record', { ...record });
      accept();
    });
    const offWithdrawn = session.on('withdrawn', () => {
      // Glare: our invite gave way, so our own chain call (if any) ends, and the record
      // now follows the peer's call, whose id arrives by CALL_CHAIN_LINK.
      withdrawn = true;
      record.callId = session.callId;
      record.chainCallId = null;

      if (ownChainCallId !== null) endOwn(ownChainCallId);
    });

    return () => {
      offInvite();
      offState();
      offLink();
      offWithdrawn();
      this.#records.delete(session);
    };
  }

  /** Records every call `manager` creates from now on; returns the function that stops it. */
  attachManager(manager: {
    on(event: 'session', listener: (context: { session: CallSession }) => void): () => void;
  }): () => void {
    return manager.on('session', ({ session }) => {
      const detach = this.attach(session);

      // Keep the record until its last transaction settles; detach only on dispose.
      void detach;
    });
  }

  /** Stops retries and drops every record. */
  dispose(): void {
    this.#disposed = true;

    for (const timer of this.#timers) this.#clock.clearTimeout(timer);

    this.#timers.clear();
    this.#records.clear();
    this.removeAllListeners();
  }

  async #initiate(session: CallSession, record: CallChainRecord): Promise<Hex | null> {
    const result = await this.#submit(session, record, 'initiate', () =>
      this.#options.voiceCall.initiateCall(session.peer, 'Audio'),
    );

    return result?.value?.callId ?? null;
  }

  /** Settles an ended call on chain, then emits its `outcome` once. */
  async #concludeEnded(
    session: CallSession,
    record: CallChainRecord,
    context: CallStateContext,
    initiating: Promise<void> | null,
  ): Promise<void> {
    let outcome: Pick<CallChainOutcome, 'status' | 'error'>;

    try {
      outcome = await this.#onEnded(session, record, context, initiating);
    } catch (error) {
      this.#logger.warn('settling a call failed', { callId: record.callId, error: String(error) });
      outcome = { status: 'unknown', error: null };
    }

    if (this.#disposed) return;

    this.emit('outcome', { session, record: { ...record }, ...outcome });
  }

  async #onEnded(
    session: CallSession,
    record: CallChainRecord,
    context: CallStateContext,
    initiating: Promise<void> | null,
  ): Promise<Pick<CallChainOutcome, 'status' | 'error'>> {
    if (context.endedBy !== 'local') {
      if (context.answeredElsewhere) return { status: 'none', error: null };

      await this.#awaitOutcome(record, initiating);

      return this.#outcomeOf(record);
    }

    // A chain refusal already ended the call on chain, or never started it.
    if (context.error !== null && ENDING_CODES.has(context.error.code)) {
      return { status: 'none', error: null };
    }

    if (initiating !== null) await initiating;

    const chainCallId = record.chainCallId;

    if (chainCallId === null) return { status: 'none', error: null };

    const result =
      context.reason === 'rejected' && context.direction === 'incoming'
        ? await this.#submit(session, record, 'reject', () =>
            this.#options.voiceCall.rejectCall(
              chainCallId,
              CHAIN_REJECT[context.rejectReason ?? 'decline'],
            ),
          )
        : await this.#submit(session, record, 'end', () =>
            this.#options.voiceCall.endCall(chainCallId),
          );

    if (result !== null || record.ended !== null) return this.#outcomeOf(record);

    const rejection = record.error;

    // CALL_NOT_FOUND: the call already ended on chain (the other party's end landed first,
    // or the chain's own timeout ended it), so its CallHistory record contains the settlement.
    if (rejection?.code === 'CALL_NOT_FOUND') await this.#readSettledHistory(record);

    if (record.ended !== null || rejection === null) return this.#outcomeOf(record);

    return { status: 'failed', error: rejection };
  }

  #outcomeOf(record: CallChainRecord): Pick<CallChainOutcome, 'status' | 'error'> {
    if (record.ended !== null) return { status: 'settled', error: null };

    return { status: record.chainCallId === null ? 'none' : 'unknown', error: null };
  }

  /** Reads this account's `CallHistory` for the settlement of a call that already ended. */
  async #readSettledHistory(record: CallChainRecord): Promise<void> {
    const chain = this.#options.chain;

    if (chain === undefined) return;

    try {
      this.#readHistory(record, await chain.voiceCall.callHistory(this.#options.sender.account));
    } catch (error) {
      this.#logger.warn('reading the history of an ended call failed', {
        callId: record.callId,
        error: String(error),
      });
    }
  }

  /**
   * Waits for the settlement of a call the other party (or the settler) ended: the
   * `CallEnded` event of its chain call id and this account's reward in that block. When
   * the call is no longer active by the time the subscription starts, the account's
   * `CallHistory` record gives duration and fee (the reward is then not known).
   */
  async #awaitOutcome(record: CallChainRecord, initiating: Promise<void> | null): Promise<void> {
    const chain = this.#options.chain;

    if (chain === undefined) return;

    if (initiating !== null) await initiating;

    const chainCallId = record.chainCallId;

    if (chainCallId === null || record.ended !== null) return;

    let stop: (() => void) | undefined;
    const settled = new Promise<void>((resolve) => {
      const timer = this.#clock.setTimeout(resolve, this.#options.outcomeTimeoutMs ?? 600_000);

      this.#timers.add(timer);
      stop = () => {
        this.#clock.clearTimeout(timer);
        this.#timers.delete(timer);
        resolve();
      };
    });

    try {
      const unsubscribe = await chain.subscribeEvents(({ events }) => {
        const ended = events.some(
          (event) =>
            event.pallet === 'voiceCall' &&
            event.name === 'CallEnded' &&
            event.fields['callId'] === chainCallId,
        );

        if (!ended || record.ended !== null) return;

        this.#readOutcome(record, events);
        this.emit('record', { ...record });
        stop?.();
      });

      void settled.then(unsubscribe);

      if ((await chain.voiceCall.activeCall(chainCallId)) === null && record.ended === null) {
        this.#readHistory(record, await chain.voiceCall.callHistory(this.#options.sender.account));
        stop?.();
      }
    } catch (error) {
      this.#logger.warn('reading the outcome of a call failed', {
        callId: record.callId,
        error: String(error),
      });
      stop?.();
    }

    await settled;
  }

  #readHistory(record: CallChainRecord, history: readonly ChainCallRecord[]): void {
    const entry = history.find((item) => item.callId === record.chainCallId);

    if (entry === undefined || record.ended !== null) return;

    record.ended = {
      callId: entry.callId,
      duration: entry.duration,
      fee: entry.feePaid,
      reason: null,
    };
    this.emit('record', { ...record });
  }

  /**
   * Submits one call to finality. While the chain is unreachable the record is pending and
   * the same call is tried again after each retry delay; resolves with the final result, or
   * null when the chain refused it.
   */
  async #submit<T>(
    session: CallSession,
    record: CallChainRecord,
    action: Action,
    build: () => Promise<ChainCall<T>>,
  ): Promise<TxResult<T> | null> {
    const delays = this.#options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    let dropped: StardustError | null = null;

    for (let attempt = 0; !this.#disposed; attempt += 1) {
      // A dropped transaction may be in a block: sent again, the chain refuses it (and a
      // second initiate_call would end the call as busy), so look at the chain state first.
      const landed = dropped === null ? null : await this.#landed(session, record, action, dropped);

      if (landed !== null) {
        record.pending = false;
        record.finalized.push(action);
        this.emit('record', { ...record });
        this.#logger.info('a dropped call transaction had landed', {
          callId: record.callId,
          action,
        });

        return landed as TxResult<T>;
      }

      try {
        const result = await this.#options.sender.send(await build(), { waitFor: 'finalized' });

        record.pending = false;
        record.finalized.push(action);
        this.#readOutcome(record, result.events);
        this.emit('record', { ...record });

        return result;
      } catch (error) {
        const wrapped = StardustError.from(error, 'TX_FAILED', `voiceCall ${action} failed.`);

        record.error = wrapped;

        if (!RETRY_CODES.has(wrapped.code)) {
          record.pending = false;
          this.#onRefused(session, record, action, wrapped);

          return null;
        }

        dropped = wrapped.code === 'TX_DROPPED' ? wrapped : null;

        const delay = delays[Math.min(attempt, delays.length - 1)] ?? 60_000;

        record.pending = true;
        this.emit('record', { ...record });
        this.#logger.warn('chain unreachable: the call record is pending', {
          callId: record.callId,
          action,
          retryInMs: delay,
        });
        await this.#wait(delay);
      }
    }

    return null;
  }

  /**
   * Returns the result of a dropped `action` that the chain state shows landed, or null when
   * it did not (or without chain reads). An end or reject landed when the call is no longer
   * active; its settlement then comes from `CallHistory`, without reason or reward.
   */
  async #landed(
    session: CallSession,
    record: CallChainRecord,
    action: Action,
    dropped: StardustError,
  ): Promise<TxResult<unknown> | null> {
    const chain = this.#options.chain;
    const account = this.#options.sender.account;
    const result = (value: unknown): TxResult<unknown> => ({
      stage: 'finalized',
      txHash: (dropped as StardustError & { txHash?: Hex | null }).txHash ?? '0x',
      blockHash: null,
      events: [],
      value,
    });

    if (chain === undefined) return null;

    try {
      if (action === 'initiate') {
        const current = (await chain.voiceCall.currentCall?.(account)) ?? null;
        const call = current === null ? null : await chain.voiceCall.activeCall(current);

        return call !== null && sameAccount(call.callee, session.peer)
          ? result({ callId: call.callId })
          : null;
      }

      if (record.chainCallId === null) return null;

      const call = await chain.voiceCall.activeCall(record.chainCallId);

      if (action === 'accept')
        return call !== null && call.state !== 'Ringing' ? result(undefined) : null;

      if (call !== null) return null;

      this.#readHistory(record, await chain.voiceCall.callHistory(account));

      return result(undefined);
    } catch (error) {
      this.#logger.warn('reading whether a dropped call transaction landed failed', {
        callId: record.callId,
        action,
        error: String(error),
      });

      return null;
    }
  }

  #onRefused(
    session: CallSession,
    record: CallChainRecord,
    action: Action,
    error: StardustError,
  ): void {
    const context = { callId: record.callId, action, code: error.code };

    if (ENDING_CODES.has(error.code) && (action === 'initiate' || action === 'accept')) {
      this.#logger.warn('the chain rejected the call', context);
      session.failFromChain(error);
    } else {
      this.#logger.warn('a call transaction failed', context);
    }

    this.emit('record', { ...record });
  }

  #wait(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.#clock.setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, delayMs);

      this.#timers.add(timer);
    });
  }

  #readOutcome(record: CallChainRecord, events: readonly ChainEvent[]): void {
    const account = this.#options.sender.account;

    for (const event of events) {
      if (event.pallet === 'voiceCall' && event.name === 'CallEnded') {
        record.ended = {
          callId: event.fields['callId'] as Hex,
          duration: Number(event.fields['duration']),
          fee: BigInt(event.fields['fee'] as bigint),
          reason: toCallEndReason(event.fields['reason']!),
        };
      }

      if (
        event.pallet === 'voiceMining' &&
        event.name === 'RewardPaid' &&
        typeof event.fields['who'] === 'string' &&
        sameAccount(event.fields['who'], account)
      ) {
        record.reward += BigInt(event.fields['amount'] as bigint);
      }
    }
  }
}

/** The price of a call before it starts: the fee per started minute and the caller's funds. */
export interface CallCosts {
  /** Planck per started minute (`CallFeePerMinute`). */
  feePerMinute: bigint;
  balance: AccountBalance;
}

/** Reads the fee per minute and `account`'s balance, to show before a call. */
export async function readCallCosts(
  chain: {
    voiceCall: { constants(): Promise<{ callFeePerMinute: bigint }> };
    balances: { account(address: string): Promise<AccountBalance> };
  },
  account: string,
): Promise<CallCosts> {
  const [constants, balance] = await Promise.all([
    chain.voiceCall.constants(),
    chain.balances.account(account),
  ]);

  return { feePerMinute: constants.callFeePerMinute, balance };
}
