// The devnet as a Substrate node: metadata, storage keys, RPC queries, signed extrinsic
// checks with the node's error codes, fees, blocks and dev RPCs, through ApiPromise.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';

import type { KeyringPair } from '@polkadot/keyring/types';
import type { AccountInfo, Header } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, xxhashAsHex } from '@polkadot/util-crypto';
import { pino } from 'pino';

import {
  chainNow,
  connect,
  DUST,
  eventData,
  freeBalance,
  rpc,
  startDevnetClient,
  submit,
  type DevnetFixture,
} from '../support/devnet-client.js';

let chain: DevnetFixture;
const logLines: Array<Record<string, unknown>> = [];
let nextMember = 1;

function member(): KeyringPair {
  const pair = chain.pair(`//Member${nextMember}`);

  nextMember += 1;

  return pair;
}

/** Submits a signed transaction without watching and returns the node's error message. */
async function rejection(hex: string): Promise<string> {
  try {
    await rpc(chain, 'author_submitExtrinsic', [hex]);
  } catch (error) {
    return (error as Error).message;
  }

  throw new Error('the devnet accepted the transaction');
}

before(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)));
      done();
    },
  });

  chain = await startDevnetClient({ devAccounts: 30, logger: pino({ level: 'debug' }, stream) });
});

after(async () => {
  await chain.close();
});

