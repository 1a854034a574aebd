// A fake wallet extension for multi-page tests. No real extension (polkadot-js, Talisman,
// SubWallet) can be installed in this Chromium, so the page gets an entry in
// `window.injectedWeb3` of the shape @polkadot/extension-inject writes, and its signer calls
// back into Node, where a keyring pair signs as the polkadot-js extension does: extrinsic
// payloads through the type registry, raw bytes wrapped in <Bytes>…</Bytes>.
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { TypeRegistry } from '@polkadot/types';
import type { SignerPayloadJSON, SignerPayloadRaw } from '@polkadot/types/types';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import type { Page } from 'playwright-core';

/** Options of {@link injectFakeExtension}. */
export interface FakeExtensionOptions {
  /** Key of the extension in `window.injectedWeb3`; `fake-wallet` by default. */
  name?: string;
  /** Name the account has in the wallet; `Fake wallet account` by default. */
  accountName?: string;
  /** Secret URI of the account; a fresh mnemonic by default, so it starts with no funds. */
  uri?: string;
}

/** The fake's account and what it was asked to sign. */
export interface FakeExtension {
  address: string;
  /** Number of `signPayload` calls: extrinsics the user would have approved. */
  payloads: number;
  /** Number of `signRaw` calls: messages (delegations, device bindings) approved. */
  raws: number;
}

/**
 * Adds the fake extension to every document `page` loads from now on. Call it before
 * `page.goto`.
 */
export async function injectFakeExtension(
  page: Page,
  options: FakeExtensionOptions = {},
): Promise<FakeExtension> {
  await cryptoWaitReady();

  const pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(
    options.uri ?? mnemonicGenerate(),
  );
  const fake: FakeExtension = { address: pair.address, payloads: 0, raws: 0 };
  const binding = `fakeWalletSign_${Math.random().toString(36).slice(2)}`;

  await page.exposeFunction(binding, (kind: 'payload' | 'raw', payload: unknown) => {
    if (kind === 'payload') {
      fake.payloads += 1;

      return signPayload(pair, payload as SignerPayloadJSON);
    }

    fake.raws += 1;

    return signRaw(pair, payload as SignerPayloadRaw);
  });
  await page.addInitScript(
    `(${INSTALL_FAKE})(${JSON.stringify({
      name: options.name ?? 'fake-wallet',
      binding,
      account: {
        address: pair.address,
        name: options.accountName ?? 'Fake wallet account',
        type: 'sr25519',
      },
    })});`,
  );

  return fake;
}

/**
 * Runs in the page and writes the `injectedWeb3` entry as `injectExtension` would. It is
 * plain JavaScript text, because a function compiled by tsx can carry helper calls
 * (`__name`) that do not exist in the page.
 */
const INSTALL_FAKE = `function installFake(settings) {
  const sign = window[settings.binding];
  let id = 0;

  window.injectedWeb3 ??= {};
  window.injectedWeb3[settings.name] = {
    version: '1.0.0',
    enable: async () => ({
      accounts: {
        get: async () => [settings.account],
        subscribe: (callback) => {
          callback([settings.account]);

          return () => undefined;
        },
      },
      signer: {
        signPayload: async (payload) => ({ id: ++id, ...(await sign('payload', payload)) }),
        signRaw: async (payload) => ({ id: ++id, ...(await sign('raw', payload)) }),
      },
    }),
  };
}`;

function signPayload(pair: KeyringPair, payload: SignerPayloadJSON): { signature: string } {
  const registry = new TypeRegistry();

  registry.setSignedExtensions(payload.signedExtensions);

  const { signature } = registry
    .createType('ExtrinsicPayload', payload, { version: payload.version })
    .sign(pair);

  return { signature };
}

function signRaw(pair: KeyringPair, payload: SignerPayloadRaw): { signature: string } {
  return { signature: u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(payload.data)))) };
}
