import assert from 'node:assert/strict';

import { describe, it } from 'node:test';

import $protobuf from 'protobufjs/minimal.js';
import protobuf from 'protobufjs';

import { voice } from '../../proto/gen/voice.js';
import {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  hasPayload,
  type PayloadByType,
  type PayloadType,
  SignalType,
  toBigInt,
  toLong,
} from '../../src/shared/codec.js';
import { StardustError } from '../../src/shared/errors.js';
import { signalSigningBytes, signedFieldsOf } from '../../src/shared/signing.js';
import { WIRE_SCHEMA } from '../../src/shared/wire-schema.js';
import { ed25519KeyPair } from '../support/signers.js';

const bytes = (length: number, fill: number): Uint8Array => new Uint8Array(length).fill(fill);
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const delegation = {
  domain: 'stardust-voice/session/v1',
  account: ALICE,
  sessionPublicKey: bytes(32, 1),
  genesisHash: bytes(32, 2),
  origin: 'https://app.example',
  issuedAt: 1_700_000_000_000n,
  expiresAt: 1_700_086_400_000n,
  walletSignature: bytes(64, 3),
  keyType: voice.KeyType.ED25519,
};
const iceCandidate = {
  candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
  sdpMid: '0',
  sdpMlineIndex: 0,
  usernameFragment: 'abcd',
};
const bundle = {
  account: BOB,
  deviceId: bytes(16, 4),
  encryptionKey: bytes(32, 5),
  signingKey: bytes(32, 6),
  createdAt: 1_700_000_000_000n,
  walletSignature: bytes(64, 7),
  keyType: voice.KeyType.SR25519,
  prekeys: [
    { id: 7, publicKey: bytes(32, 8), expiresAt: 1_800_000_000_000n, signature: bytes(64, 9) },
  ],
};