describe('node facts', () => {
  it('reports genesis, version and properties', async () => {
    const properties = chain.api.registry.getChainProperties()!;

    assert.equal(chain.api.genesisHash.toHex(), chain.devnet.genesisHash);
    assert.equal((await chain.api.rpc.chain.getBlockHash(0)).toHex(), chain.devnet.genesisHash);
    assert.equal(chain.api.runtimeVersion.specName.toString(), 'stardust');
    assert.equal((await chain.api.rpc.system.chain()).toString(), 'Stardust Devnet');
    assert.equal(properties.ss58Format.unwrap().toNumber(), 42);
    assert.equal(properties.tokenDecimals.unwrap()[0]!.toNumber(), 12);
    assert.equal(properties.tokenSymbol.unwrap()[0]!.toString(), 'DUST');
  });

  it('serves metadata V14 with the agreed pallet indices', () => {
    const pallets = chain.api.runtimeMetadata.asLatest.pallets.map((pallet) => [
      pallet.name.toString(),
      pallet.index.toNumber(),
    ]);

    assert.equal(chain.api.runtimeMetadata.version, 14);
    assert.deepEqual(pallets, [
      ['System', 0],
      ['Timestamp', 1],
      ['Balances', 2],
      ['TransactionPayment', 3],
      ['Utility', 4],
      ['Proxy', 5],
      ['Contacts', 6],
      ['Chat', 7],
      ['VoiceCall', 8],
      ['VoiceRoom', 9],
      ['VoiceMining', 10],
    ]);
  });

  it('exposes constants', () => {
    const consts = chain.api.consts as unknown as Record<
      string,
      Record<string, { toString(): string }>
    >;

    assert.equal(consts.balances!.existentialDeposit!.toString(), String(DUST / 1000n));
    assert.equal(consts.voiceCall!.callFeePerMinute!.toString(), String(DUST / 100n));
    assert.equal(consts.voiceCall!.callTimeout!.toString(), '60000');
    assert.equal(consts.voiceCall!.maxCallDuration!.toString(), String(4 * 3600 * 1000));
    assert.equal(consts.voiceRoom!.maxRoomMembers!.toString(), '50');
    assert.equal(consts.voiceMining!.dailyCap!.toString(), String(DUST / 2n));
  });

  it('uses real storage keys', async () => {
    const alice = chain.pair('//Alice');
    const expected =
      xxhashAsHex('System', 128) +
      xxhashAsHex('Account', 128).slice(2) +
      u8aToHex(blake2AsU8a(alice.publicKey, 128)).slice(2) +
      u8aToHex(alice.publicKey).slice(2);

    const raw = await rpc<string | null>(chain, 'state_getStorage', [expected]);

    assert.equal(chain.api.query.system.account.key(alice.address), expected);
    assert.notEqual(raw, null);
    assert.equal(
      chain.api.createType<AccountInfo>('AccountInfo', raw).data.free.toBigInt(),
      await freeBalance(chain, alice.address),
    );
  });

  it('pages keys and queries storage at a block', async () => {
    const prefix = xxhashAsHex('System', 128) + xxhashAsHex('Account', 128).slice(2);

    const first = await rpc<string[]>(chain, 'state_getKeysPaged', [prefix, 3, null]);
    const next = await rpc<string[]>(chain, 'state_getKeysPaged', [prefix, 3, first[2]]);
    const all = await rpc<string[]>(chain, 'state_getKeysPaged', [prefix, 1000, null]);
    const head = (await chain.api.rpc.chain.getBlockHash()).toHex();
    const [queried] = await rpc<Array<{ block: string; changes: Array<[string, string | null]> }>>(
      chain,
      'state_queryStorageAt',
      [[first[0], '0x1234'], head],
    );

    assert.equal(first.length, 3);
    assert.deepEqual([...first, ...next], all.slice(0, 6));
    assert.ok(all.every((key, index) => index === 0 || all[index - 1]! < key));
    assert.equal(queried!.block, head);
    assert.equal(queried!.changes[0]![0], first[0]);
    assert.notEqual(queried!.changes[0]![1], null);
    assert.deepEqual(queried!.changes[1], ['0x1234', null]);
  });

  it('notifies storage subscribers of changes', async () => {
    const receiver = member();
    const seen: bigint[] = [];
    let release: () => void = () => undefined;
    const changed = new Promise<void>((resolve) => (release = resolve));

    const subscribe = chain.api.query.system.account as unknown as (
      address: string,
      callback: (info: AccountInfo) => void,
    ) => Promise<() => void>;
    const unsubscribe = await subscribe(receiver.address, (info: AccountInfo) => {
      seen.push(info.data.free.toBigInt());

      if (seen.length === 2) release();
    });

    await submit(chain, chain.api.tx.balances.transferKeepAlive(receiver.address, DUST), member());
    await changed;
    unsubscribe();

    assert.equal(seen[1]! - seen[0]!, DUST);
  });

  it('answers the next nonce by RPC and runtime API', async () => {
    const sender = member();

    await submit(chain, chain.api.tx.system.remark('0x00'), sender);
    await submit(chain, chain.api.tx.system.remark('0x01'), sender);

    assert.equal((await chain.api.rpc.system.accountNextIndex(sender.address)).toNumber(), 2);
    assert.equal(
      Number((await chain.api.call.accountNonceApi!.accountNonce(sender.address)).toPrimitive()),
      2,
    );
  });

  it('serves headers, blocks and finalized heads', async () => {
    const sender = member();
    const included = await submit(chain, chain.api.tx.system.remark('0xabcd'), sender);

    const block = await chain.api.rpc.chain.getBlock(included.blockHash);
    const header = block.block.header;
    const parent = await chain.api.rpc.chain.getHeader(header.parentHash);

    assert.equal(header.hash.toHex(), included.blockHash);
    assert.equal(header.number.toNumber(), parent.number.toNumber() + 1);
    assert.equal(block.block.extrinsics.length, 2);
    assert.equal(block.block.extrinsics[0]!.method.section, 'timestamp');
    assert.equal(block.block.extrinsics[1]!.signer.toString(), sender.address);
    assert.equal((await chain.api.rpc.chain.getFinalizedHead()).toHex(), included.blockHash);
  });
});

