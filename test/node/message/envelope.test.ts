import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { voice } from '../../../proto/gen/voice.js';
import {
  generateDeviceKeys,
  generatePrekeys,
  verifyPrekey,
  type DeviceKeys,
  type PrekeyPublic,
  type PrekeyRecord,
} from '../../../src/message/device-keys.js';
import {
  openVoiceMessage,
  readEnvelopeHeader,
  sealVoiceMessage,
  type OpeningDevice,
  type RecipientDevice,
} from '../../../src/message/envelope.js';
import { CanonicalWriter } from '../../../src/shared/bytes.js';
import { encodeAddress } from '../../../src/shared/ss58.js';

// Test encoding of the prekey statement; the product binds the directory's canonical one.
const signingBytes = (deviceId: Uint8Array, prekey: PrekeyPublic) =>
  new CanonicalWriter()
    .string('test-prekey')
    .bytes(deviceId)
    .u32(prekey.id)
    .bytes(prekey.publicKey)
    .i64(BigInt(prekey.expiresAt))
    .finish();

interface TestDevice {
  account: string;
  keys: DeviceKeys;
  prekeys: Map<number, PrekeyRecord>;
}

function randomAccount(): string {
  return encodeAddress(crypto.getRandomValues(new Uint8Array(32)));
}

async function makeDevice(account: string): Promise<TestDevice> {
  const keys = await generateDeviceKeys();
  const prekeys = await generatePrekeys(keys, { count: 2, firstId: 1, signingBytes });

  return { account, keys, prekeys: new Map(prekeys.map((prekey) => [prekey.id, prekey])) };
}

function published(device: TestDevice, claimPrekey = false): RecipientDevice {
  const prekey = claimPrekey ? [...device.prekeys.values()][0] : undefined;

  return {
    account: device.account,
    deviceId: device.keys.deviceId,
    encryptionKey: device.keys.encryptionPublicKey,
    prekey:
      prekey === undefined
        ? undefined
        : { id: prekey.id, publicKey: prekey.publicKey, expiresAt: prekey.expiresAt },
  };
}

function opener(device: TestDevice): OpeningDevice {
  return {
    account: device.account,
    deviceId: device.keys.deviceId,
    encryptionKey: device.keys.encryption.privateKey,
    prekey: async (id) => device.prekeys.get(id)?.privateKey ?? null,
  };
}

const payload = {
  audio: new TextEncoder().encode('OggS fake opus audio for the envelope test'),
  mimeType: 'audio/ogg; codecs=opus',
  durationMs: 3120,
  waveform: new Uint8Array([0, 12, 255, 128]),
  recordedAt: 1_700_000_000_000,
};

async function twoAccounts() {
  const alice = randomAccount();
  const bob = randomAccount();
  const aliceDevices = [await makeDevice(alice), await makeDevice(alice)];
  const bobDevices = [await makeDevice(bob), await makeDevice(bob), await makeDevice(bob)];

  return { alice, bob, aliceDevices, bobDevices };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.equal((error as { code?: string }).code, code);

    return true;
  });
}

