/**
 * Wallet extensions (polkadot-js, Talisman, SubWallet and any other that injects
 * `window.injectedWeb3`) through @polkadot/extension-dapp, with typed outcomes.
 */
import type { Signer, SignerPayloadJSON, SignerPayloadRaw } from '@polkadot/types/types';

import { silentLogger, type Logger } from '../client/logger.js';
import { fromHex, toHex } from '../shared/bytes.js';
import { StardustError } from '../shared/errors.js';
import { decodeAddress } from '../shared/ss58.js';
import {
  ACCOUNT_DISABLED_REASONS,
  toAccountOption,
  type InjectedAccountLike,
  type WalletAccountOption,
} from './account-options.js';
import type * as ExtensionBackend from './load-extension-backend.js';
import { WalletError } from './wallet-error.js';
import type { KeyType, WalletSigner } from './wallet-signer.js';

/** Options of {@link ExtensionWallet}. */
export interface ExtensionWalletOptions {
  /** The name wallets show when they ask the user to allow this page. */
  appName: string;
  /** Genesis hash of the chain; accounts a wallet pins to another chain are disabled. */
  genesisHash?: string;
  /**
   * Time the user has to respond to the wallet's access prompt before WALLET_TIMEOUT, in ms
   * (60 000 by default). Access granted later is kept for the next connect.
   */
  enableTimeoutMs?: number;
  /**
   * How long to wait for an extension to appear in `window.injectedWeb3`, in ms (1 500 by
   * default): some extensions inject after the page has loaded.
   */
  injectionWaitMs?: number;
  logger?: Logger;
}

/** The part of an extension's `InjectedExtension` object this class uses. */
interface InjectedExtensionLike {
  name: string;
  version?: string;
  accounts: {
    get(anyType?: boolean): Promise<InjectedAccountLike[]>;
    subscribe?(callback: (accounts: InjectedAccountLike[]) => void | Promise<void>): () => void;
  };
  signer: Signer;
}

type Backend = typeof ExtensionBackend;

const INJECTION_POLL_MS = 50;

/**
 * Connects to the wallet extensions of the page and hands out {@link WalletSigner}s for
 * their accounts. Constructing it touches nothing; call {@link connect} from a user action
 * (a click), because wallets open their access prompt then.
 */
export class ExtensionWallet {
  #options: Required<Omit<ExtensionWalletOptions, 'genesisHash'>> & { genesisHash?: string };
  #logger: Logger;
  #backend: Promise<Backend> | undefined;
  /** The enable request in flight; a retry after WALLET_TIMEOUT joins it, never re-prompts. */
  #pendingEnable: Promise<InjectedExtensionLike[]> | undefined;
  /** Names in `window.injectedWeb3` when the last enable request started. */
  #requestedFrom: string[] = [];
  #extensions: InjectedExtensionLike[] = [];
  #accounts: WalletAccountOption[] = [];
  #disposed = false;

  /**
   * @throws TypeError when `appName` is empty; RangeError when a time is negative.
   */
  constructor(options: ExtensionWalletOptions) {
    if (typeof options?.appName !== 'string' || options.appName.trim() === '') {
      throw new TypeError('ExtensionWallet needs an appName that wallets show to the user.');
    }

    const enableTimeoutMs = options.enableTimeoutMs ?? 60_000;
    const injectionWaitMs = options.injectionWaitMs ?? 1_500;

    for (const [name, value] of Object.entries({ enableTimeoutMs, injectionWaitMs })) {
      if (!Number.isFinite(value) || value < 0) {
        throw new RangeError(`ExtensionWallet option ${name} must be a number of ms >= 0.`);
      }
    }

    this.#options = { ...options, enableTimeoutMs, injectionWaitMs, logger: silentLogger };
    this.#logger = options.logger ?? silentLogger;
  }

  /** The accounts of the last successful {@link connect}, usable ones and disabled ones. */
  get accounts(): readonly WalletAccountOption[] {
    return this.#accounts;
  }