describe('fees', () => {
  it('charges base plus per byte, paid to the treasury', async () => {
    const [sender, receiver] = [member(), member()];
    const tx = chain.api.tx.balances.transferKeepAlive(receiver.address, DUST);
    const before = await freeBalance(chain, sender.address);

    const info = await tx.paymentInfo(sender);
    const included = await submit(chain, tx, sender);

    const length = (await chain.api.rpc.chain.getBlock(included.blockHash)).block.extrinsics[1]!
      .encodedLength;
    const expected = DUST / 10_000n + 1_000_000n * BigInt(length);
    const paid = eventData(included, 'transactionPayment.TransactionFeePaid');

    assert.equal(info.partialFee.toBigInt(), expected);
    assert.equal(BigInt(paid.actualFee as number), expected);
    assert.equal(await freeBalance(chain, sender.address), before - DUST - expected);
    assert.deepEqual(
      eventData(included, 'balances.Deposit').who,
      '5EYCAe5ijiYfyeZ2JJCGq56LmPyNRAKzpG4QkoQkkQNB5e6Z',
    );
  });

  it('answers payment_queryInfo like the runtime API', async () => {
    const sender = member();
    const signed = await chain.api.tx.system.remark('0x0102').signAsync(sender, { nonce: -1 });

    const info = await rpc<{ partialFee: string; class: string }>(chain, 'payment_queryInfo', [
      signed.toHex(),
    ]);

    assert.equal(
      BigInt(info.partialFee),
      DUST / 10_000n + 1_000_000n * BigInt(signed.encodedLength),
    );
    assert.equal(info.class, 'normal');
  });

  it('adds the tip to the fee', async () => {
    const sender = member();

    const included = await submit(chain, chain.api.tx.system.remark('0x'), sender, { tip: 12345 });

    const paid = eventData(included, 'transactionPayment.TransactionFeePaid');

    assert.equal(paid.tip, 12345);
  });
});