/** One sample per payload type, every field set to a value other than its default. */
const SAMPLES: { [K in PayloadType]: Partial<PayloadByType[K]> } = {
  [SignalType.CALL_INVITE]: {
    callerName: 'Alice',
    callerAvatar: 'https://app.example/a.png',
    callType: voice.CallType.VIDEO,
    delegation,
    hd: true,
  },
  [SignalType.CALL_ACCEPT]: { delegation },
  [SignalType.CALL_REJECT]: { reason: voice.RejectReason.DECLINE },
  [SignalType.CALL_CANCEL]: { reason: voice.EndReason.CANCELLED },
  [SignalType.CALL_HANGUP]: { reason: voice.EndReason.TAMPERED },
  [SignalType.CALL_BUSY]: { reason: voice.RejectReason.OFFLINE },
  [SignalType.CALL_CHAIN_LINK]: { chainCallId: bytes(16, 10) },
  [SignalType.SDP_OFFER]: {
    sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n',
    type: 'offer',
    iceRestart: true,
  },
  [SignalType.SDP_ANSWER]: { sdp: 'v=0\r\n', type: 'answer' },
  [SignalType.ICE_CANDIDATE]: iceCandidate,
  [SignalType.ROOM_JOIN]: { nickname: 'Bob', canSend: true },
  [SignalType.ROOM_MUTE]: { account: BOB, muted: true },
  [SignalType.ROOM_ROLE]: { account: BOB, role: voice.MemberRole.LISTENER },
  [SignalType.ROOM_KICK]: { account: BOB },
  [SignalType.ROOM_STATE]: {
    members: [
      {
        account: ALICE,
        nickname: 'Alice',
        avatar: 'a',
        role: voice.MemberRole.HOST,
        isMuted: true,
        isSpeaking: true,
        handRaised: true,
        serverMuted: true,
        connected: true,
      },
    ],
    speakingMode: voice.SpeakingMode.SEQUENTIAL,
    activeSpeakers: [ALICE],
    handQueue: [BOB],
    turn: { account: ALICE, endsAt: 1_700_000_060_000n, turnMs: 60_000, queue: [BOB] },
    media: 'janus',
    closed: true,
    maxMembers: 50,
  },
  [SignalType.ROOM_RAISE_HAND]: { raised: true, account: BOB, approved: false },
  [SignalType.ROOM_SPEAKING]: { activeSpeakers: [ALICE, BOB] },
  [SignalType.ROOM_TURN]: { account: BOB, endsAt: 2n ** 62n, turnMs: 30_000, queue: [ALICE] },
  [SignalType.ROOM_MODERATION]: {
    action: 'kick',
    target: BOB,
    ok: false,
    code: 'ROOM_NOT_ALLOWED',
  },
  [SignalType.ROOM_JSEP]: { type: 'offer', sdp: 'v=0\r\n' },
  [SignalType.ROOM_TRICKLE]: { candidate: iceCandidate, completed: true },
  [SignalType.ROOM_TIP]: {
    to: BOB,
    amount: '340282366920938463463374607431768211455',
    blockHash: bytes(32, 11),
  },
  [SignalType.ROOM_MODE]: { speakingMode: voice.SpeakingMode.RAISE_HAND, turnMs: 45_000 },
  [SignalType.AUTH_CHALLENGE]: {
    challenge: bytes(32, 12),
    serverTime: 1_700_000_000_000n,
    serverId: 'signal-1',
    genesisHash: bytes(32, 2),
  },
  [SignalType.AUTH_RESPONSE]: { delegation, challengeSignature: bytes(64, 13) },
  [SignalType.AUTH_OK]: {
    account: ALICE,
    expiresAt: 1_700_086_400_000n,
    iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: '1:a', credential: 'c' }],
    serverId: 'signal-1',
    serverTime: 1_700_000_000_000n,
    heartbeatIntervalMs: 15_000,
    iceExpiresAt: 1_700_086_400_000n,
  },
  [SignalType.ERROR]: {
    code: 'RATE_LIMITED',
    message: 'slow down',
    refType: SignalType.ICE_CANDIDATE,
    detail: -489,
  },
  [SignalType.VOICE_MESSAGE]: {
    cid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy',
    burn: true,
    blockHash: '0xab',
    durationMs: 4200,
    waveform: bytes(64, 14),
    public: true,
  },
  [SignalType.KEYS_PUBLISH]: { bundle },
  [SignalType.KEYS_LOOKUP]: { account: BOB, claimPrekeys: true },
  [SignalType.KEYS_RESULT]: { devices: [bundle], prekeysLeft: [99] },
  [SignalType.DELEGATION_LOOKUP]: { account: ALICE, sessionKey: bytes(32, 1) },
  [SignalType.DELEGATION_RESULT]: {
    delegations: [delegation, { ...delegation, origin: 'https://b.example' }],
  },
  [SignalType.TURN_CREDENTIALS]: {
    iceServers: [
      { urls: ['turn:127.0.0.1:3478?transport=udp', 'turn:127.0.0.1:3478?transport=tcp'] },
    ],
    expiresAt: 1_700_086_400_000n,
  },
};

function isDecodeError(error: unknown): boolean {
  return error instanceof StardustError && error.code === 'PROTOCOL_DECODE';
}

/** Builds a valid signed frame for the bad-input cases. */
function sampleFrame(): Uint8Array {
  return encodeSignal({
    type: SignalType.ICE_CANDIDATE,
    from: ALICE,
    to: BOB,
    callId: '00112233445566778899aabbccddeeff',
    payload: encodePayload(SignalType.ICE_CANDIDATE, iceCandidate),
    timestamp: 1_700_000_000_000n,
    signature: bytes(64, 1),
    nonce: bytes(16, 2),
    requestId: 5,
    sessionKey: bytes(32, 3),
  });
}

