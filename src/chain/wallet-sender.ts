import type { WalletSigner } from '../wallet/wallet-signer.js';
import type { ChainClient } from './chain-client.js';
import type { TxTracker } from './tx-tracker.js';
import type { ChainCall, SendOptions, TxResult, TxSender } from './types.js';

/**
 * The `confirm-each` sender: every call is signed by the wallet itself, so an extension
 * prompts once per transaction. Also the sender for what a session proxy may never do,
 * such as room tips (balance transfers).
 */
export class WalletSender implements TxSender {
  readonly signer: WalletSigner;
  #client: ChainClient;

  constructor(client: ChainClient, signer: WalletSigner) {
    this.#client = client;
    this.signer = signer;
  }

  /** SS58 address of the wallet account. */
  get account(): string {
    return this.signer.account.address;
  }

  /** Signs `call` with the wallet and settles on `options.waitFor` (`inBlock`). */
  send<T>(call: ChainCall<T>, options: SendOptions = {}): Promise<TxResult<T>> {
    return this.#client.send(call, this.signer, options);
  }

  /** Signs and submits `call`, returning its tracker at once. */
  submit<T>(call: ChainCall<T>, options: SendOptions = {}): TxTracker<T> {
    return this.#client.submit(call, this.signer, options);
  }
}
