/**
 * Tracks one transaction from signing to finality: progress events with one context object,
 * and promises that settle on the stage a caller waits for.
 */
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableResult } from '@polkadot/api';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';
import type { Signer } from '@polkadot/types/types';

import type { Logger } from '../client/logger.js';
import type { StardustError } from '../shared/errors.js';
import { encodeAddress } from '../shared/ss58.js';
import type { WalletSigner } from '../wallet/wallet-signer.js';
import { ChainError, mapSubmitError } from './chain-error.js';
import { hex, toChainEvent } from './plain.js';
import type {
  ChainCall,
  ChainEvent,
  Hex,
  ModuleErrorInfo,
  SendOptions,
  TxProgress,
  TxResult,
  TxStage,
  TxWaitStage,
} from './types.js';

const STAGE_ORDER: Record<TxWaitStage, number> = { ready: 1, inBlock: 2, finalized: 3 };

/** Default mortality: 64 blocks, polkadot-js's own default period. */
const DEFAULT_MORTALITY = 64;

interface Waiter<T> {
  stage: TxWaitStage;
  resolve: (result: TxResult<T>) => void;
  reject: (error: StardustError) => void;
}

/**
 * One transaction in flight. Created by {@link ChainClient.submit}; listen with {@link on}
 * and await {@link settled}.
 */
export class TxTracker<T = undefined> {
  readonly call: string;
  #stage: TxStage | null = null;
  #txHash: Hex | null = null;
  #blockHash: Hex | null = null;
  #events: ChainEvent[] = [];
  #value: T | undefined;
  #error: StardustError | null = null;
  #listeners = new Set<(progress: TxProgress) => void>();
  #waiters: Array<Waiter<T>> = [];
  #cleanups: Array<() => void> = [];
  #logger: Logger;

  constructor(call: ChainCall<T>, logger: Logger) {
    this.call = call.name;
    this.#logger = logger;
  }

  /** The last stage reached, or null before signing starts. */
  get stage(): TxStage | null {
    return this.#stage;
  }

  /** The failure, once the stage is `failed`. */
  get error(): StardustError | null {
    return this.#error;
  }

  /** Calls `listener` with every progress event from now on; returns the unsubscribe. */
  on(_event: 'progress', listener: (progress: TxProgress) => void): () => void {
    this.#listeners.add(listener);

    return () => this.#listeners.delete(listener);
  }

  /**
   * Settles when the transaction reaches `stage` (`inBlock` by default), or rejects with a
   * typed error when it fails first (TX_FAILED or a mapped code, TX_INVALID, TX_DROPPED,
   * WALLET_REJECTED).
   */
  settled(stage: TxWaitStage = 'inBlock'): Promise<TxResult<T>> {
    return new Promise((resolve, reject) => {
      this.#waiters.push({ stage, resolve, reject });
      this.#flushWaiters();
    });
  }