  /**
   * Asks the installed extensions for access and returns their accounts (usable first).
   * Call it from a user action.
   * @throws WalletError WALLET_NOT_FOUND (no extension), WALLET_TIMEOUT (no response in time),
   * WALLET_REJECTED (the user refused), WALLET_NO_ACCOUNTS (nothing usable; the error
   * carries the disabled accounts).
   */
  async connect(): Promise<WalletAccountOption[]> {
    this.#assertLive();

    const extensions = await this.#enable();
    const accounts = await this.#collectAccounts(extensions);

    this.#extensions = extensions;
    this.#accounts = accounts;

    if (!accounts.some((account) => account.usable)) {
      throw new WalletError(
        'WALLET_NO_ACCOUNTS',
        accounts.length === 0
          ? 'The wallet shares no account with this page. Create or share an sr25519 or ed25519 account in the extension.'
          : `The wallet shares ${accounts.length} account(s), none usable on this chain (${describeReasons(accounts)}).`,
        { accounts },
      );
    }

    this.#logger.info('wallet connected', {
      extensions: extensions.map((extension) => extension.name),
      accounts: accounts.length,
    });

    return accounts;
  }

  /**
   * Returns a signer for `address` (any SS58 prefix), which must be a usable account of the
   * last {@link connect}.
   * @throws StardustError ADDRESS_INVALID for a malformed address; WalletError
   * ACCOUNT_UNSUPPORTED for a disabled account; INVALID_STATE when the wallet does not share it.
   */
  async signer(address: string): Promise<WalletSigner> {
    this.#assertLive();

    const publicKey = toHex(decodeAddress(address).publicKey);
    const matches = this.#accounts.filter((account) => account.publicKey === publicKey);
    const option = matches.find((account) => account.usable) ?? matches[0];

    if (option === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        `The wallet does not share account ${address}; call connect() and pick one of its accounts.`,
      );
    }

    if (!option.usable || option.keyType === null) {
      throw new WalletError(
        'ACCOUNT_UNSUPPORTED',
        `Account ${option.address} cannot sign for this chain: ${ACCOUNT_DISABLED_REASONS[option.reason ?? 'unsupported-key-type']}`,
        { accounts: this.#accounts },
      );
    }

    const extension = this.#extensions.find((candidate) => candidate.name === option.source);

    if (extension === undefined) throw new StardustError('INVALID_STATE', 'Wallet not connected.');

    return createExtensionSigner(extension, option, option.keyType, await this.#loadBackend());
  }

  /**
   * Calls `listener` with the full account list whenever a connected extension's accounts
   * change (the user adds, removes or re-pins one), and returns the unsubscribe function.
   * @throws StardustError INVALID_STATE before a successful {@link connect}.
   */
  onAccountsChanged(listener: (accounts: readonly WalletAccountOption[]) => void): () => void {
    this.#assertLive();

    if (this.#extensions.length === 0) {
      throw new StardustError(
        'INVALID_STATE',
        'Call connect() before listening to account changes.',
      );
    }

    const bySource = new Map<string, WalletAccountOption[]>();
    const unsubscribes = this.#extensions.map((extension) => {
      if (extension.accounts.subscribe === undefined) return () => undefined;

      return extension.accounts.subscribe((list) => {
        if (this.#disposed) return;

        bySource.set(
          extension.name,
          (Array.isArray(list) ? list : []).map((account) =>
            toAccountOption(account, extension.name, this.#options.genesisHash),
          ),
        );

        const accounts = [...bySource.values()].flat();

        this.#accounts = [
          ...accounts.filter((a) => a.usable),
          ...accounts.filter((a) => !a.usable),
        ];
        listener(this.#accounts);
      });
    });

    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }

  /** Drops the accounts. A pending enable request that settles later is ignored. */
  dispose(): void {
    this.#disposed = true;
    this.#extensions = [];
    this.#accounts = [];
  }

  async #enable(): Promise<InjectedExtensionLike[]> {
    const injectedNow = Object.keys(injectedWeb3());

    // An extension injected since the last request is asked too; extensions that already
    // granted access remember it and do not prompt again.
    if (injectedNow.some((name) => !this.#requestedFrom.includes(name))) {
      this.#pendingEnable = undefined;
    }

    if (this.#pendingEnable === undefined) {
      if (!(await this.#waitForInjection())) {
        throw new WalletError(
          'WALLET_NOT_FOUND',
          'No wallet extension found on this page. Install polkadot-js, Talisman or SubWallet and allow this site.',
        );
      }

      const backend = await this.#loadBackend();
      const injectedNames = Object.keys(injectedWeb3());

      this.#requestedFrom = injectedNames;

      const request = backend
        .web3Enable(this.#options.appName)
        .then((extensions) => extensions as unknown as InjectedExtensionLike[]);

      this.#pendingEnable = request;
      // Handles the response even when it comes after WALLET_TIMEOUT, so it never becomes an
      // unhandled rejection. Access that was granted is kept for the next connect(), which
      // then does not prompt again. A refusal or failure is forgotten, so that a new user
      // action can request access again.
      request.then(
        (extensions) => {
          this.#logger.debug('wallet enable request settled', {
            injected: injectedNames,
            enabled: extensions.length,
          });

          if (extensions.length === 0) this.#forgetEnable(request);
        },
        (error: unknown) => {
          this.#logger.warn('wallet enable failed', { error: String(error) });
          this.#forgetEnable(request);
        },
      );
    }

    const extensions = await this.#withTimeout(this.#pendingEnable);

    if (extensions.length === 0) {
      throw new WalletError(
        'WALLET_REJECTED',
        'The wallet extension refused access to this page. Allow the site in the extension, then try again.',
      );
    }

    return extensions;
  }

  #forgetEnable(request: Promise<InjectedExtensionLike[]>): void {
    if (this.#pendingEnable === request) this.#pendingEnable = undefined;
  }

  #withTimeout<T>(promise: Promise<T>): Promise<T> {
    const { enableTimeoutMs } = this.#options;

    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new WalletError(
            'WALLET_TIMEOUT',
            `The wallet extension did not answer the access request within ${enableTimeoutMs} ms. Open the extension, approve the page, then try again.`,
          ),
        );
      }, enableTimeoutMs);

      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(
            StardustError.from(error, 'WALLET_REJECTED', 'The wallet rejected the access request.'),
          );
        },
      );
    });
  }

  async #waitForInjection(): Promise<boolean> {
    const deadline = Date.now() + this.#options.injectionWaitMs;

    while (Object.keys(injectedWeb3()).length === 0) {
      if (Date.now() >= deadline) return false;

      await new Promise((resolve) => setTimeout(resolve, INJECTION_POLL_MS));
    }

    return true;
  }

  async #collectAccounts(extensions: InjectedExtensionLike[]): Promise<WalletAccountOption[]> {
    const lists = await Promise.all(
      extensions.map(async (extension) => {
        try {
          // anyType: request Ethereum accounts too, so the picker can show why they are disabled.
          const accounts = await extension.accounts.get(true);

          return (Array.isArray(accounts) ? accounts : []).map((account) =>
            toAccountOption(account, extension.name, this.#options.genesisHash),
          );
        } catch (error) {
          this.#logger.warn('wallet extension failed to list accounts', {
            extension: extension.name,
            error: String(error),
          });

          return [];
        }
      }),
    );
    const accounts = lists.flat();

    return [...accounts.filter((a) => a.usable), ...accounts.filter((a) => !a.usable)];
  }

  #loadBackend(): Promise<Backend> {
    this.#backend ??= import('./load-extension-backend.js');

    return this.#backend;
  }

  #assertLive(): void {
    if (this.#disposed) throw new StardustError('DISPOSED', 'This ExtensionWallet was disposed.');
  }
}