describe('voice envelope', () => {
  it('opens on every device of both accounts', async () => {
    const { alice, aliceDevices, bobDevices } = await twoAccounts();

    const sealed = await sealVoiceMessage({
      sender: alice,
      payload,
      recipients: bobDevices.map((device) => published(device)),
      senderDevices: aliceDevices.map((device) => published(device)),
      burn: false,
    });

    for (const device of [...aliceDevices, ...bobDevices]) {
      const opened = await openVoiceMessage(sealed, opener(device));

      assert.deepEqual(opened.payload.audio, payload.audio);
      assert.deepEqual(opened.payload.waveform, payload.waveform);
      assert.equal(opened.payload.durationMs, 3120);
      assert.equal(opened.payload.recordedAt, payload.recordedAt);
      assert.equal(opened.sender, alice);
      assert.equal(opened.burn, false);
      assert.equal(opened.prekeyId, 0);
    }
  });

  it('rejects a third account with DECRYPT_FAILED', async () => {
    const { alice, aliceDevices, bobDevices } = await twoAccounts();
    const carol = await makeDevice(randomAccount());
    const sealed = await sealVoiceMessage({
      sender: alice,
      payload,
      recipients: bobDevices.map((device) => published(device)),
      senderDevices: aliceDevices.map((device) => published(device)),
      burn: false,
    });

    await expectCode(openVoiceMessage(sealed, opener(carol)), 'DECRYPT_FAILED');
  });

  it('rejects another key under a copied device id', async () => {
    const { alice, bob, bobDevices } = await twoAccounts();
    const carol = await makeDevice(bob);
    const sealed = await sealVoiceMessage({
      sender: alice,
      payload,
      recipients: bobDevices.map((device) => published(device)),
      burn: false,
    });

    carol.keys.deviceId = bobDevices[0]!.keys.deviceId;

    await expectCode(openVoiceMessage(sealed, opener(carol)), 'DECRYPT_FAILED');
  });

  it('fails with DECRYPT_FAILED when any part is tampered with', async () => {
    const { alice, aliceDevices, bobDevices } = await twoAccounts();
    const sealed = await sealVoiceMessage({
      sender: alice,
      payload,
      recipients: bobDevices.map((device) => published(device)),
      senderDevices: aliceDevices.map((device) => published(device)),
      burn: false,
    });
    const tamperings: Array<[string, (envelope: voice.VoiceEnvelope) => void]> = [
      ['ciphertext', (envelope) => void (envelope.ciphertext[10]! ^= 1)],
      ['iv', (envelope) => void (envelope.iv[0]! ^= 1)],
      ['sender', (envelope) => void (envelope.sender = randomAccount())],
      ['burn flag', (envelope) => void (envelope.burn = true)],
      ['mime type', (envelope) => void (envelope.mimeType = 'audio/webm')],
      ['dropped key', (envelope) => void envelope.keys.pop()],
      [
        'swapped keys',
        (envelope) =>
          void (envelope.keys = [envelope.keys[1]!, envelope.keys[0]!, ...envelope.keys.slice(2)]),
      ],
    ];

    for (const [name, tamper] of tamperings) {
      const envelope = voice.VoiceEnvelope.decode(sealed);

      tamper(envelope);

      const bytes = voice.VoiceEnvelope.encode(envelope).finish();

      await assert.rejects(openVoiceMessage(bytes, opener(bobDevices[0]!)), (error: unknown) => {
        assert.equal((error as { code?: string }).code, 'DECRYPT_FAILED', name);

        return true;
      });
    }
  });

  it('wraps burn messages only to recipient prekeys', async () => {
    const { alice, aliceDevices, bobDevices } = await twoAccounts();

    const sealed = await sealVoiceMessage({
      sender: alice,
      payload,
      recipients: bobDevices.map((device) => published(device, true)),
      senderDevices: aliceDevices.map((device) => published(device, true)),
      burn: true,
    });
    const header = readEnvelopeHeader(sealed);

    assert.equal(header.burn, true);
    assert.equal(header.recipients.length, 3);
    assert.ok(header.recipients.every((recipient) => recipient.prekeyId > 0));

    for (const device of bobDevices) {
      const opened = await openVoiceMessage(sealed, opener(device));

      assert.equal(opened.burn, true);
      assert.equal(opened.prekeyId, 1);
    }

    for (const device of aliceDevices) {
      await expectCode(openVoiceMessage(sealed, opener(device)), 'DECRYPT_FAILED');
    }
  });

  it('cannot open a burn message once its prekey is destroyed', async () => {
    const { alice, bobDevices } = await twoAccounts();
    const sealed = await sealVoiceMessage({
      sender: alice,
      payload,
      recipients: bobDevices.map((device) => published(device, true)),
      burn: true,
    });
    const device = bobDevices[0]!;

    device.prekeys.delete(1);

    await expectCode(openVoiceMessage(sealed, opener(device)), 'DECRYPT_FAILED');
  });

  it('refuses a burn message without recipient prekeys', async () => {
    const { alice, bobDevices } = await twoAccounts();

    const seal = sealVoiceMessage({
      sender: alice,
      payload,
      recipients: bobDevices.map((device) => published(device)),
      burn: true,
    });

    await expectCode(seal, 'NO_RECIPIENT_DEVICES');
  });

  it('rejects a substituted key that is not X25519', async () => {
    const { alice, bobDevices } = await twoAccounts();
    const device = published(bobDevices[0]!);

    device.encryptionKey = new Uint8Array(31);

    await expectCode(
      sealVoiceMessage({ sender: alice, payload, recipients: [device], burn: false }),
      'KEY_BINDING_INVALID',
    );
  });

  it('signs prekeys with the device key', async () => {
    const device = await makeDevice(randomAccount());
    const other = await makeDevice(randomAccount());
    const prekey = device.prekeys.get(2)!;

    const valid = await verifyPrekey(
      device.keys.signingPublicKey,
      device.keys.deviceId,
      prekey,
      signingBytes,
    );
    const wrongKey = await verifyPrekey(
      other.keys.signingPublicKey,
      device.keys.deviceId,
      prekey,
      signingBytes,
    );
    const altered = await verifyPrekey(
      device.keys.signingPublicKey,
      device.keys.deviceId,
      { ...prekey, expiresAt: prekey.expiresAt + 1 },
      signingBytes,
    );

    assert.equal(valid, true);
    assert.equal(wrongKey, false);
    assert.equal(altered, false);
  });
});
