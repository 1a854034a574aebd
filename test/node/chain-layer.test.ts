// Chain-independent parts of the chain layer: argument checks, error mapping, codec
// conversion and the pallet wrappers' guards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { TypeRegistry } from '@polkadot/types';

import { balanceArg, bytesArg, idArg, uintArg } from '../../src/chain/args.js';
import { ChainClient } from '../../src/chain/chain-client.js';
import { StardustClient } from '../../src/client/stardust-client.js';
import { ChainError, mapSubmitError } from '../../src/chain/chain-error.js';
import { toPlain } from '../../src/chain/plain.js';
import { toCallRecord } from '../../src/chain/pallets/voice-call.js';
import { StardustError, type ErrorCode } from '../../src/shared/errors.js';
import { encodeAddress } from '../../src/shared/ss58.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

function hasCode(code: ErrorCode) {
  return (error: unknown) => error instanceof StardustError && error.code === code;
}

describe('module error mapping', () => {
  const cases: Array<[string, string, ErrorCode]> = [
    ['voiceCall', 'InsufficientBalance', 'CALL_INSUFFICIENT_BALANCE'],
    ['voiceCall', 'UserBusy', 'CALL_CHAIN_BUSY'],
    ['voiceCall', 'UserBlocked', 'CALL_BLOCKED'],
    ['voiceCall', 'CallNotFound', 'CALL_NOT_FOUND'],
    ['voiceRoom', 'RoomFull', 'ROOM_FULL'],
    ['voiceRoom', 'RoomNotFound', 'ROOM_NOT_FOUND'],
    ['voiceRoom', 'RoomClosed', 'ROOM_CLOSED'],
    ['voiceRoom', 'NotInRoom', 'ROOM_NOT_MEMBER'],
    ['balances', 'InsufficientBalance', 'TX_FAILED'],
    ['chat', 'SenderBlocked', 'TX_FAILED'],
  ];

  for (const [pallet, name, code] of cases) {
    it(`maps ${pallet}.${name} to ${code}`, () => {
      const error = ChainError.dispatchFailed(
        `${pallet}.someCall`,
        { pallet, name, docs: 'What went wrong.' },
        '0x01',
        '0x02',
      );

      assert.equal(error.code, code);
      assert.match(error.message, new RegExp(`${pallet}\\.${name} \\(What went wrong\\.\\)`));
      assert.deepEqual(error.moduleError, { pallet, name, docs: 'What went wrong.' });
      assert.equal(error.blockHash, '0x02');
    });
  }
});

describe('pool rejection mapping', () => {
  it('maps 1010 with node text to TX_INVALID', () => {
    const error = mapSubmitError('balances.transferKeepAlive', {
      code: 1010,
      message: '1010: Invalid Transaction',
      data: 'Transaction is outdated',
    });

    assert.ok(error instanceof ChainError);
    assert.equal(error.code, 'TX_INVALID');
    assert.equal(error.rpcCode, 1010);
    assert.match(error.message, /Transaction is outdated/);
  });

  it('reads the reason from chopsticks JSON', () => {
    const error = mapSubmitError('system.remark', {
      code: 1010,
      message: '1010: {"invalid":{"payment":null}}',
    });

    assert.match(error.message, /cannot pay the fees/);
  });

  for (const [code, words] of [
    [1011, /unknown transaction validity/],
    [1012, /temporarily banned/],
    [1013, /already imported/],
    [1014, /priority too low/],
  ] as const) {
    it(`maps ${code} to TX_INVALID`, () => {
      const error = mapSubmitError('system.remark', { code, message: `${code}: rejected` });

      assert.equal(error.code, 'TX_INVALID');
      assert.equal((error as ChainError).rpcCode, code);
      assert.match(error.message, words);
    });
  }

  it('maps a lost socket to TX_DROPPED', () => {
    const error = mapSubmitError(
      'system.remark',
      new Error('disconnected from ws://127.0.0.1:9944: 1006:: Abnormal Closure'),
    );

    assert.equal(error.code, 'TX_DROPPED');
  });

  it('passes wallet errors through', () => {
    const rejected = new StardustError('WALLET_REJECTED', 'The user refused.');

    assert.equal(mapSubmitError('system.remark', rejected), rejected);
  });
});

