/**
 * The built-in {@link CallSettler}: the signaling operator's `CallSettler` account submits
 * `voiceCall.settle_call` for calls that ended at signaling but are still active on chain,
 * because no party submitted `end_call` (both vanished, or their end never reached the
 * chain). The duration is the one the server observed from accept to end; the pallet caps
 * it by its own clock since `accept_call` and by `MaxCallDuration`.
 */
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Logger } from 'pino';

import type { CallSettler, EndedCall } from './settler.js';

/** Options of {@link ChainCallSettler.start}. */
export interface ChainCallSettlerOptions {
  /** WebSocket URL of the chain node, such as `ws://127.0.0.1:9944`. */
  chainUrl: string;
  /** Secret URI of the sr25519 `CallSettler` account, such as `//CallSettler` on the devnet. */
  seed: string;
  /**
   * Time after a hang up, cancel, reject or busy before the call is checked on chain; the
   * parties' own `end_call` usually lands first. Calls whose parties vanished are checked
   * at once. In ms; 30 s.
   */
  graceMs?: number;
  logger: Logger;
}

/** The result of one settlement attempt, for tests and logs. */
export interface SettlementOutcome {
  callId: string;
  chainCallId: string;
  /** `settled`, or why nothing was submitted. */
  outcome: 'settled' | 'not-active' | 'failed';
  /** Seconds submitted as `observed_duration`. */
  observedSeconds: number;
}

/**
 * Settles calls with `settle_call` from the `CallSettler` account. Submissions run one at a
 * time, so the account's nonces never collide.
 */
export class ChainCallSettler implements CallSettler {
  readonly address: string;
  readonly #api: ApiPromise;
  readonly #pair: KeyringPair;
  readonly #graceMs: number;
  readonly #logger: Logger;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #listeners = new Set<(outcome: SettlementOutcome) => void>();
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  private constructor(api: ApiPromise, pair: KeyringPair, options: ChainCallSettlerOptions) {
    this.#api = api;
    this.#pair = pair;
    this.address = pair.address;
    this.#graceMs = options.graceMs ?? 30_000;
    this.#logger = options.logger;
  }

  /**
   * Connects to the chain and loads the settler key.
   * @throws Error when the chain cannot be reached or has no `voiceCall.settleCall`.
   */
  static async start(options: ChainCallSettlerOptions): Promise<ChainCallSettler> {
    const [{ ApiPromise, WsProvider }, { Keyring }, { cryptoWaitReady }] = await Promise.all([
      import('@polkadot/api'),
      import('@polkadot/keyring'),
      import('@polkadot/util-crypto'),
    ]);

    await cryptoWaitReady();

    const api = await ApiPromise.create({
      provider: new WsProvider(options.chainUrl),
      noInitWarn: true,
    });

    if (api.tx.voiceCall?.settleCall === undefined) {
      await api.disconnect();
      throw new Error(`The chain at ${options.chainUrl} has no voiceCall.settleCall.`);
    }

    const pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(options.seed);

    return new ChainCallSettler(api, pair, options);
  }

  /** Calls `listener` after each settlement attempt; returns the unsubscribe. */
  onSettlement(listener: (outcome: SettlementOutcome) => void): () => void {
    this.#listeners.add(listener);

    return () => this.#listeners.delete(listener);
  }

  callEnded(call: EndedCall): void {
    if (this.#closed || call.chainCallId === undefined) return;

    const chainCallId = call.chainCallId;
    const delayMs = call.reason === 'vanished' ? 0 : this.#graceMs;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#queue = this.#queue.then(() => this.#settle(call, chainCallId));
    }, delayMs);

    timer.unref();
    this.#timers.add(timer);
  }

  /** Stops pending settlements and disconnects from the chain. */
  async close(): Promise<void> {
    this.#closed = true;

    for (const timer of this.#timers) clearTimeout(timer);

    this.#timers.clear();
    await this.#queue;
    await this.#api.disconnect();
  }

  async #settle(call: EndedCall, chainCallId: string): Promise<void> {
    if (this.#closed) return;

    const observedSeconds = Math.floor(call.durationMs / 1000);
    const report = (outcome: SettlementOutcome['outcome']) => {
      for (const listener of this.#listeners)
        listener({ callId: call.callId, chainCallId, outcome, observedSeconds });
    };

    try {
      const active = await this.#api.query.voiceCall!.activeCalls!(chainCallId);

      if ((active as unknown as { isNone: boolean }).isNone) {
        report('not-active');

        return;
      }

      await this.#submit(chainCallId, observedSeconds);
      this.#logger.info(
        { call: call.callId, chainCallId, observedSeconds, reason: call.reason },
        'settled a call on chain',
      );
      report('settled');
    } catch (error) {
      this.#logger.error(
        { err: error, call: call.callId, chainCallId },
        'settle_call failed; the chain ends the call at MaxCallDuration',
      );
      report('failed');
    }
  }

  /** Submits `settle_call` and resolves once it is in a block without a dispatch error. */
  #submit(chainCallId: string, observedSeconds: number): Promise<void> {
    const tx = this.#api.tx.voiceCall!.settleCall!(chainCallId, observedSeconds);

    return new Promise((resolve, reject) => {
      let unsubscribe: (() => void) | undefined;
      let done = false;
      const finish = (error?: Error) => {
        if (done) return;

        done = true;
        unsubscribe?.();

        if (error === undefined) resolve();
        else reject(error);
      };

      tx.signAndSend(this.#pair, { nonce: -1 }, (result) => {
        if (result.dispatchError !== undefined) {
          finish(new Error(`settle_call failed: ${result.dispatchError.toString()}`));
        } else if (result.status.isInBlock || result.status.isFinalized) {
          finish();
        } else if (result.isError) {
          finish(new Error(`settle_call was not included: ${result.status.type}`));
        }
      })
        .then((off) => {
          unsubscribe = off;

          // The result may have come before the subscription handle.
          if (done) off();
        })
        .catch((error: unknown) => finish(error as Error));
    });
  }
}