describe('codec', () => {
  it('round-trips every payload type', () => {
    for (const [typeText, sample] of Object.entries(SAMPLES)) {
      const type = Number(typeText) as PayloadType;
      const decoded = decodePayload(type, encodePayload(type, sample as never));

      assert.deepEqual(pick(decoded, sample), sample, `type ${typeText}`);
    }
  });

  it('decodes an empty payload to defaults', () => {
    const invite = decodePayload(SignalType.CALL_INVITE, new Uint8Array(0));

    assert.equal(invite.callerName, '');
    assert.equal(invite.hd, false);
    assert.equal(invite.callType, undefined);
    assert.equal(invite.delegation, undefined);
  });

  it('covers every type that has a payload', () => {
    for (const value of Object.values(voice.SignalType)) {
      if (typeof value !== 'number') continue;

      assert.equal(hasPayload(value), Object.hasOwn(SAMPLES, value), `type ${value}`);
    }
  });

  it('round-trips the envelope with int64 extremes', () => {
    for (const timestamp of [0n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), -1n]) {
      const frame = encodeSignal({
        type: SignalType.HEARTBEAT,
        from: ALICE,
        to: BOB,
        callId: 'c',
        roomId: 'r',
        payload: bytes(3, 1),
        timestamp,
        signature: bytes(64, 2),
        nonce: bytes(16, 3),
        requestId: 0xffff_ffff,
        sessionKey: bytes(32, 4),
      });
      const decoded = decodeSignal(frame);

      assert.equal(decoded.timestamp, timestamp);
      assert.equal(decoded.type, SignalType.HEARTBEAT);
      assert.equal(decoded.requestId, 0xffff_ffff);
      assert.deepEqual(decoded.sessionKey, bytes(32, 4));
      assert.equal(decoded.payload.constructor, Uint8Array);
    }
  });

  it('tells a missing type from CALL_INVITE', () => {
    assert.equal(decodeSignal(encodeSignal({ from: ALICE })).type, undefined);
    assert.equal(decodeSignal(encodeSignal({ type: SignalType.CALL_INVITE })).type, 0);
  });

  it('rejects int64 decoding without long', () => {
    const saved = $protobuf.util.Long;
    const frame = encodeSignal({ type: SignalType.HEARTBEAT, timestamp: 2n ** 62n + 3n });

    $protobuf.util.Long = null as never;
    $protobuf.configure();

    try {
      assert.throws(
        () => decodeSignal(frame),
        (error: unknown) =>
          error instanceof StardustError &&
          error.code === 'INTERNAL_ERROR' &&
          /without the long package/.test(error.message),
      );
    } finally {
      $protobuf.util.Long = saved;
      $protobuf.configure();
    }
  });

  it('converts every int64 shape exactly', () => {
    assert.equal(toBigInt({ low: -1, high: 0x7fff_ffff }), 2n ** 63n - 1n);
    assert.equal(toBigInt({ low: 0, high: -0x8000_0000 }), -(2n ** 63n));
    assert.equal(toBigInt('18446744073709551615'), 18446744073709551615n);
    assert.equal(toBigInt(42), 42n);
    assert.equal(toBigInt(toLong(-(2n ** 60n) - 7n)), -(2n ** 60n) - 7n);
  });

  it('matches the field table to the schema', () => {
    const root = protobuf.loadSync(new URL('../../proto/voice.proto', import.meta.url).pathname);

    root.resolveAll();

    for (const [name, entry] of Object.entries(WIRE_SCHEMA)) {
      const type = root.lookupType(`voice.${name}`);
      const nested: Record<string, string> = {};

      for (const field of type.fieldsArray) {
        if (field.resolvedType instanceof protobuf.Type)
          nested[field.name] = field.resolvedType.name;
      }

      assert.deepEqual(
        [...entry.fields],
        type.fieldsArray.map((field) => field.id).sort((a, b) => a - b),
        `${name}: update src/shared/wire-schema.ts after changing proto/voice.proto`,
      );
      assert.deepEqual({ ...entry.nested }, nested, `${name} nested messages`);

      for (const nestedName of Object.values(nested)) {
        assert.ok(nestedName in WIRE_SCHEMA, `${nestedName} (inside ${name}) is in the table`);
      }
    }
  });
});