describe('argument checks', () => {
  it('rejects malformed ids', () => {
    for (const id of ['', '0x1234', `0x${'zz'.repeat(16)}`, `${'11'.repeat(16)}`]) {
      assert.throws(() => idArg(id, 'callId'), hasCode('INVALID_ARGUMENT'), id);
    }

    assert.equal(idArg(`0x${'AB'.repeat(16)}`, 'callId'), `0x${'ab'.repeat(16)}`);
  });

  it('rejects bytes over their bound', () => {
    assert.throws(() => bytesArg('x'.repeat(65), 64, 'name'), hasCode('INVALID_ARGUMENT'));
    assert.equal(bytesArg('ab', 64, 'name'), '0x6162');
    assert.equal(bytesArg('語', 3, 'name'), '0xe8aa9e');
    assert.throws(() => bytesArg('語', 2, 'name'), hasCode('INVALID_ARGUMENT'));
  });

  it('rejects balances outside u128', () => {
    assert.throws(() => balanceArg(-1n, 'value'), hasCode('INVALID_ARGUMENT'));
    assert.throws(() => balanceArg(1n << 128n, 'value'), hasCode('INVALID_ARGUMENT'));
    assert.throws(() => balanceArg(5 as unknown as bigint, 'value'), hasCode('INVALID_ARGUMENT'));
    assert.equal(balanceArg((1n << 128n) - 1n, 'value'), (1n << 128n) - 1n);
  });

  it('rejects integers outside their width', () => {
    assert.throws(() => uintArg(256, 8, 'packetLoss'), hasCode('INVALID_ARGUMENT'));
    assert.throws(() => uintArg(1.5, 32, 'delay'), hasCode('INVALID_ARGUMENT'));
    assert.equal(uintArg(255, 8, 'packetLoss'), 255);
  });
});

describe('pallet wrappers before connecting', () => {
  // Port 9 (discard) is never served here; argument checks fail before any connection.
  const chain = new ChainClient({ url: 'ws://127.0.0.1:9', connectTimeoutMs: 10 });

  it('reject a bad address with ADDRESS_INVALID', async () => {
    await assert.rejects(
      chain.voiceCall.initiateCall('5Grwva-not-an-address'),
      hasCode('ADDRESS_INVALID'),
    );
    await assert.rejects(
      chain.balances.transferKeepAlive(`${ALICE.slice(0, -1)}Z`, 1n),
      hasCode('ADDRESS_INVALID'),
    );
  });

  it('reject bad enum values with INVALID_ARGUMENT', async () => {
    await assert.rejects(
      chain.voiceCall.initiateCall(ALICE, 'Hologram' as never),
      hasCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      chain.voiceCall.rejectCall(`0x${'00'.repeat(16)}`, 'Bored' as never),
      hasCode('INVALID_ARGUMENT'),
    );
  });

  it('reject room settings out of bounds', async () => {
    const config = {
      maxMembers: 51,
      isPublic: true,
      entryFee: 0n,
      speakingMode: 'FreeSpeak' as const,
    };

    await assert.rejects(chain.voiceRoom.createRoom('room', config), hasCode('INVALID_ARGUMENT'));
    await assert.rejects(
      chain.voiceRoom.createRoom('', { ...config, maxMembers: 5 }),
      hasCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      chain.voiceRoom.createRoom('r'.repeat(65), { ...config, maxMembers: 5 }),
      hasCode('INVALID_ARGUMENT'),
    );
  });

  it('reject voice metadata out of bounds', async () => {
    const metadata = {
      cid: 'bafy',
      duration: 3,
      waveform: new Uint8Array(129),
      transcription: null,
      burnAfterReading: false,
    };

    await assert.rejects(chain.chat.sendVoiceMessage(ALICE, metadata), hasCode('INVALID_ARGUMENT'));
    await assert.rejects(
      chain.chat.sendVoiceMessage(ALICE, { ...metadata, waveform: new Uint8Array(), cid: '' }),
      hasCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      chain.chat.sendVoiceMessage(ALICE, {
        ...metadata,
        waveform: new Uint8Array(),
        cid: 'c'.repeat(129),
      }),
      hasCode('INVALID_ARGUMENT'),
    );
  });

  it('rejects an empty batch', async () => {
    await assert.rejects(chain.utility.batchAll([]), hasCode('INVALID_ARGUMENT'));
  });

  it('rejects a non-websocket url', () => {
    assert.throws(() => new ChainClient({ url: 'http://127.0.0.1:9944' }), TypeError);
  });
});

