import { StardustError, type ErrorCode, type StardustErrorOptions } from '../shared/errors.js';
import type { WalletAccountOption } from './account-options.js';

/** Options of {@link WalletError}. */
export interface WalletErrorOptions extends StardustErrorOptions {
  /** The accounts the wallet shared, usable or not, so a picker can still show reasons. */
  accounts?: readonly WalletAccountOption[];
}

/**
 * A wallet failure: `WALLET_NOT_FOUND`, `WALLET_TIMEOUT`, `WALLET_REJECTED`,
 * `WALLET_NO_ACCOUNTS`, `ACCOUNT_UNSUPPORTED` or `WALLET_SIGNATURE_INVALID`.
 */
export class WalletError extends StardustError {
  /** Accounts the wallet shared, when it shared any (all disabled for WALLET_NO_ACCOUNTS). */
  readonly accounts: readonly WalletAccountOption[];

  constructor(code: ErrorCode, message: string, options: WalletErrorOptions = {}) {
    super(code, message, options);
    this.name = 'WalletError';
    this.accounts = options.accounts ?? [];
  }

  /** The user refused a wallet request; the wallet's own text is kept in the message. */
  static rejected(what: string, cause: unknown): WalletError {
    const said = cause instanceof Error ? cause.message : String(cause);

    return new WalletError(
      'WALLET_REJECTED',
      `The wallet refused to ${what} (${said}). Ask again only after a new user action.`,
      { cause },
    );
  }
}