describe('signed extrinsics', () => {
  it('accepts sr25519, ed25519 and ecdsa signers', async () => {
    for (const type of ['sr25519', 'ed25519', 'ecdsa'] as const) {
      const signer = chain.keyring.addFromUri(`//Signer-${type}`, {}, type);

      await submit(
        chain,
        chain.api.tx.balances.transferKeepAlive(signer.address, DUST),
        chain.pair('//Alice'),
      );

      const included = await submit(chain, chain.api.tx.system.remarkWithEvent('0x01'), signer);

      assert.equal(included.error, undefined, type);
      assert.equal(eventData(included, 'system.Remarked').sender, signer.address, type);
    }
  });

  it('accepts immortal transactions', async () => {
    const included = await submit(chain, chain.api.tx.system.remark('0x'), member(), { era: 0 });

    assert.equal(included.error, undefined);
  });

  it('rejects a bad signature with 1010', async () => {
    const signed = await chain.api.tx.system.remark('0x').signAsync(member(), { nonce: -1 });
    const hex = signed.toHex();
    const signatureStart = hex.indexOf(u8aToHex(signed.signature.toU8a()).slice(2));
    const tampered =
      hex.slice(0, signatureStart + 10) +
      (hex[signatureStart + 10] === '0' ? '1' : '0') +
      hex.slice(signatureStart + 11);

    assert.equal(
      await rejection(tampered),
      '1010: Invalid Transaction: Transaction has a bad signature',
    );
  });

  it('rejects a stale nonce with 1010', async () => {
    const sender = member();

    await submit(chain, chain.api.tx.system.remark('0x'), sender);

    const signed = await chain.api.tx.system.remark('0x01').signAsync(sender, { nonce: 0 });

    assert.equal(
      await rejection(signed.toHex()),
      '1010: Invalid Transaction: Transaction is outdated',
    );
  });

  it('rejects a future nonce with 1010', async () => {
    const signed = await chain.api.tx.system.remark('0x').signAsync(member(), { nonce: 5 });

    assert.equal(
      await rejection(signed.toHex()),
      '1010: Invalid Transaction: Transaction will be valid in the future',
    );
  });

  it('rejects a sender who cannot pay with 1010', async () => {
    const signed = await chain.api.tx.system
      .remark('0x')
      .signAsync(chain.pair('//Nobody'), { nonce: 0 });

    // ApiPromise rewrites the parentheses of the node's message.
    assert.match(
      await rejection(signed.toHex()),
      /^1010: Invalid Transaction: Inability to pay some fees/,
    );
  });

  /** Signs an immortal remark over a payload with some signed-extension data replaced. */
  function signWithPayload(signer: KeyringPair, overrides: Record<string, unknown>): string {
    const tx = chain.api.tx.system.remark('0x');
    const fields = {
      method: tx.method.toHex(),
      era: '0x00',
      nonce: 0,
      tip: 0,
      specVersion: chain.api.runtimeVersion.specVersion.toNumber(),
      transactionVersion: chain.api.runtimeVersion.transactionVersion.toNumber(),
      genesisHash: chain.devnet.genesisHash,
      blockHash: chain.devnet.genesisHash,
      version: 4,
      ...overrides,
    };
    const payload = chain.api.createType('ExtrinsicPayload', fields, { version: 4 });
    const signature = signer.sign(payload.toU8a({ method: true }), { withType: true });

    return tx.addSignature(signer.address, signature, payload.toHex()).toHex();
  }

  it('accepts a hand-signed payload', async () => {
    assert.match(
      await rpc<string>(chain, 'author_submitExtrinsic', [signWithPayload(member(), {})]),
      /^0x[0-9a-f]{64}$/,
    );
  });

  it('rejects a wrong genesis hash as a bad signature', async () => {
    const hex = signWithPayload(member(), {
      genesisHash: '0x' + '12'.repeat(32),
      blockHash: '0x' + '12'.repeat(32),
    });

    assert.equal(
      await rejection(hex),
      '1010: Invalid Transaction: Transaction has a bad signature',
    );
  });

  it('rejects a wrong spec version as a bad signature', async () => {
    const hex = signWithPayload(member(), { specVersion: 99 });

    assert.equal(
      await rejection(hex),
      '1010: Invalid Transaction: Transaction has a bad signature',
    );
  });

  it('rejects a wrong transaction version as a bad signature', async () => {
    const hex = signWithPayload(member(), { transactionVersion: 7 });

    assert.equal(
      await rejection(hex),
      '1010: Invalid Transaction: Transaction has a bad signature',
    );
  });

  it('rejects an unknown birth block as ancient', async () => {
    const head = await chain.api.rpc.chain.getHeader();
    const era = chain.api.createType('ExtrinsicEra', {
      current: head.number.toNumber() + 40,
      period: 64,
    });
    const signed = await chain.api.tx.system
      .remark('0x')
      .signAsync(member(), { nonce: -1, era, blockHash: head.hash } as never);

    assert.equal(
      await rejection(signed.toHex()),
      '1010: Invalid Transaction: Transaction has an ancient birth block',
    );
  });

  it('rejects a dead mortal era', async () => {
    const head = await chain.api.rpc.chain.getHeader();
    const era = chain.api.createType('ExtrinsicEra', {
      current: head.number.toNumber(),
      period: 4,
    });
    const signed = await chain.api.tx.system
      .remark('0x')
      .signAsync(member(), { nonce: -1, era, blockHash: head.hash } as never);

    await rpc(chain, 'dev_newBlock', [{ count: 5 }]);

    assert.equal(
      await rejection(signed.toHex()),
      '1010: Invalid Transaction: Transaction has a bad signature',
    );
  });

  it('rejects garbage bytes with 1001', async () => {
    assert.match(await rejection('0x1234'), /^1001: Extrinsic has invalid format/);
    assert.match(await rejection('0x10840000'), /^1001: Extrinsic has invalid format/);
  });

  it('rejects unsigned transactions with 1011', async () => {
    const unsigned = chain.api.tx.timestamp.set(1).toHex();

    assert.equal(
      await rejection(unsigned),
      '1011: Unknown Transaction Validity: Could not find an unsigned validator for the unsigned transaction',
    );
  });

  it('logs each rejection with its reason', async () => {
    const signed = await chain.api.tx.system.remark('0x').signAsync(member(), { nonce: 9 });

    await rejection(signed.toHex());

    const logged = logLines.filter(
      (line) =>
        line.msg === 'transaction rejected' &&
        line.reason === 'Transaction will be valid in the future',
    );

    assert.ok(logged.length >= 1);
    assert.equal(logged.at(-1)!.level, 30);
    assert.ok(logLines.some((line) => line.msg === 'block' && line.level === 20));
  });

  it('decodes dispatch errors in ExtrinsicFailed', async () => {
    const sender = member();

    const failed = await submit(chain, chain.api.tx.voiceRoom.leaveRoom(), sender);

    const data = eventData(failed, 'system.ExtrinsicFailed');

    assert.equal(failed.error, 'voiceRoom.NotInRoom');
    assert.deepEqual(data.dispatchError, { module: { index: 9, error: '0x04000000' } });
    assert.equal(
      ((await chain.api.query.system.account(sender.address)) as AccountInfo).nonce.toNumber(),
      1,
    );
  });
});