/** Wraps one extension account as a {@link WalletSigner}. */
function createExtensionSigner(
  extension: InjectedExtensionLike,
  option: WalletAccountOption,
  keyType: KeyType,
  backend: Backend,
): WalletSigner {
  const publicKey = fromHex(option.publicKey ?? '');
  const inner = extension.signer;
  const extrinsicSigner: Signer = {};

  if (inner.signPayload !== undefined) {
    extrinsicSigner.signPayload = async (payload: SignerPayloadJSON) => {
      try {
        return await inner.signPayload!(payload);
      } catch (error) {
        throw WalletError.rejected('sign the transaction', error);
      }
    };
  }

  if (inner.signRaw !== undefined) {
    extrinsicSigner.signRaw = async (payload: SignerPayloadRaw) => {
      try {
        return await inner.signRaw!(payload);
      } catch (error) {
        throw WalletError.rejected('sign the transaction', error);
      }
    };
  }

  return {
    kind: 'extension',
    source: extension.name,
    account: { address: option.address, publicKey, keyType, name: option.name },
    extrinsicSigner,
    async signRaw(message) {
      if (inner.signRaw === undefined) {
        throw new WalletError(
          'ACCOUNT_UNSUPPORTED',
          `The wallet ${extension.name} cannot sign raw messages; use another wallet.`,
        );
      }

      let result;

      try {
        result = await inner.signRaw({
          address: option.address,
          data: `0x${toHex(message)}`,
          type: 'bytes',
        });
      } catch (error) {
        throw WalletError.rejected('sign the message', error);
      }

      return checkRawSignature(message, result.signature, publicKey, keyType, backend, option);
    },
  };
}

function checkRawSignature(
  message: Uint8Array,
  signatureHex: string,
  publicKey: Uint8Array,
  keyType: KeyType,
  backend: Backend,
  option: WalletAccountOption,
) {
  let signature: Uint8Array;

  try {
    signature = fromHex(signatureHex);
  } catch (error) {
    throw badSignature(option, error);
  }

  // Some wallets return a MultiSignature: a type byte (0 ed25519, 1 sr25519) and 64 bytes.
  if (signature.length === 65) signature = signature.subarray(1);

  const form =
    signature.length === 64
      ? backend.detectSignedForm(message, signature, publicKey, keyType)
      : null;

  if (form === null) throw badSignature(option);

  return { signature: signature.slice(), form, keyType };
}

function badSignature(option: WalletAccountOption, cause?: unknown): WalletError {
  return new WalletError(
    'WALLET_SIGNATURE_INVALID',
    `The wallet ${option.source} returned a signature for ${option.address} that does not verify over the message. Report the wallet and its version.`,
    { cause },
  );
}

function injectedWeb3(): Record<string, unknown> {
  const holder = globalThis as { injectedWeb3?: Record<string, unknown> };

  return holder.injectedWeb3 !== null && typeof holder.injectedWeb3 === 'object'
    ? holder.injectedWeb3
    : {};
}

function describeReasons(accounts: readonly WalletAccountOption[]): string {
  const reasons = new Set(accounts.map((account) => account.reason ?? 'unsupported-key-type'));

  return [...reasons].join(', ');
}
