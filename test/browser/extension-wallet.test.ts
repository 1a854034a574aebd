import { injectExtension } from '@polkadot/extension-inject';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, ed25519Verify, sr25519Verify } from '@polkadot/util-crypto';
import { expect } from 'chai';

import { StardustError, createDevSigner, encodeAddress } from '../../src/index.js';
import { ExtensionWallet } from '../../src/wallet/extension-wallet.js';
import type { WalletError } from '../../src/wallet/wallet-error.js';

// Fake wallet extensions built with @polkadot/extension-inject around a keyring, so the real
// @polkadot/extension-dapp code path runs. Real extensions cannot be installed here.

const GENESIS = `0x${'45'.repeat(32)}`;
const OTHER_GENESIS = `0x${'91'.repeat(32)}`;
const ETHEREUM = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';

interface FakeAccount {
  address: string;
  type?: string;
  name?: string;
  genesisHash?: string | null;
}

interface FakeExtensionOptions {
  name?: string;
  accounts?: FakeAccount[];
  /** The enable behaviour: grant, refuse, never settle, or wait for `release()`. */
  enable?: 'grant' | 'refuse' | 'never' | 'deferred';
  /** Signs with this pair instead of the account's own (a broken wallet). */
  wrongKey?: KeyringPair;
  /** Refuses every signing request. */
  refuseSigning?: boolean;
}

let alice: KeyringPair;
let bobEd: KeyringPair;
let charlie: KeyringPair;
let pairs: Map<string, KeyringPair>;

before(async () => {
  await cryptoWaitReady();
  alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  bobEd = new Keyring({ type: 'ed25519' }).addFromUri('//Bob');
  charlie = new Keyring({ type: 'sr25519' }).addFromUri('//Charlie');
  pairs = new Map([alice, bobEd, charlie].map((pair) => [u8aToHex(pair.publicKey), pair]));
});

afterEach(() => {
  const holder = window as { injectedWeb3?: Record<string, unknown> };

  for (const key of Object.keys(holder.injectedWeb3 ?? {})) delete holder.injectedWeb3![key];
});

function pairOf(address: string): KeyringPair {
  for (const pair of pairs.values()) {
    if (encodeAddress(pair.publicKey) === address) return pair;
  }

  throw new Error(`no key for ${address}`);
}

/** Injects a fake extension and returns how often it was asked to enable, and a release. */
function injectFake(options: FakeExtensionOptions = {}) {
  const accounts = options.accounts ?? [{ address: alice.address, type: 'sr25519', name: 'Alice' }];
  const subscribers = new Set<(list: FakeAccount[]) => void>();
  let enableCalls = 0;
  let release: () => void = () => undefined;
  const injected = {
    accounts: {
      get: async () => accounts,
      subscribe: (callback: (list: FakeAccount[]) => void) => {
        subscribers.add(callback);
        callback(accounts);

        return () => subscribers.delete(callback);
      },
    },
    signer: {
      signRaw: async ({ address, data }: { address: string; data: string }) => {
        if (options.refuseSigning) throw new Error('Cancelled');

        const pair = options.wrongKey ?? pairOf(address);

        return { id: 1, signature: u8aToHex(pair.sign(u8aWrapBytes(data))) };
      },
    },
  };

  injectExtension(
    () => {
      enableCalls += 1;

      switch (options.enable ?? 'grant') {
        case 'refuse':
          return Promise.reject(new Error('Rejected'));
        case 'never':
          return new Promise(() => undefined);
        case 'deferred':
          return new Promise((resolve) => {
            release = () => resolve(injected as never);
          });
        default:
          return Promise.resolve(injected as never);
      }
    },
    { name: options.name ?? 'fake-wallet', version: '1.0.0' },
  );

  return {
    enableCalls: () => enableCalls,
    release: () => release(),
    /** Replaces the shared accounts, as when the user edits them in the extension. */
    setAccounts: (list: FakeAccount[]) => {
      accounts.splice(0, accounts.length, ...list);
      subscribers.forEach((callback) => callback([...accounts]));
    },
  };
}