describe('dev RPCs', () => {
  it('time travels to an absolute time', async () => {
    const target = (await chainNow(chain)) + 3_600_000;

    const returned = await rpc<number>(chain, 'dev_timeTravel', [new Date(target).toISOString()]);

    await rpc(chain, 'dev_newBlock', [{ count: 1 }]);

    assert.equal(returned, target);
    assert.equal(await chainNow(chain), target);
  });

  it('rejects time travel into the past', async () => {
    await assert.rejects(rpc(chain, 'dev_timeTravel', [1000]), /-32602/);
  });

  it('builds blocks on request', async () => {
    const before = (await chain.api.rpc.chain.getHeader()).number.toNumber();

    const hash = await rpc<string>(chain, 'dev_newBlock', [{ count: 3 }]);

    const header = await chain.api.rpc.chain.getHeader(hash);

    assert.equal(header.number.toNumber(), before + 3);
  });

  it('sets raw storage', async () => {
    const target = member();
    const key = chain.api.query.system.account.key(target.address);
    const value = chain.api
      .createType('AccountInfo', { providers: 1, data: { free: 777n * DUST } })
      .toHex();

    await rpc(chain, 'dev_setStorage', [[[key, value]]]);

    assert.equal(await freeBalance(chain, target.address), 777n * DUST);
  });
});

describe('interval blocks', () => {
  it('seals blocks on a timer and includes waiting transactions', async () => {
    const interval = await startDevnetClient({ blockTimeMs: 50 });
    const heads: Header[] = [];
    let release: () => void = () => undefined;
    const twoHeads = new Promise<void>((resolve) => (release = resolve));

    try {
      const unsubscribe = await interval.api.rpc.chain.subscribeNewHeads((header) => {
        heads.push(header);

        if (heads.length === 3) release();
      });

      await twoHeads;
      unsubscribe();

      const [first, second] = await Promise.all([
        submit(interval, interval.api.tx.system.remark('0x01'), interval.pair('//Alice')),
        submit(interval, interval.api.tx.system.remark('0x02'), interval.pair('//Bob')),
      ]);

      assert.equal(heads[1]!.number.toNumber(), heads[0]!.number.toNumber() + 1);
      assert.equal(first.error, undefined);
      assert.equal(second.error, undefined);
    } finally {
      await interval.close();
    }
  });

  it('rejects a second transaction with the same nonce with 1014', async () => {
    const interval = await startDevnetClient({ blockTimeMs: 60_000 });

    try {
      const alice = interval.pair('//Alice');
      const first = await interval.api.tx.system.remark('0x01').signAsync(alice, { nonce: 0 });
      const second = await interval.api.tx.system.remark('0x02').signAsync(alice, { nonce: 0 });
      const third = await interval.api.tx.system.remark('0x03').signAsync(alice, { nonce: 1 });

      await rpc(interval, 'author_submitExtrinsic', [first.toHex()]);

      await assert.rejects(
        rpc(interval, 'author_submitExtrinsic', [second.toHex()]),
        /1014: Priority is too low/,
      );
      await assert.rejects(
        rpc(interval, 'author_submitExtrinsic', [first.toHex()]),
        /1013: Transaction Already Imported/,
      );
      assert.equal((await interval.api.rpc.system.accountNextIndex(alice.address)).toNumber(), 1);
      assert.equal(
        await rpc<string>(interval, 'author_submitExtrinsic', [third.toHex()]),
        third.hash.toHex(),
      );
      assert.equal((await interval.api.rpc.author.pendingExtrinsics()).length, 2);
    } finally {
      await interval.close();
    }
  });
});

describe('connections', () => {
  it('serves a second client alongside the first', async () => {
    const second = await connect(chain.devnet.url);

    try {
      assert.equal(second.api.genesisHash.toHex(), chain.devnet.genesisHash);
    } finally {
      await second.disconnect();
    }
  });
});
