// Account classification and the keyring, payload and session-key signers, checked against
// polkadot-js's own crypto.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady, ed25519Verify, sr25519Verify } from '@polkadot/util-crypto';

import { sessionKeySigner, webCryptoSessionKey } from '../../src/chain/session-proxy.js';
import { fromHex, toHex } from '../../src/shared/bytes.js';
import { StardustError } from '../../src/shared/errors.js';
import { encodeAddress } from '../../src/shared/ss58.js';
import { toAccountOption } from '../../src/wallet/account-options.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { createPayloadSigner } from '../../src/wallet/payload-signer.js';

const GENESIS = `0x${'45'.repeat(32)}`;
const OTHER_GENESIS = `0x${'91'.repeat(32)}`;

let alice: ReturnType<Keyring['addFromUri']>;

before(async () => {
  await cryptoWaitReady();
  alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
});

describe('account options', () => {
  it('offers sr25519 and ed25519 accounts', () => {
    for (const type of ['sr25519', 'ed25519']) {
      const option = toAccountOption(
        { address: alice.address, type, name: 'A' },
        'polkadot-js',
        GENESIS,
      );

      assert.equal(option.usable, true);
      assert.equal(option.keyType, type);
      assert.equal(option.reason, null);
      assert.equal(option.publicKey, toHex(alice.publicKey));
    }
  });

  it('normalizes any prefix to 42', () => {
    const kusama = encodeAddress(alice.publicKey, 2);

    const option = toAccountOption({ address: kusama, type: 'sr25519' }, 'talisman', GENESIS);

    assert.equal(option.address, alice.address);
  });

  it('disables ethereum accounts', () => {
    const option = toAccountOption(
      { address: '0x71C7656EC7ab88b098defB751B7401B5f6d8976F', type: 'ethereum' },
      'talisman',
      GENESIS,
    );

    assert.equal(option.usable, false);
    assert.equal(option.reason, 'ethereum-account');
    assert.equal(option.publicKey, null);
  });

  it('disables ecdsa and untyped accounts', () => {
    for (const type of ['ecdsa', undefined]) {
      const option = toAccountOption({ address: alice.address, type }, 'subwallet-js', GENESIS);

      assert.equal(option.usable, false, String(type));
      assert.equal(option.reason, 'unsupported-key-type');
    }
  });

  it('disables accounts pinned to another chain', () => {
    const pinned = toAccountOption(
      { address: alice.address, type: 'sr25519', genesisHash: OTHER_GENESIS },
      'polkadot-js',
      GENESIS,
    );
    const ours = toAccountOption(
      {
        address: alice.address,
        type: 'sr25519',
        genesisHash: GENESIS.toUpperCase().replace('0X', '0x'),
      },
      'polkadot-js',
      GENESIS,
    );

    assert.equal(pinned.reason, 'other-chain');
    assert.equal(ours.usable, true);
  });

  it('disables malformed addresses without throwing', () => {
    const broken = `${alice.address.slice(0, -1)}${alice.address.endsWith('Y') ? 'Z' : 'Y'}`;

    for (const account of [
      { address: broken, type: 'sr25519' },
      { address: '', type: 'sr25519' },
      { address: 42 as unknown as string, type: 'sr25519' },
      null as never,
    ]) {
      const option = toAccountOption(account, 'polkadot-js', GENESIS);

      assert.equal(option.usable, false);
      assert.equal(option.reason, 'invalid-address');
    }
  });
});

describe('dev signer', () => {
  it('derives the well-known dev accounts', async () => {
    const signer = await createDevSigner('//Alice');

    assert.equal(signer.kind, 'dev-keyring');
    assert.equal(signer.account.address, alice.address);
    assert.equal(signer.account.keyType, 'sr25519');
  });

  it('signs raw bytes verifiably', async () => {
    const signer = await createDevSigner('//Member3', { keyType: 'ed25519' });
    const message = new TextEncoder().encode('delegation');

    const { signature, form, keyType } = await signer.signRaw(message);

    assert.equal(form, 'raw');
    assert.equal(keyType, 'ed25519');
    assert.ok(ed25519Verify(message, signature, signer.account.publicKey));
  });

  it('rejects a uri that is not a dev path', async () => {
    for (const uri of [
      'Alice',
      '//',
      'bottom drive obey lake curtain smoke basket hold race lonely fit walk//Alice',
    ]) {
      await assert.rejects(
        createDevSigner(uri),
        (error) => error instanceof StardustError && error.code === 'INVALID_ARGUMENT',
        uri,
      );
    }
  });
});

describe('payload signer', () => {
  it('hashes payloads over 256 bytes and prefixes the key type', async () => {
    const signer = createPayloadSigner('sr25519', async (message) => alice.sign(message));
    const payload = new Uint8Array(300).fill(7);

    const { signature } = await signer.signRaw!({
      address: alice.address,
      data: `0x${toHex(payload)}`,
      type: 'payload',
    });
    const bytes = fromHex(signature);

    assert.equal(bytes[0], 1, 'MultiSignature::Sr25519');
    assert.equal(bytes.length, 65);
    assert.ok(sr25519Verify(blake2AsU8a(payload, 256), bytes.subarray(1), alice.publicKey));
  });

  it('signs short payloads as they are', async () => {
    const signer = createPayloadSigner('sr25519', async (message) => alice.sign(message));
    const payload = new Uint8Array(40).fill(3);

    const { signature } = await signer.signRaw!({
      address: alice.address,
      data: `0x${toHex(payload)}`,
      type: 'payload',
    });

    assert.ok(sr25519Verify(payload, fromHex(signature).subarray(1), alice.publicKey));
  });
});

describe('session key signer', () => {
  it('signs with a non-extractable WebCrypto key', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const signer = sessionKeySigner(await webCryptoSessionKey(pair));
    const message = new TextEncoder().encode('hello');

    const { signature, form } = await signer.signRaw(message);

    assert.equal(signer.kind, 'session-key');
    assert.equal(signer.account.keyType, 'ed25519');
    assert.equal(form, 'raw');
    assert.ok(ed25519Verify(message, signature, signer.account.publicKey));
  });

  it('rejects a key that is not 32 bytes', () => {
    assert.throws(
      () =>
        sessionKeySigner({ publicKey: new Uint8Array(31), sign: async () => new Uint8Array(64) }),
      TypeError,
    );
  });
});
