// Checks the canonical signing bytes against test/fixtures/signing-vectors.json, so any
// change to a layout shows up as a failing vector. Regenerate the file on purpose only,
// with UPDATE_SIGNING_VECTORS=1, after updating docs/protocol.md.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { ed25519 } from '@noble/curves/ed25519.js';

import { fromHex, toHex } from '../../src/shared/bytes.js';
import { delegationStatement, delegationStatementBytes } from '../../src/shared/delegation.js';
import { deviceBindingStatement, prekeySigningBytes } from '../../src/shared/device-keys.js';
import { challengeSigningBytes, signalSigningBytes } from '../../src/shared/signing.js';

const path = new URL('../fixtures/signing-vectors.json', import.meta.url);
const SEED = new Uint8Array(32).fill(0x5a);
const SESSION_PUBLIC = ed25519.getPublicKey(SEED);
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const seq = (length: number, start: number): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => (start + i) & 0xff);

interface Vectors {
  seed: string;
  sessionPublicKey: string;
  signal: Array<{
    name: string;
    fields: Record<string, string | number>;
    bytes: string;
    signature: string;
  }>;
  challenge: {
    challenge: string;
    account: string;
    serverId: string;
    bytes: string;
    signature: string;
  };
  delegation: { fields: Record<string, string | number>; statement: string; bytes: string };
  deviceBinding: { fields: Record<string, string>; statement: string };
  prekey: { fields: Record<string, string | number>; bytes: string; signature: string };
}

function signalCases(): Vectors['signal'] {
  const cases = [
    {
      name: 'ice candidate',
      fields: {
        type: 12,
        from: ALICE,
        to: BOB,
        callId: '00112233445566778899aabbccddeeff',
        roomId: '',
        timestamp: '1700000000123',
        nonce: toHex(seq(16, 0x10)),
        sessionKey: toHex(SESSION_PUBLIC),
        payload: toHex(new TextEncoder().encode('\n\x05cand0')),
      },
    },
    {
      name: 'empty strings and payload, int64 above 2^53',
      fields: {
        type: 30,
        from: ALICE,
        to: '',
        callId: '',
        roomId: '',
        timestamp: '9007199254740993',
        nonce: toHex(seq(16, 0xf0)),
        sessionKey: toHex(SESSION_PUBLIC),
        payload: '',
      },
    },
    {
      name: 'room message with a negative timestamp and UTF-8',
      fields: {
        type: 26,
        from: BOB,
        to: '',
        callId: '',
        roomId: 'ffeeddccbbaa99887766554433221100',
        timestamp: '-1',
        nonce: toHex(seq(16, 0)),
        sessionKey: toHex(SESSION_PUBLIC),
        payload: toHex(new TextEncoder().encode('语音')),
      },
    },
  ];

  return cases.map(({ name, fields }) => {
    const signed = signalSigningBytes(parseSignal(fields));

    return { name, fields, bytes: toHex(signed), signature: toHex(ed25519.sign(signed, SEED)) };
  });
}

function parseSignal(fields: Record<string, string | number>) {
  return {
    type: Number(fields.type),
    from: String(fields.from),
    to: String(fields.to),
    callId: String(fields.callId),
    roomId: String(fields.roomId),
    timestamp: BigInt(fields.timestamp!),
    nonce: fromHex(String(fields.nonce)),
    sessionKey: fromHex(String(fields.sessionKey)),
    payload: fromHex(String(fields.payload)),
  };
}