  /** Signs and submits; called once by the chain client. */
  async start(
    connection: Promise<ApiPromise>,
    chainCall: ChainCall<T>,
    signer: WalletSigner,
    options: SendOptions,
    ss58Prefix: () => number,
  ): Promise<void> {
    this.#advance('signing');

    let api: ApiPromise;

    try {
      api = await connection;
    } catch (error) {
      this.#fail(mapSubmitError(this.call, error));

      return;
    }

    // A disconnection while the wallet still shows its prompt is not a drop yet: the
    // submission after signing succeeds once reconnected, or fails and is mapped below.
    // NOTE: a disconnection during the prompt itself is not covered by a test.
    let signed = false;
    const onDisconnect = () => {
      if (!signed) return;

      this.#fail(
        ChainError.dropped(this.call, 'the connection to the node was lost', this.#txHash),
      );
    };

    const extrinsicSigner = observeSigning(signer.extrinsicSigner, () => {
      signed = true;
    });

    api.on('disconnected', onDisconnect);
    this.#cleanups.push(() => api.off('disconnected', onDisconnect));

    try {
      // The chain's own prefix: some nodes (chopsticks) match pool entries by address text.
      const unsubscribe = await chainCall.extrinsic.signAndSend(
        encodeAddress(signer.account.publicKey, ss58Prefix()),
        {
          signer: extrinsicSigner,
          nonce: options.nonce ?? -1,
          era:
            options.mortalityBlocks === 'immortal'
              ? 0
              : (options.mortalityBlocks ?? DEFAULT_MORTALITY),
          tip: options.tip ?? 0n,
        },
        (result) => this.#onStatus(api, chainCall, result, ss58Prefix()),
      );

      if (this.#isFinal()) unsubscribe();
      else this.#cleanups.push(unsubscribe);
    } catch (error) {
      this.#fail(mapSubmitError(this.call, error));
    }
  }

  #onStatus(
    api: ApiPromise,
    chainCall: ChainCall<T>,
    result: SubmittableResult,
    ss58Prefix: number,
  ): void {
    const { status } = result;

    this.#txHash ??= hex(result.txHash);

    if (this.#isFinal()) return;

    if (status.isReady || status.isBroadcast || status.isFuture) {
      if (this.#stage === 'signing') this.#advance('ready');

      return;
    }

    if (status.isInBlock || status.isFinalized) {
      this.#onIncluded(api, chainCall, result, ss58Prefix, status.isFinalized);

      return;
    }

    if (status.isInvalid) {
      this.#fail(ChainError.poolRejected(this.call, 1010, 'the pool marked it invalid', undefined));

      return;
    }

    if (status.isDropped || status.isUsurped || status.isFinalityTimeout) {
      this.#fail(ChainError.dropped(this.call, `the node reported ${status.type}`, this.#txHash));
    }
  }

  #onIncluded(
    api: ApiPromise,
    chainCall: ChainCall<T>,
    result: SubmittableResult,
    ss58Prefix: number,
    finalized: boolean,
  ): void {
    const blockHash = hex(finalized ? result.status.asFinalized : result.status.asInBlock);

    if (this.#blockHash === null || this.#blockHash !== blockHash) {
      this.#blockHash = blockHash;
      this.#events = result.events.map((record) => toChainEvent(record.event, ss58Prefix));

      const failure = findDispatchFailure(api, result);

      if (failure !== null) {
        this.#fail(ChainError.dispatchFailed(this.call, failure, this.#txHash, blockHash));

        return;
      }

      try {
        this.#value = chainCall.decode(this.#events);
      } catch (error) {
        this.#logger.warn('could not decode the outcome of a transaction', {
          call: this.call,
          error: String(error),
        });
      }
    }

    if (this.#stage !== 'inBlock') this.#advance('inBlock');

    if (finalized) this.#advance('finalized');
  }

  #advance(stage: TxStage): void {
    const previous = this.#stage;

    this.#stage = stage;
    this.#emit(previous);
    this.#flushWaiters();

    if (this.#isFinal()) this.#cleanup();
  }

  #fail(error: StardustError): void {
    if (this.#isFinal()) return;

    this.#error = error;
    this.#logger.info('transaction failed', {
      call: this.call,
      code: error.code,
      tx: this.#txHash,
    });
    this.#advance('failed');
  }

  #emit(previous: TxStage | null): void {
    const progress: TxProgress = {
      stage: this.#stage!,
      previous,
      call: this.call,
      txHash: this.#txHash,
      blockHash: this.#blockHash,
      events: this.#events,
      error: this.#error,
    };

    for (const listener of this.#listeners) {
      try {
        listener(progress);
      } catch (error) {
        this.#logger.error('transaction progress listener threw', {
          call: this.call,
          error: String(error),
        });
      }
    }
  }

  #flushWaiters(): void {
    const reached =
      this.#stage === null || this.#stage === 'signing' || this.#stage === 'failed'
        ? 0
        : STAGE_ORDER[this.#stage];

    this.#waiters = this.#waiters.filter((waiter) => {
      if (this.#error !== null) {
        waiter.reject(this.#error);

        return false;
      }

      if (reached < STAGE_ORDER[waiter.stage]) return true;

      waiter.resolve({
        stage: waiter.stage,
        txHash: this.#txHash!,
        blockHash: waiter.stage === 'ready' ? null : this.#blockHash,
        events: this.#events,
        value: waiter.stage === 'ready' ? undefined : this.#value,
      });

      return false;
    });
  }

  #isFinal(): boolean {
    return this.#stage === 'finalized' || this.#stage === 'failed';
  }

  #cleanup(): void {
    for (const cleanup of this.#cleanups.splice(0)) {
      try {
        cleanup();
      } catch (error) {
        this.#logger.debug('transaction cleanup failed', { error: String(error) });
      }
    }
  }
}

