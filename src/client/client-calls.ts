/**
 * Builds the calls of a {@link StardustClient}: a `CallManager` over the client's signaling
 * connection and, when the wallet can sign transactions, a `CallChainRecorder` that records
 * each call on chain through the session proxy (default) or the wallet itself.
 */
import { CallChainRecorder } from '../call/call-chain.js';
import { CallManager } from '../call/call-manager.js';
import { CallMedia, type CallMediaOptions } from '../call/call-media.js';
import type { CallSessionMediaOptions } from '../call/call-session.js';
import { SignalingCallAdapter } from '../call/signaling-adapter.js';
import type { ChainClient } from '../chain/chain-client.js';
import { LazySessionProxy } from '../chain/lazy-session-proxy.js';
import type { TxSender } from '../chain/types.js';
import { WalletSender } from '../chain/wallet-sender.js';
import type { SignalingClient } from '../signaling/signaling-client.js';
import type { SessionSource } from '../wallet/session.js';
import type { WalletSigner } from '../wallet/wallet-signer.js';
import type { Logger } from './logger.js';

/** Mode of the chain writes that record a client's calls. */
export type CallChainWrites = 'session-proxy' | 'confirm-each' | 'off';

/** Options of `StardustClient.configureCalls`. Each has a documented default. */
export interface ClientCallsOptions {
  /**
   * `session-proxy` (default): the wallet authorizes the session key once, before the first
   * call, and calls are recorded without further prompts. `confirm-each`: the wallet signs
   * every `initiate_call`, `accept_call`, `reject_call` and `end_call`. `off`: signaling and
   * media only. A wallet that cannot sign transactions (a bare raw signer) means `off`.
   */
  chainWrites?: CallChainWrites;
  /** Planck the session proxy receives for fees; 0.1 DUST. */
  allowance?: bigint;
  /** Ring timeout in ms; the chain's `CallTimeout` (60 s) by default. */
  ringTimeoutMs?: number;
  /** Time from accept to connected media before the call ends with `network_error`; 30 s. */
  connectTimeoutMs?: number;
  /**
   * Media settings for every call. `iceServers` given here come before the TURN servers
   * the signaling server hands out in `AUTH_OK`.
   */
  media?: CallSessionMediaOptions;
}

/** The calls of one client: the manager and, when recording, its chain recorder. */
export interface ClientCalls {
  manager: CallManager;
  recorder: CallChainRecorder | null;
  dispose(): void;
}

/** Default allowance of the session proxy: 0.1 DUST (12 decimals), about ten calls of fees. */
export const DEFAULT_CALL_ALLOWANCE = 100_000_000_000n;

/** Builds the calls of a client; see {@link ClientCallsOptions}. */
export function createClientCalls(parts: {
  account: string;
  signaling: SignalingClient;
  chain: ChainClient;
  sessions: SessionSource;
  wallet: WalletSigner | undefined;
  options: ClientCallsOptions;
  logger: Logger;
}): ClientCalls {
  const { signaling, options } = parts;
  const adapter = new SignalingCallAdapter({
    signaling,
    account: parts.account,
    logger: parts.logger,
  });
  const configuredIce = options.media?.iceServers ?? [];
  const manager = new CallManager({
    signaling: adapter,
    ringTimeoutMs: options.ringTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    media: options.media,
    // TURN credentials come with AUTH_OK, so they are read when each call's media starts.
    createMedia: (media: CallMediaOptions) =>
      new CallMedia({ ...media, iceServers: [...configuredIce, ...signaling.iceServers] }),
    connect: () => signaling.connect(),
    logger: parts.logger,
  });
  const sender = chainSender(parts);
  const recorder =
    sender === null
      ? null
      : new CallChainRecorder({
          voiceCall: parts.chain.voiceCall,
          sender,
          chain: parts.chain,
          logger: parts.logger,
        });
  const detach = recorder?.attachManager(manager);

  return {
    manager,
    recorder,
    dispose() {
      detach?.();
      recorder?.dispose();
      manager.dispose();
      adapter.dispose();
    },
  };
}

function chainSender(parts: {
  chain: ChainClient;
  sessions: SessionSource;
  wallet: WalletSigner | undefined;
  options: ClientCallsOptions;
  logger: Logger;
}): TxSender | null {
  const mode = parts.options.chainWrites ?? 'session-proxy';

  if (mode === 'off' || parts.wallet === undefined) return null;

  if (mode === 'confirm-each') return new WalletSender(parts.chain, parts.wallet);

  return new LazySessionProxy({
    chain: parts.chain,
    sessions: parts.sessions,
    wallet: parts.wallet,
    allowance: parts.options.allowance ?? DEFAULT_CALL_ALLOWANCE,
    logger: parts.logger,
  });
}
