/**
 * "Use my wallet": connects to the page's wallet extensions (polkadot-js, Talisman, SubWallet)
 * through the SDK's ExtensionWallet, lists their accounts, and hands the chosen account to
 * the page, which puts it in Alice's place. A new account gets some devnet DUST from the dev
 * account //Alice, so that it can pay fees and the room deposit.
 */
import { ChainClient } from '../src/chain/chain-client.js';
import { StardustError } from '../src/shared/errors.js';
import type { WalletAccountOption } from '../src/wallet/account-options.js';
import { createDevSigner } from '../src/wallet/dev-signer.js';
import { ExtensionWallet } from '../src/wallet/extension-wallet.js';
import type { WalletSigner } from '../src/wallet/wallet-signer.js';
import type { DemoUrls } from './demo-config.js';

/** 1 DUST in planck (12 decimals). */
const DUST = 10n ** 12n;
/** Amount //Alice sends to a wallet account whose balance is below {@link MIN_BALANCE}. */
const FUNDING = 10n * DUST;
/** Enough for the room deposit (1 DUST), a session allowance and fees. */
const MIN_BALANCE = 5n * DUST;

/** Demo text for the wallet failures a visitor can fix, by error code. */
const WALLET_HINTS: Record<string, string> = {
  WALLET_NOT_FOUND:
    'No wallet extension found. Install polkadot-js, Talisman or SubWallet, allow this page, then click again. Alice and Bob work without one.',
  WALLET_REJECTED:
    'Your wallet refused access to this page. Allow it in the extension, then click again.',
  WALLET_TIMEOUT:
    'Your wallet did not answer. Open the extension, approve this page, then click again.',
  WALLET_NO_ACCOUNTS:
    'Your wallet shares no account that can sign here. Share an sr25519 or ed25519 account with this page, then click again.',
};

/**
 * Adds the wallet bar to `container`; `onSigner` gets the signer of the account the user
 * picks, already funded on the devnet.
 */
export function mountWalletBar(
  container: Element,
  urls: DemoUrls,
  onSigner: (signer: WalletSigner) => Promise<void>,
): void {
  const bar = document.createElement('section');

  bar.className = 'wallet-bar';
  bar.dataset.testid = 'wallet-bar';
  bar.innerHTML = `<p>Alice and Bob are dev accounts that sign without prompts; never send real
      value to them. To try your own account, connect a wallet extension: your account
      takes Alice's place.</p>
    <button type="button" data-testid="wallet-connect">Use my wallet</button>
    <form data-testid="wallet-form" hidden>
      <label>Account <select name="account" data-testid="wallet-accounts"></select></label>
      <button>Use this account</button>
    </form>
    <p role="status" data-testid="wallet-status"></p>`;
  container.append(bar);

  const connectButton = bar.querySelector<HTMLButtonElement>('[data-testid="wallet-connect"]')!;
  const form = bar.querySelector<HTMLFormElement>('form')!;
  const select = form.querySelector('select')!;
  const status = bar.querySelector<HTMLElement>('[role="status"]')!;
  const wallet = new ExtensionWallet({ appName: 'Stardust Voice demo' });

  connectButton.addEventListener('click', () => {
    void run(connectButton, status, async () => {
      status.textContent = 'Asking your wallet for access…';

      const accounts = await wallet.connect();

      select.replaceChildren(...accounts.map(accountOption));
      form.hidden = false;
      status.textContent = `Your wallet shares ${accounts.length} account(s). Pick one.`;
    });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(form.querySelector('button')!, status, async () => {
      const signer = await wallet.signer(select.value);

      await fundOnDevnet(urls.chain, signer.account.address, status);
      await onSigner(signer);
      status.textContent = `Signed in with ${signer.account.name ?? signer.account.address} from ${signer.source}. Your wallet asks you to approve the first signatures.`;
    });
  });
}

/** Runs `task` with `button` disabled, and shows a failure in `status`. */
async function run(
  button: HTMLButtonElement,
  status: HTMLElement,
  task: () => Promise<void>,
): Promise<void> {
  button.disabled = true;

  try {
    await task();
  } catch (error) {
    const code = error instanceof StardustError ? error.code : undefined;

    status.textContent =
      (code === undefined ? undefined : WALLET_HINTS[code]) ??
      `${code ?? 'Error'}: ${(error as Error).message}`;
  } finally {
    button.disabled = false;
  }
}

function accountOption(account: WalletAccountOption): HTMLOptionElement {
  const label = `${account.name ?? 'Unnamed'} (${account.source}) ${account.address}`;
  const option = new Option(account.usable ? label : `${label}: cannot sign here`, account.address);

  option.disabled = !account.usable;

  return option;
}

/**
 * Sends {@link FUNDING} from the dev account //Alice to `address` when its transferable
 * balance is below {@link MIN_BALANCE}. Works on the devnet, where //Alice is endowed.
 */
async function fundOnDevnet(chainUrl: string, address: string, status: HTMLElement) {
  const chain = new ChainClient({ url: chainUrl });

  try {
    const { transferable } = await chain.balances.account(address);

    if (transferable >= MIN_BALANCE) return;

    status.textContent =
      'Sending 10 DUST from the dev account Alice so this account can pay devnet fees…';

    const alice = await createDevSigner('//Alice');

    await chain.send(await chain.balances.transferKeepAlive(address, FUNDING), alice);
  } finally {
    await chain.dispose();
  }
}
