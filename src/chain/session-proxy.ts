/**
 * The session proxy: one wallet prompt per session for chain writes. The wallet authorizes
 * the session key's Ed25519 account as a `Voice` proxy and funds it with an allowance. The
 * session account then submits voice calls as `proxy.proxy(real, None, call)` with no
 * prompt. On logout it removes the proxy and sweeps what is left back to the wallet.
 */
import { silentLogger, type Logger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { encodeAddress, sameAccount } from '../shared/ss58.js';
import { createPayloadSigner } from '../wallet/payload-signer.js';
import type { WalletSigner } from '../wallet/wallet-signer.js';
import type { ChainClient } from './chain-client.js';
import { findEvent } from './pallets/pallet.js';
import { asBigInt } from './pallets/convert.js';
import type { TxTracker } from './tx-tracker.js';
import type { ChainCall, SendOptions, TxResult, TxSender } from './types.js';

/**
 * An Ed25519 key that signs without exposing its private half, such as the signaling
 * session key (a non-extractable WebCrypto key).
 */
export interface Ed25519SessionKey {
  /** The 32-byte public key; its SS58 form is the session account. */
  readonly publicKey: Uint8Array;
  /** Returns the 64-byte Ed25519 signature of `message`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** Options of {@link SessionProxy}. */
export interface SessionProxyOptions {
  client: ChainClient;
  /** The user's wallet account, which authorizes the proxy and receives the leftover. */
  wallet: WalletSigner;
  sessionKey: Ed25519SessionKey;
  /** Planck moved to the session account for fees; at least the existential deposit. */
  allowance: bigint;
  /** Proxy type to authorize; `Voice` by default (Chat, Contacts, VoiceCall, VoiceRoom only). */
  proxyType?: string;
  logger?: Logger;
}

/** Returns a {@link WalletSigner} that signs with an Ed25519 session key, without prompts. */
export function sessionKeySigner(key: Ed25519SessionKey): WalletSigner {
  if (!(key?.publicKey instanceof Uint8Array) || key.publicKey.length !== 32) {
    throw new TypeError('A session key needs a 32-byte Ed25519 public key.');
  }

  const publicKey = key.publicKey.slice();
  const sign = (message: Uint8Array) => key.sign(message);

  return {
    kind: 'session-key',
    source: 'session-key',
    account: { address: encodeAddress(publicKey), publicKey, keyType: 'ed25519' },
    async signRaw(message) {
      return { signature: await sign(message), form: 'raw', keyType: 'ed25519' };
    },
    extrinsicSigner: createPayloadSigner('ed25519', sign),
  };
}

/**
 * Wraps a WebCrypto Ed25519 key pair (the private key may be non-extractable) as an
 * {@link Ed25519SessionKey}.
 */
export async function webCryptoSessionKey(keyPair: CryptoKeyPair): Promise<Ed25519SessionKey> {
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', keyPair.publicKey));

  return {
    publicKey,
    async sign(message) {
      return new Uint8Array(
        await crypto.subtle.sign('Ed25519', keyPair.privateKey, message as Uint8Array<ArrayBuffer>),
      );
    },
  };
}

/**
 * Chain writes of one session through a proxy account. `send` never prompts once
 * {@link authorize} has run; calls outside the proxy type (balance transfers) must go
 * through a {@link WalletSender} instead, and the chain refuses them here.
 */
export class SessionProxy implements TxSender {
  /** The session account's signer; the same key can sign signaling messages. */
  readonly sessionSigner: WalletSigner;
  readonly proxyType: string;
  #client: ChainClient;
  #wallet: WalletSigner;
  #allowance: bigint;
  #logger: Logger;

  /** @throws RangeError when the allowance is not a positive bigint. */
  constructor(options: SessionProxyOptions) {
    if (typeof options.allowance !== 'bigint' || options.allowance <= 0n) {
      throw new RangeError('SessionProxy needs a positive bigint allowance in planck.');
    }

    this.#client = options.client;
    this.#wallet = options.wallet;
    this.#allowance = options.allowance;
    this.#logger = options.logger ?? silentLogger;
    this.proxyType = options.proxyType ?? 'Voice';
    this.sessionSigner = sessionKeySigner(options.sessionKey);
  }

  /** SS58 address of the real (wallet) account the calls act for. */
  get account(): string {
    return this.#wallet.account.address;
  }

  /** SS58 address of the session account that signs and pays fees. */
  get sessionAccount(): string {
    return this.sessionSigner.account.address;
  }

  /**
   * Asks the wallet once to sign `utility.batchAll([proxy.addProxy(session, type, 0),
   * balances.transferKeepAlive(session, allowance)])`.
   * @throws StardustError INVALID_ARGUMENT when the allowance is below the existential
   * deposit; WalletError WALLET_REJECTED when the user refuses; TX_INVALID or TX_FAILED
   * (such as `balances.InsufficientBalance`) when the chain does.
   */
  async authorize(options: SendOptions = {}): Promise<TxResult<unknown[]>> {
    const { proxy, balances, utility } = this.#client;
    const existentialDeposit = await balances.existentialDeposit();

    if (this.#allowance < existentialDeposit) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        `Invalid allowance ${this.#allowance}: the session account needs at least the existential deposit of ${existentialDeposit} planck.`,
      );
    }

    const batch = await utility.batchAll([
      await proxy.addProxy(this.sessionAccount, this.proxyType, 0),
      await balances.transferKeepAlive(this.sessionAccount, this.#allowance),
    ]);
    const result = await this.#client.send(batch, this.#wallet, options);

    this.#logger.info('session proxy authorized', {
      account: this.account,
      session: this.sessionAccount,
      allowance: this.#allowance.toString(),
    });

    return result;
  }

  /** Returns true when the chain lists the session account as a proxy of this type. */
  async isAuthorized(): Promise<boolean> {
    const { proxies } = await this.#client.proxy.proxies(this.account);

    return proxies.some(
      (entry) =>
        entry.proxyType === this.proxyType && sameAccount(entry.delegate, this.sessionAccount),
    );
  }

  /** Returns what is left of the allowance, in planck. */
  async sessionBalance(): Promise<bigint> {
    return (await this.#client.balances.account(this.sessionAccount)).free;
  }

  /**
   * Submits `call` as `proxy.proxy(real, None, call)` signed by the session key: no wallet
   * prompt. A call the proxy type forbids fails with TX_FAILED (`system.CallFiltered`).
   */
  async send<T>(call: ChainCall<T>, options: SendOptions = {}): Promise<TxResult<T>> {
    const wrapped = await this.#client.proxy.proxy(this.account, null, call);

    return this.#client.send(wrapped, this.sessionSigner, options);
  }

  /** Like {@link send}, but returns the tracker of the proxied transaction. */
  async submit<T>(call: ChainCall<T>, options: SendOptions = {}): Promise<TxTracker<T>> {
    const wrapped = await this.#client.proxy.proxy(this.account, null, call);

    return this.#client.submit(wrapped, this.sessionSigner, options);
  }

  /**
   * Ends the session on chain without a prompt: the session account removes itself as a
   * proxy (`proxy.proxy(real, type, proxy.removeProxy(session, type, 0))`) and then sends
   * everything left to the wallet account with its own `balances.transferAll(real, false)`.
   * Returns the planck swept back.
   */
  async revoke(options: SendOptions = {}): Promise<{ returned: bigint }> {
    const { proxy, balances } = this.#client;
    const remove = await proxy.removeProxy(this.sessionAccount, this.proxyType, 0);

    await this.#client.send(
      await proxy.proxy(this.account, this.proxyType, remove),
      this.sessionSigner,
      options,
    );

    const sweep = await balances.transferAll(this.account, false);
    const result = await this.#client.send(sweep, this.sessionSigner, options);
    const transfer = findEvent(result.events, 'balances', 'Transfer');
    const returned = transfer === undefined ? 0n : asBigInt(transfer['amount']!, 'Transfer.amount');

    this.#logger.info('session proxy revoked', {
      account: this.account,
      session: this.sessionAccount,
      returned: returned.toString(),
    });

    return { returned };
  }
}