describe('codec bad input', () => {
  it('rejects random bytes only with PROTOCOL_DECODE', () => {
    let rejected = 0;

    for (let i = 0; i < 2000; i += 1) {
      const frame = globalThis.crypto.getRandomValues(new Uint8Array(1 + (i % 300)));

      try {
        decodeSignal(frame);
      } catch (error) {
        assert.ok(isDecodeError(error), `frame ${i}: ${String(error)}`);
        rejected += 1;
      }
    }

    assert.ok(rejected > 1000, `most random frames are invalid (${rejected})`);
  });

  it('rejects every truncation of a frame', () => {
    const frame = sampleFrame();

    for (let length = 1; length < frame.length; length += 1) {
      const cut = frame.subarray(0, length);

      try {
        const decoded = decodeSignal(cut);

        // A cut at a field boundary is a valid shorter message: it must not invent data.
        assert.ok(decoded.sessionKey.length === 0 || decoded.sessionKey.length === 32);
      } catch (error) {
        assert.ok(isDecodeError(error), `length ${length}: ${String(error)}`);
      }
    }
  });

  it('rejects a known field with the wrong wire type', () => {
    // Field 2 (from, a string) sent as a varint.
    const frame = Uint8Array.of(0x08, 0x1e, 0x10, 0x05);

    assert.throws(() => decodeSignal(frame), isDecodeError);
  });

  it('rejects a wrong wire type inside a nested payload', () => {
    // CallInvite.delegation (field 4) holding SessionDelegation.issued_at (field 6) as bytes.
    const delegationBytes = Uint8Array.of(0x32, 0x01, 0x00);
    const payload = Uint8Array.of(0x22, delegationBytes.length, ...delegationBytes);

    assert.throws(() => decodePayload(SignalType.CALL_INVITE, payload), isDecodeError);
  });

  it('rejects malformed UTF-8 in a string', () => {
    const frame = Uint8Array.of(0x12, 0x02, 0xc3, 0x28);

    assert.throws(() => decodeSignal(frame), isDecodeError);
  });

  it('rejects deeply nested groups', () => {
    const frame = new Uint8Array(400).fill(0x63); // start-group tags of field 12, never closed

    assert.throws(() => decodeSignal(frame), isDecodeError);
  });

  it('keeps unknown enum values as numbers', () => {
    const frame = encodeSignal({ type: 999 as never, from: ALICE });
    const payload = encodePayload(SignalType.CALL_REJECT, { reason: 77 as never });

    assert.equal(decodeSignal(frame).type, 999);
    assert.equal(decodePayload(SignalType.CALL_REJECT, payload).reason, 77);
  });

  it('accepts unknown fields without breaking signatures', async () => {
    const key = ed25519KeyPair(bytes(32, 42));
    const message = decodeSignal(sampleFrame());
    const signature = key.sign(signalSigningBytes(signedFieldsOf(message)));
    const signed = encodeSignal({ ...message, signature });
    // Field 99 (varint 1) and field 100 (bytes "hi") from a newer sender.
    const extended = Uint8Array.of(...signed, 0x98, 0x06, 0x01, 0xa2, 0x06, 0x02, 0x68, 0x69);
    const decoded = decodeSignal(extended);
    const rebuilt = signalSigningBytes(signedFieldsOf(decoded));

    assert.deepEqual(decoded.signature, signature);
    assert.ok(
      (await import('@noble/curves/ed25519.js')).ed25519.verify(signature, rebuilt, key.publicKey),
    );
  });

  it('rejects a payload that is not the payload message', () => {
    assert.throws(
      () => decodePayload(SignalType.AUTH_RESPONSE, Uint8Array.of(0x0a, 0x05, 0x01)),
      isDecodeError,
    );
  });
});

/** Keeps the keys of `decoded` that `sample` sets, recursively, to compare against it. */
function pick(decoded: unknown, sample: unknown): unknown {
  if (Array.isArray(sample)) return (decoded as unknown[]).map((item, i) => pick(item, sample[i]));

  if (sample === null || typeof sample !== 'object' || sample instanceof Uint8Array) return decoded;

  const out: Record<string, unknown> = {};

  for (const key of Object.keys(sample)) {
    out[key] = pick(
      (decoded as Record<string, unknown>)[key],
      (sample as Record<string, unknown>)[key],
    );
  }

  return out;
}