/** Returns `signer` with `onSigned` called after each successful signature. */
function observeSigning(signer: Signer, onSigned: () => void): Signer {
  const observed: Signer = {};

  if (signer.signPayload !== undefined) {
    observed.signPayload = async (payload) => {
      const result = await signer.signPayload!(payload);

      onSigned();

      return result;
    };
  }

  if (signer.signRaw !== undefined) {
    observed.signRaw = async (payload) => {
      const result = await signer.signRaw!(payload);

      onSigned();

      return result;
    };
  }

  if (signer.update !== undefined) observed.update = (id, status) => signer.update!(id, status);

  return observed;
}

/**
 * Returns the module error of a failed dispatch, including the inner result of a proxied
 * call (`proxy.ProxyExecuted { result: Err }`) and an interrupted `utility.batch`, which the
 * outer extrinsic reports as a success.
 */
function findDispatchFailure(api: ApiPromise, result: SubmittableResult): ModuleErrorInfo | null {
  if (result.dispatchError !== undefined) return decodeDispatchError(api, result.dispatchError);

  for (const { event } of result.events as EventRecord[]) {
    if (api.events.proxy?.ProxyExecuted?.is(event)) {
      const inner = event.data[0] as unknown as { isErr: boolean; asErr: DispatchError };

      if (inner.isErr) return decodeDispatchError(api, inner.asErr);
    }

    if (api.events.utility?.BatchInterrupted?.is(event)) {
      return decodeDispatchError(api, event.data[1] as unknown as DispatchError);
    }
  }

  return null;
}

/** Decodes a DispatchError to pallet, name and docs through the chain metadata. */
export function decodeDispatchError(api: ApiPromise, error: DispatchError): ModuleErrorInfo {
  if (error.isModule) {
    try {
      const meta = api.registry.findMetaError(error.asModule);

      return { pallet: meta.section, name: meta.name, docs: meta.docs.join(' ').trim() };
    } catch {
      return { pallet: 'unknown', name: error.asModule.toString(), docs: '' };
    }
  }

  const inner = (error as unknown as { value?: { type?: string } }).value;
  const variant = typeof inner?.type === 'string' ? inner.type : undefined;
  const name = variant === undefined ? error.type : `${error.type}.${variant}`;

  return {
    pallet: 'dispatch',
    name,
    docs: DISPATCH_ERROR_DOCS[name] ?? DISPATCH_ERROR_DOCS[error.type] ?? '',
  };
}

/** Docs of `sp_runtime::DispatchError` variants, which carry none in the metadata. */
const DISPATCH_ERROR_DOCS: Readonly<Record<string, string>> = {
  BadOrigin: 'The origin of the call is not allowed to make it.',
  CannotLookup: 'An account lookup failed.',
  Arithmetic: 'An arithmetic overflow, underflow or division by zero.',
  Token: 'A token operation failed.',
  'Token.FundsUnavailable': 'Funds are unavailable: the account cannot spend this much.',
  'Token.OnlyProvider': 'The account would be reaped while other state depends on it.',
  'Token.BelowMinimum': 'The account would fall below the existential deposit.',
  'Token.CannotCreate': 'The account cannot be created.',
  'Token.Frozen': 'The funds are frozen.',
  ConsumerRemaining: 'The account cannot be removed while other state depends on it.',
  NoProviders: 'The account has no providers, so it cannot exist.',
  TooManyConsumers: 'Too many consumers depend on the account.',
  Exhausted: 'Resources were exhausted, such as the block weight.',
  Corruption: 'The state is corrupt.',
  Unavailable: 'A resource is not available right now.',
};