describe('codec conversion', () => {
  const registry = new TypeRegistry();

  registry.register({
    CallQuality: { avgBitrate: 'u32', packetLoss: 'u8', jitter: 'u16', latency: 'u16' },
    CallState: { _enum: ['Ringing', 'Connecting', 'Connected', 'Ended'] },
    CallType: { _enum: ['Audio', 'Video'] },
    CallRecord: {
      callId: '[u8; 16]',
      caller: 'AccountId32',
      callee: 'AccountId32',
      state: 'CallState',
      callType: 'CallType',
      startedAt: 'Option<u64>',
      endedAt: 'Option<u64>',
      duration: 'u32',
      quality: 'CallQuality',
      feePaid: 'u128',
      initiatedAt: 'u64',
    },
    RejectReason: { _enum: ['Busy', 'Decline', 'Timeout', 'Offline'] },
    CallEndReason: {
      _enum: {
        Normal: 'Null',
        Rejected: 'RejectReason',
        NetworkError: 'Null',
      },
    },
  });

  it('converts a call record to plain types', () => {
    const codec = registry.createType('CallRecord', {
      callId: `0x${'ab'.repeat(16)}`,
      caller: ALICE,
      callee: ALICE,
      state: 'Connected',
      callType: 'Audio',
      startedAt: 1_700_000_000_000,
      endedAt: null,
      duration: 61,
      quality: { avgBitrate: 24_000, packetLoss: 2, jitter: 5, latency: 40 },
      feePaid: 10n ** 10n,
      initiatedAt: 1_699_999_990_000,
    });

    const record = toCallRecord(toPlain(codec, 42));

    assert.deepEqual(record, {
      callId: `0x${'ab'.repeat(16)}`,
      caller: ALICE,
      callee: ALICE,
      state: 'Connected',
      callType: 'Audio',
      startedAt: 1_700_000_000_000,
      endedAt: null,
      duration: 61,
      quality: { avgBitrate: 24_000, packetLoss: 2, jitter: 5, latency: 40 },
      feePaid: 10n ** 10n,
      initiatedAt: 1_699_999_990_000,
    });
  });

  it('encodes account ids with the given prefix', () => {
    const codec = registry.createType('AccountId32', ALICE);

    assert.equal(toPlain(codec, 0), encodeAddress(codec.toU8a(), 0));
  });

  it('converts enums with and without data', () => {
    assert.deepEqual(toPlain(registry.createType('CallEndReason', { Rejected: 'Busy' }), 42), {
      type: 'Rejected',
      value: 'Busy',
    });
    assert.deepEqual(toPlain(registry.createType('CallEndReason', 'Normal'), 42), {
      type: 'Normal',
    });
    assert.equal(toPlain(registry.createType('RejectReason', 'Decline'), 42), 'Decline');
  });

  it('converts vectors, options and wide integers', () => {
    assert.deepEqual(toPlain(registry.createType('Vec<u16>', [1, 2]), 42), [1, 2]);
    assert.equal(toPlain(registry.createType('Option<u32>', null), 42), null);
    assert.equal(toPlain(registry.createType('u64', 7), 42), 7n);
    assert.equal(toPlain(registry.createType('Compact<u128>', 9), 42), 9n);
    assert.equal(toPlain(registry.createType('bool', true), 42), true);
    assert.equal(toPlain(registry.createType('Bytes', '0x0102'), 42), '0x0102');
  });
});

describe('StardustClient chain', () => {
  it('creates one chain client lazily', async () => {
    const client = new StardustClient({
      chain: 'ws://127.0.0.1:9944',
      signaling: 'ws://127.0.0.1:8888/signal',
      ipfsApi: 'http://127.0.0.1:5001',
      gateways: ['http://127.0.0.1:8080'],
    });

    const chain = client.chain;

    assert.equal(client.chain, chain);
    assert.equal(chain.url, 'ws://127.0.0.1:9944');
    assert.equal(chain.info, null);
    await client.dispose();
    await assert.rejects(chain.connect(), hasCode('DISPOSED'));
  });
});