function wallet(options: Partial<ConstructorParameters<typeof ExtensionWallet>[0]> = {}) {
  return new ExtensionWallet({
    appName: 'Stardust Voice tests',
    genesisHash: GENESIS,
    injectionWaitMs: 200,
    enableTimeoutMs: 5_000,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<StardustError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StardustError);

    return error as StardustError;
  }

  throw new Error('expected a failure');
}

describe('extension wallet', () => {
  it('touches no wallet global at import', () => {
    expect((window as { injectedWeb3?: unknown }).injectedWeb3).to.equal(undefined);
  });

  it('reports WALLET_NOT_FOUND without an extension', async () => {
    const error = await failure(wallet().connect());

    expect(error.code).to.equal('WALLET_NOT_FOUND');
  });

  it('finds an extension injected after the call', async () => {
    const connecting = wallet({ injectionWaitMs: 5_000 }).connect();

    setTimeout(() => injectFake(), 150);

    const accounts = await connecting;

    expect(accounts.map((account) => account.address)).to.deep.equal([alice.address]);
  });

  it('times out an enable that never settles', async () => {
    injectFake({ enable: 'never' });

    const error = await failure(wallet({ enableTimeoutMs: 200 }).connect());

    expect(error.code).to.equal('WALLET_TIMEOUT');
  });

  it('keeps a late answer for the next connect', async () => {
    const fake = injectFake({ enable: 'deferred' });
    const subject = wallet({ enableTimeoutMs: 200 });

    const first = await failure(subject.connect());

    fake.release();

    const accounts = await subject.connect();

    expect(first.code).to.equal('WALLET_TIMEOUT');
    expect(accounts).to.have.length(1);
    expect(fake.enableCalls()).to.equal(1);
  });

  it('asks an extension injected after connect', async () => {
    const first = injectFake({ name: 'first-wallet' });
    const subject = wallet();

    await subject.connect();

    const second = injectFake({
      name: 'second-wallet',
      accounts: [{ address: bobEd.address, type: 'ed25519' }],
    });
    const accounts = await subject.connect();

    expect(accounts.map((a) => a.source)).to.deep.equal(['first-wallet', 'second-wallet']);
    expect(second.enableCalls()).to.equal(1);
    expect(first.enableCalls()).to.equal(2);
  });

  it('reports WALLET_REJECTED when access is refused', async () => {
    injectFake({ enable: 'refuse' });

    const error = await failure(wallet().connect());

    expect(error.code).to.equal('WALLET_REJECTED');
  });

  it('reports WALLET_NO_ACCOUNTS for an empty wallet', async () => {
    injectFake({ accounts: [] });

    const error = await failure(wallet().connect());

    expect(error.code).to.equal('WALLET_NO_ACCOUNTS');
    expect((error as WalletError).accounts).to.deep.equal([]);
  });

  it('lists unusable accounts as disabled', async () => {
    injectFake({
      accounts: [
        { address: ETHEREUM, type: 'ethereum', name: 'Eth' },
        { address: charlie.address, type: 'sr25519', genesisHash: OTHER_GENESIS },
        { address: alice.address, type: 'ecdsa' },
        { address: 'not-an-address', type: 'sr25519' },
        { address: encodeAddress(bobEd.publicKey, 2), type: 'ed25519', genesisHash: GENESIS },
      ],
    });

    const accounts = await wallet().connect();

    expect(accounts.map((a) => [a.usable, a.reason])).to.deep.equal([
      [true, null],
      [false, 'ethereum-account'],
      [false, 'other-chain'],
      [false, 'unsupported-key-type'],
      [false, 'invalid-address'],
    ]);
    expect(accounts[0]!.address).to.equal(bobEd.address);
  });

  it('reports WALLET_NO_ACCOUNTS with only disabled accounts', async () => {
    injectFake({ accounts: [{ address: ETHEREUM, type: 'ethereum' }] });

    const error = await failure(wallet().connect());

    expect(error.code).to.equal('WALLET_NO_ACCOUNTS');
    expect((error as WalletError).accounts.map((a) => a.reason)).to.deep.equal([
      'ethereum-account',
    ]);
  });

  it('refuses a signer for a disabled account', async () => {
    injectFake({
      accounts: [
        { address: alice.address, type: 'sr25519' },
        { address: charlie.address, type: 'sr25519', genesisHash: OTHER_GENESIS },
      ],
    });

    const subject = wallet();

    await subject.connect();

    expect((await failure(subject.signer(charlie.address))).code).to.equal('ACCOUNT_UNSUPPORTED');
    expect((await failure(subject.signer(ETHEREUM))).code).to.equal('ADDRESS_INVALID');
    expect((await failure(subject.signer('5Grwva'))).code).to.equal('ADDRESS_INVALID');
  });

  it('matches accounts by public key across prefixes', async () => {
    injectFake();

    const subject = wallet();

    await subject.connect();

    const signer = await subject.signer(encodeAddress(alice.publicKey, 0));

    expect(signer.account.address).to.equal(alice.address);
    expect(signer.kind).to.equal('extension');
    expect(signer.source).to.equal('fake-wallet');
  });

  it('reports account changes', async () => {
    const fake = injectFake();
    const subject = wallet();
    const seen: string[][] = [];

    await subject.connect();

    const unsubscribe = subject.onAccountsChanged((accounts) =>
      seen.push(accounts.map((a) => `${a.address}:${a.usable}`)),
    );

    fake.setAccounts([
      { address: alice.address, type: 'sr25519' },
      { address: ETHEREUM, type: 'ethereum' },
    ]);
    unsubscribe();
    fake.setAccounts([]);

    expect(seen).to.deep.equal([
      [`${alice.address}:true`],
      [`${alice.address}:true`, `${ETHEREUM}:false`],
    ]);
    expect(subject.accounts).to.have.length(2);
  });

  it('signs raw bytes in the wrapped form', async () => {
    injectFake({
      accounts: [
        { address: alice.address, type: 'sr25519' },
        { address: bobEd.address, type: 'ed25519' },
      ],
    });

    const subject = wallet();
    const message = new TextEncoder().encode('stardust delegation');

    await subject.connect();

    for (const pair of [alice, bobEd]) {
      const signer = await subject.signer(pair.address);
      const { signature, form, keyType } = await signer.signRaw(message);

      expect(form).to.equal('wrapped');
      expect(keyType).to.equal(pair.type);
      // Not signatureVerify: it accepts either form, and the form is what this test checks.
      const verify = pair.type === 'sr25519' ? sr25519Verify : ed25519Verify;

      expect(verify(u8aWrapBytes(message), signature, pair.publicKey)).to.equal(true);
      expect(verify(message, signature, pair.publicKey)).to.equal(false);
    }
  });

  it('maps a refused signature to WALLET_REJECTED', async () => {
    injectFake({ refuseSigning: true });

    const subject = wallet();

    await subject.connect();

    const signer = await subject.signer(alice.address);
    const error = await failure(signer.signRaw(new Uint8Array([1, 2, 3])));

    expect(error.code).to.equal('WALLET_REJECTED');
    expect(error.message).to.contain('Cancelled');
  });

  it('rejects a signature from the wrong key', async () => {
    injectFake({ wrongKey: charlie });

    const subject = wallet();

    await subject.connect();

    const signer = await subject.signer(alice.address);
    const error = await failure(signer.signRaw(new Uint8Array([1, 2, 3])));

    expect(error.code).to.equal('WALLET_SIGNATURE_INVALID');
  });
});

describe('dev signer in the browser', () => {
  it('signs raw bytes with the dev keyring', async () => {
    const signer = await createDevSigner('//Alice');
    const message = new Uint8Array([9, 8, 7]);

    const { signature, form } = await signer.signRaw(message);

    expect(signer.account.address).to.equal(alice.address);
    expect(form).to.equal('raw');
    expect(sr25519Verify(message, signature, alice.publicKey)).to.equal(true);
  });
});