function build(): Vectors {
  const challenge = seq(32, 0x80);
  const challengeBytes = challengeSigningBytes(challenge, ALICE, 'signal-1');
  const delegationFields = {
    domain: 'stardust-voice/session/v1',
    account: ALICE,
    sessionPublicKey: SESSION_PUBLIC,
    genesisHash: seq(32, 0x20),
    origin: 'https://app.example',
    issuedAt: 1_700_000_000_000n,
    expiresAt: 1_700_086_400_000n,
    keyType: 0,
  };
  const binding = {
    account: BOB,
    deviceId: seq(16, 0x40),
    encryptionKey: seq(32, 0x50),
    signingKey: SESSION_PUBLIC,
    createdAt: 1_700_000_000_000n,
  };
  const prekey = {
    account: BOB,
    deviceId: seq(16, 0x40),
    id: 7,
    publicKey: seq(32, 0x60),
    expiresAt: 1_700_604_800_000n,
  };
  const prekeyBytes = prekeySigningBytes(prekey);

  return {
    seed: toHex(SEED),
    sessionPublicKey: toHex(SESSION_PUBLIC),
    signal: signalCases(),
    challenge: {
      challenge: toHex(challenge),
      account: ALICE,
      serverId: 'signal-1',
      bytes: toHex(challengeBytes),
      signature: toHex(ed25519.sign(challengeBytes, SEED)),
    },
    delegation: {
      fields: {
        ...delegationFields,
        sessionPublicKey: toHex(SESSION_PUBLIC),
        genesisHash: toHex(delegationFields.genesisHash),
        issuedAt: '1700000000000',
        expiresAt: '1700086400000',
      },
      statement: delegationStatement(delegationFields),
      bytes: toHex(delegationStatementBytes(delegationFields)),
    },
    deviceBinding: {
      fields: {
        account: BOB,
        deviceId: toHex(binding.deviceId),
        encryptionKey: toHex(binding.encryptionKey),
        signingKey: toHex(binding.signingKey),
        createdAt: '1700000000000',
      },
      statement: deviceBindingStatement(binding),
    },
    prekey: {
      fields: {
        ...prekey,
        deviceId: toHex(prekey.deviceId),
        publicKey: toHex(prekey.publicKey),
        expiresAt: '1700604800000',
      },
      bytes: toHex(prekeyBytes),
      signature: toHex(ed25519.sign(prekeyBytes, SEED)),
    },
  };
}

if (process.env.UPDATE_SIGNING_VECTORS === '1') {
  writeFileSync(path, `${JSON.stringify(build(), null, 2)}\n`);
}

const vectors = JSON.parse(readFileSync(path, 'utf8')) as Vectors;

describe('signing vectors', () => {
  it('rebuilds every signal vector byte for byte', () => {
    for (const vector of vectors.signal) {
      const signed = signalSigningBytes(parseSignal(vector.fields));

      assert.equal(toHex(signed), vector.bytes, vector.name);
      assert.ok(
        ed25519.verify(fromHex(vector.signature), signed, fromHex(vectors.sessionPublicKey)),
      );
    }
  });

  it('starts every signal vector with the domain tag', () => {
    const prefix = toHex(
      Uint8Array.of(24, 0, 0, 0, ...new TextEncoder().encode('stardust-voice/signal/v1')),
    );

    for (const vector of vectors.signal) assert.ok(vector.bytes.startsWith(prefix), vector.name);
  });

  it('rebuilds the challenge vector', () => {
    const { challenge } = vectors;
    const signed = challengeSigningBytes(
      fromHex(challenge.challenge),
      challenge.account,
      challenge.serverId,
    );

    assert.equal(toHex(signed), challenge.bytes);
    assert.ok(
      ed25519.verify(fromHex(challenge.signature), signed, fromHex(vectors.sessionPublicKey)),
    );
  });

  it('rebuilds the delegation statement', () => {
    const { fields } = vectors.delegation;
    const delegation = {
      domain: String(fields.domain),
      account: String(fields.account),
      sessionPublicKey: fromHex(String(fields.sessionPublicKey)),
      genesisHash: fromHex(String(fields.genesisHash)),
      origin: String(fields.origin),
      issuedAt: BigInt(fields.issuedAt!),
      expiresAt: BigInt(fields.expiresAt!),
      keyType: Number(fields.keyType),
    };

    assert.equal(delegationStatement(delegation), vectors.delegation.statement);
    assert.equal(toHex(delegationStatementBytes(delegation)), vectors.delegation.bytes);
  });

  it('rebuilds the device binding and prekey bytes', () => {
    const binding = vectors.deviceBinding.fields;
    const prekey = vectors.prekey.fields;
    const prekeyBytes = prekeySigningBytes({
      account: String(prekey.account),
      deviceId: fromHex(String(prekey.deviceId)),
      id: Number(prekey.id),
      publicKey: fromHex(String(prekey.publicKey)),
      expiresAt: BigInt(prekey.expiresAt!),
    });

    assert.equal(
      deviceBindingStatement({
        account: binding.account!,
        deviceId: fromHex(binding.deviceId!),
        encryptionKey: fromHex(binding.encryptionKey!),
        signingKey: fromHex(binding.signingKey!),
        createdAt: BigInt(binding.createdAt!),
      }),
      vectors.deviceBinding.statement,
    );
    assert.equal(toHex(prekeyBytes), vectors.prekey.bytes);
    assert.ok(
      ed25519.verify(
        fromHex(vectors.prekey.signature),
        prekeyBytes,
        fromHex(vectors.sessionPublicKey),
      ),
    );
  });
});
