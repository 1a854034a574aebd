// Device setup, verified key lookups and sealing through the VoiceMessages service, with the
// file key directory, the canonical device binding and dev-keyring wallets.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import type { voice } from '../../../proto/gen/voice.js';
import { FileKeyDirectory } from '../../../server/signaling/file-key-directory.js';
import { openVoiceMessage } from '../../../src/message/envelope.js';
import { IpfsClient } from '../../../src/message/ipfs-client.js';
import { Outbox } from '../../../src/message/outbox.js';
import { MessageStore } from '../../../src/message/store/message-store.js';
import { canonicalDeviceBinding } from '../../../src/message/signaling-keys.js';
import { VoiceMessages, type KeyDirectoryClient } from '../../../src/message/voice-messages.js';
import { utf8 } from '../../../src/shared/bytes.js';
import type { StardustError } from '../../../src/shared/errors.js';
import { createDevSigner } from '../../../src/wallet/dev-signer.js';
import type { WalletSigner } from '../../../src/wallet/wallet-signer.js';

const binding = canonicalDeviceBinding;

/** Counts wallet prompts of a dev signer. */
function counting(signer: WalletSigner): WalletSigner & { prompts: number } {
  const counted = Object.create(signer) as WalletSigner & { prompts: number };

  counted.prompts = 0;
  counted.signRaw = async (message) => {
    counted.prompts += 1;

    return signer.signRaw(message);
  };

  return counted;
}

describe('VoiceMessages service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stardust-voice-service-'));

  after(() => rmSync(dir, { recursive: true, force: true }));

  async function device(
    uri: string,
    directory: KeyDirectoryClient,
  ): Promise<{
    service: VoiceMessages;
    store: MessageStore;
    outbox: Outbox;
    wallet: WalletSigner & { prompts: number };
  }> {
    const wallet = counting(await createDevSigner(uri));
    const store = await MessageStore.open({ indexedDB: null });
    const outbox = new Outbox({
      account: wallet.account.address,
      store,
      ipfs: new IpfsClient({ apiUrl: 'http://127.0.0.1:9', gateways: ['http://127.0.0.1:9'] }),
      delivery: { deliver: async () => ({}) },
      clock: { now: () => Date.now(), setTimeout: () => null, clearTimeout: () => {} },
      locks: null,
    });

    return {
      service: new VoiceMessages({ wallet, store, directory, binding, outbox, prekeyBatchSize: 5 }),
      store,
      outbox,
      wallet,
    };
  }

  const recording = {
    bytes: utf8('OggS test audio'),
    mimeType: 'audio/ogg; codecs=opus' as const,
    durationMs: 2000,
    waveform: new Uint8Array([1, 2, 3]),
    recordedAt: 1,
  };

  async function opens(
    store: MessageStore,
    account: string,
    envelope: Uint8Array,
  ): Promise<boolean> {
    const keys = (await store.getDevice(account))!;

    try {
      await openVoiceMessage(envelope, {
        account,
        deviceId: keys.deviceId,
        encryptionKey: keys.encryption.privateKey,
        prekey: async (id) => (await store.getPrekey(account, id))?.privateKey ?? null,
      });

      return true;
    } catch (error) {
      assert.equal((error as StardustError).code, 'DECRYPT_FAILED');

      return false;
    }
  }

  it('binds a device with one wallet prompt', async () => {
    const directory = await FileKeyDirectory.open({ path: join(dir, 'setup.json') });
    const alice = await device('//Alice', directory);

    await alice.service.setupDevice();
    await alice.service.setupDevice();

    const result = await directory.lookup(alice.wallet.account.address, false);

    assert.equal(alice.wallet.prompts, 1);
    assert.equal(result.devices.length, 1);
    assert.deepEqual(result.prekeysLeft, [5]);
  });

  it('seals for the recipient and the sender devices', async () => {
    const directory = await FileKeyDirectory.open({ path: join(dir, 'send.json') });
    const alice = await device('//Alice', directory);
    const bob = await device('//Bob', directory);
    const charlie = await device('//Charlie', directory);

    for (const party of [alice, bob, charlie]) await party.service.setupDevice();

    const item = await alice.service.send({ to: bob.wallet.account.address, recording });

    assert.equal(await opens(bob.store, bob.wallet.account.address, item.envelope!), true);
    assert.equal(await opens(alice.store, alice.wallet.account.address, item.envelope!), true);
    assert.equal(await opens(charlie.store, charlie.wallet.account.address, item.envelope!), false);
  });

  it('claims one prekey per device for a burn message', async () => {
    const directory = await FileKeyDirectory.open({ path: join(dir, 'burn.json') });
    const alice = await device('//Alice', directory);
    const bob = await device('//Bob', directory);

    await alice.service.setupDevice();
    await bob.service.setupDevice();

    const item = await alice.service.send({
      to: bob.wallet.account.address,
      recording,
      burn: true,
    });
    const left = await directory.lookup(bob.wallet.account.address, false);

    assert.equal(item.burn, true);
    assert.deepEqual(left.prekeysLeft, [4]);
    assert.equal(await opens(bob.store, bob.wallet.account.address, item.envelope!), true);
    assert.equal(await opens(alice.store, alice.wallet.account.address, item.envelope!), false);
  });

  it('detects a substituted key and sends nothing', async () => {
    const file = await FileKeyDirectory.open({ path: join(dir, 'evil.json') });
    const mallory = await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']);
    const malloryKey = new Uint8Array(
      await crypto.subtle.exportKey('raw', (mallory as CryptoKeyPair).publicKey),
    );
    // A fake directory that swaps Bob's encryption key for the attacker's.
    const evil: KeyDirectoryClient = {
      publish: (bundle) => file.publish(bundle),
      async lookup(account, claim) {
        const result = await file.lookup(account, claim);

        return {
          ...result,
          devices: result.devices.map((bundle: voice.IDeviceKeyBundle) => ({
            ...bundle,
            encryptionKey: malloryKey,
          })),
        };
      },
    };
    const alice = await device('//Alice', evil);
    const bob = await device('//Bob', evil);

    await alice.service.setupDevice();
    await bob.service.setupDevice();

    await assert.rejects(alice.service.send({ to: bob.wallet.account.address, recording }), {
      code: 'KEY_BINDING_INVALID',
    });
    assert.deepEqual(await alice.outbox.list(), []);
  });

  it('detects a substituted prekey', async () => {
    const file = await FileKeyDirectory.open({ path: join(dir, 'evil-prekey.json') });
    const evil: KeyDirectoryClient = {
      publish: (bundle) => file.publish(bundle),
      async lookup(account, claim) {
        const result = await file.lookup(account, claim);

        return {
          ...result,
          devices: result.devices.map((bundle: voice.IDeviceKeyBundle) => ({
            ...bundle,
            prekeys: (bundle.prekeys ?? []).map((prekey) => ({
              ...prekey,
              publicKey: new Uint8Array(32).fill(7),
            })),
          })),
        };
      },
    };
    const alice = await device('//Alice', evil);
    const bob = await device('//Bob', evil);

    await alice.service.setupDevice();
    await bob.service.setupDevice();

    await assert.rejects(
      alice.service.send({ to: bob.wallet.account.address, recording, burn: true }),
      {
        code: 'KEY_BINDING_INVALID',
      },
    );
  });
});
