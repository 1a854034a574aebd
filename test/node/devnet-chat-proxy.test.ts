// Chat, Proxy with the Voice filter, Utility batches and Balances on the devnet, through an
// unmodified ApiPromise.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { KeyringPair } from '@polkadot/keyring/types';
import type { AccountInfo } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';

import {
  DUST,
  eventData,
  freeBalance,
  startDevnetClient,
  submit,
  type DevnetFixture,
} from '../support/devnet-client.js';

let chain: DevnetFixture;
let nextMember = 1;

function member(): KeyringPair {
  const pair = chain.pair(`//Member${nextMember}`);

  nextMember += 1;

  return pair;
}

function voice(overrides: Record<string, unknown> = {}) {
  return {
    Voice: {
      cid: 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
      duration: 0,
      waveform: '0x',
      transcription: null,
      burnAfterReading: true,
      ...overrides,
    },
  };
}

before(async () => {
  chain = await startDevnetClient({ devAccounts: 40 });
});

after(async () => {
  await chain.close();
});

describe('chat', () => {
  it('sends a voice message into both boxes', async () => {
    const [sender, receiver] = [member(), member()];

    const sent = await submit(
      chain,
      chain.api.tx.chat.sendMessage(receiver.address, voice(), ''),
      sender,
    );

    const event = eventData(sent, 'chat.MessageSent');
    const id = event.id as number;
    const stored = (await chain.api.query.chat.messages(id)).toJSON() as Record<string, unknown>;
    const inbox = await chain.api.query.chat.inbox.keys(receiver.address);

    assert.equal(event.sender, sender.address);
    assert.equal(event.receiver, receiver.address);
    assert.equal(
      (event.messageType as Record<string, Record<string, unknown>>).voice!.burnAfterReading,
      true,
    );
    assert.equal(stored.sender, sender.address);
    assert.equal(typeof stored.sentAt, 'number');
    assert.deepEqual(
      inbox.map((key) => key.args[1]!.toPrimitive()),
      [id],
    );
    assert.equal((await chain.api.query.chat.outbox(sender.address, id)).isEmpty, false);
    assert.equal((await chain.api.query.chat.nextMessageId()).toPrimitive(), id + 1);
  });

  it('sends a public voice message with metadata', async () => {
    const [sender, receiver] = [member(), member()];

    const sent = await submit(
      chain,
      chain.api.tx.chat.sendMessage(
        receiver.address,
        voice({
          duration: 12,
          waveform: u8aToHex(new Uint8Array(128).fill(9)),
          transcription: 'hello',
          burnAfterReading: false,
        }),
        '',
      ),
      sender,
    );

    const metadata = (
      eventData(sent, 'chat.MessageSent').messageType as Record<string, Record<string, unknown>>
    ).voice!;

    assert.equal(metadata.duration, 12);
    assert.equal(metadata.transcription, u8aToHex(new TextEncoder().encode('hello')));
  });

  it('deletes from the own box, then the message', async () => {
    const [sender, receiver] = [member(), member()];
    const id = eventData(
      await submit(chain, chain.api.tx.chat.sendMessage(receiver.address, 'Text', 'hi'), sender),
      'chat.MessageSent',
    ).id as number;

    const byReceiver = await submit(chain, chain.api.tx.chat.deleteMessage(id), receiver);
    const stillStored = (await chain.api.query.chat.messages(id)).isEmpty;
    const bySender = await submit(chain, chain.api.tx.chat.deleteMessage(id), sender);

    assert.deepEqual(eventData(byReceiver, 'chat.MessageDeleted'), { id, who: receiver.address });
    assert.equal(stillStored, false);
    assert.equal(bySender.error, undefined);
    assert.equal((await chain.api.query.chat.messages(id)).isEmpty, true);
  });

  it('rejects each bad message by name', async () => {
    const [sender, receiver, stranger] = [member(), member(), member()];
    const id = eventData(
      await submit(chain, chain.api.tx.chat.sendMessage(receiver.address, 'Text', 'hi'), sender),
      'chat.MessageSent',
    ).id as number;
    const cases: Array<[unknown, string, string]> = [
      [voice({ cid: '' }), '', 'chat.EmptyCid'],
      [voice({ cid: 'x'.repeat(129) }), '', 'chat.CidTooLong'],
      [voice({ waveform: u8aToHex(new Uint8Array(129)) }), '', 'chat.WaveformTooLong'],
      [voice({ transcription: 'x'.repeat(1025) }), '', 'chat.TranscriptionTooLong'],
      ['Text', 'x'.repeat(1025), 'chat.ContentTooLong'],
    ];

    for (const [type, content, error] of cases) {
      assert.equal(
        (
          await submit(
            chain,
            chain.api.tx.chat.sendMessage(receiver.address, type as never, content),
            sender,
          )
        ).error,
        error,
      );
    }

    assert.equal(
      (await submit(chain, chain.api.tx.chat.deleteMessage(id), stranger)).error,
      'chat.Unauthorized',
    );
    assert.equal(
      (await submit(chain, chain.api.tx.chat.deleteMessage(999_999), sender)).error,
      'chat.MessageNotFound',
    );
  });

  it('rejects a blocked sender with SenderBlocked', async () => {
    const [sender, receiver] = [member(), member()];

    await submit(chain, chain.api.tx.contacts.block(sender.address), receiver);

    const failed = await submit(
      chain,
      chain.api.tx.chat.sendMessage(receiver.address, 'Text', 'hi'),
      sender,
    );

    assert.equal(failed.error, 'chat.SenderBlocked');
    assert.equal((await chain.api.query.chat.inbox.keys(receiver.address)).length, 0);
  });
});

describe('session proxy', () => {
  async function authorize(wallet: KeyringPair, session: KeyringPair) {
    return submit(
      chain,
      chain.api.tx.utility.batchAll([
        chain.api.tx.proxy.addProxy(session.address, 'Voice', 0),
        chain.api.tx.balances.transferKeepAlive(session.address, DUST),
      ]),
      wallet,
    );
  }

  it('authorizes a Voice proxy with one batch_all', async () => {
    const [wallet, session] = [
      member(),
      chain.keyring.addFromUri(`//Session${nextMember}`, {}, 'ed25519'),
    ];

    const authorized = await authorize(wallet, session);

    const [proxies, deposit] = (await chain.api.query.proxy.proxies(wallet.address)).toJSON() as [
      Array<Record<string, unknown>>,
      number,
    ];

    assert.equal(authorized.error, undefined);
    assert.ok(authorized.names.includes('utility.BatchCompleted'));
    assert.deepEqual(proxies, [{ delegate: session.address, proxyType: 'Voice', delay: 0 }]);
    assert.equal(BigInt(deposit), DUST / 100n + DUST / 1000n);
    assert.equal(
      (
        (await chain.api.query.system.account(wallet.address)) as AccountInfo
      ).data.reserved.toBigInt(),
      BigInt(deposit),
    );
    assert.equal(await freeBalance(chain, session.address), DUST);
  });

  it('dispatches voice calls for the real account', async () => {
    const [wallet, callee] = [member(), member()];
    const session = chain.keyring.addFromUri(`//Session${nextMember}`, {}, 'ed25519');

    await authorize(wallet, session);

    const proxied = await submit(
      chain,
      chain.api.tx.proxy.proxy(
        wallet.address,
        null,
        chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'),
      ),
      session,
    );

    const initiated = eventData(proxied, 'voiceCall.CallInitiated');

    assert.deepEqual(eventData(proxied, 'proxy.ProxyExecuted').result, { ok: null });
    assert.equal(initiated.caller, wallet.address);
    assert.ok((await freeBalance(chain, session.address)) < DUST);
  });

  it('filters Balances calls out of a Voice proxy', async () => {
    const wallet = member();
    const session = chain.keyring.addFromUri(`//Session${nextMember}`, {}, 'ed25519');

    await authorize(wallet, session);

    const walletBefore = await freeBalance(chain, wallet.address);
    const direct = await submit(
      chain,
      chain.api.tx.proxy.proxy(
        wallet.address,
        null,
        chain.api.tx.balances.transferAllowDeath(session.address, DUST),
      ),
      session,
    );
    const batched = await submit(
      chain,
      chain.api.tx.proxy.proxy(
        wallet.address,
        null,
        chain.api.tx.utility.batchAll([
          chain.api.tx.balances.transferAllowDeath(session.address, DUST),
        ]),
      ),
      session,
    );

    const result = eventData(direct, 'proxy.ProxyExecuted').result as {
      err: { module: { index: number; error: string } };
    };
    const meta = chain.api.registry.findMetaError({
      index: chain.api.createType('u8', result.err.module.index),
      error: chain.api.createType('u8', Number.parseInt(result.err.module.error.slice(2, 4), 16)),
    });

    assert.equal(`${meta.section}.${meta.name}`, 'system.CallFiltered');
    assert.ok(eventData(batched, 'proxy.ProxyExecuted').result !== null);
    assert.equal(
      JSON.stringify(eventData(batched, 'proxy.ProxyExecuted').result).includes('err'),
      true,
    );
    assert.equal(await freeBalance(chain, wallet.address), walletBefore);
  });

  it('removes itself and returns the deposit', async () => {
    const wallet = member();
    const session = chain.keyring.addFromUri(`//Session${nextMember}`, {}, 'ed25519');

    await authorize(wallet, session);

    const removed = await submit(
      chain,
      chain.api.tx.proxy.proxy(
        wallet.address,
        null,
        chain.api.tx.proxy.removeProxy(session.address, 'Voice', 0),
      ),
      session,
    );
    const swept = await submit(
      chain,
      chain.api.tx.balances.transferAll(wallet.address, false),
      session,
    );

    assert.ok(removed.names.includes('proxy.ProxyRemoved'));
    assert.equal(
      (
        (await chain.api.query.system.account(wallet.address)) as AccountInfo
      ).data.reserved.toBigInt(),
      0n,
    );
    assert.equal(swept.error, undefined);
    assert.equal(await freeBalance(chain, session.address), 0n);
  });

  it('removes all proxies and returns the deposit', async () => {
    const wallet = member();

    await submit(chain, chain.api.tx.proxy.addProxy(member().address, 'Any', 0), wallet);
    await submit(chain, chain.api.tx.proxy.addProxy(member().address, 'NonTransfer', 0), wallet);

    const reservedBefore = (
      (await chain.api.query.system.account(wallet.address)) as AccountInfo
    ).data.reserved.toBigInt();
    const removed = await submit(chain, chain.api.tx.proxy.removeProxies(), wallet);

    assert.equal(reservedBefore, DUST / 100n + (2n * DUST) / 1000n);
    assert.equal(removed.error, undefined);
    assert.ok(removed.names.includes('balances.Unreserved'));
    assert.equal(
      (
        (await chain.api.query.system.account(wallet.address)) as AccountInfo
      ).data.reserved.toBigInt(),
      0n,
    );
    assert.deepEqual((await chain.api.query.proxy.proxies(wallet.address)).toJSON(), [[], 0]);
  });

  it('rejects a delayed proxy with Unannounced', async () => {
    const [wallet, delegate] = [member(), member()];

    await submit(chain, chain.api.tx.proxy.addProxy(delegate.address, 'Any', 5), wallet);

    const failed = await submit(
      chain,
      chain.api.tx.proxy.proxy(wallet.address, null, chain.api.tx.system.remark('0x')),
      delegate,
    );

    assert.equal(failed.error, 'proxy.Unannounced');
  });

  it('rejects a 33rd proxy with TooMany', async () => {
    const wallet = member();
    const adds = Array.from({ length: 33 }, (_, index) =>
      chain.api.tx.proxy.addProxy(chain.pair(`//Delegate${index}`).address, 'Voice', 0),
    );

    const failed = await submit(chain, chain.api.tx.utility.batchAll(adds), wallet);

    assert.equal(failed.error, 'proxy.TooMany');
    assert.deepEqual((await chain.api.query.proxy.proxies(wallet.address)).toJSON(), [[], 0]);
  });

  it('rejects proxy errors by name', async () => {
    const [wallet, other] = [member(), member()];

    await submit(chain, chain.api.tx.proxy.addProxy(other.address, 'Any', 0), wallet);

    assert.equal(
      (await submit(chain, chain.api.tx.proxy.addProxy(other.address, 'Any', 0), wallet)).error,
      'proxy.Duplicate',
    );
    assert.equal(
      (await submit(chain, chain.api.tx.proxy.addProxy(wallet.address, 'Any', 0), wallet)).error,
      'proxy.NoSelfProxy',
    );
    assert.equal(
      (await submit(chain, chain.api.tx.proxy.removeProxy(other.address, 'Voice', 0), wallet))
        .error,
      'proxy.NotFound',
    );
    assert.equal(
      (
        await submit(
          chain,
          chain.api.tx.proxy.proxy(other.address, null, chain.api.tx.system.remark('0x')),
          wallet,
        )
      ).error,
      'proxy.NotProxy',
    );
  });
});

describe('utility and balances', () => {
  it('batch stops at the first failure', async () => {
    const sender = member();

    const batch = await submit(
      chain,
      chain.api.tx.utility.batch([
        chain.api.tx.system.remarkWithEvent('0x01'),
        chain.api.tx.voiceCall.initiateCall(sender.address, 'Audio'),
        chain.api.tx.system.remark('0x02'),
      ]),
      sender,
    );

    assert.equal(batch.error, undefined);
    assert.equal(eventData(batch, 'utility.BatchInterrupted').index, 1);
    assert.ok(batch.names.includes('system.Remarked'));
    assert.equal(batch.names.filter((name) => name === 'utility.ItemCompleted').length, 1);
  });

  it('batch_all reverts everything on failure', async () => {
    const [sender, receiver] = [member(), member()];
    const before = await freeBalance(chain, receiver.address);

    const batch = await submit(
      chain,
      chain.api.tx.utility.batchAll([
        chain.api.tx.balances.transferKeepAlive(receiver.address, DUST),
        chain.api.tx.voiceCall.initiateCall(sender.address, 'Audio'),
      ]),
      sender,
    );

    assert.equal(batch.error, 'voiceCall.CannotCallSelf');
    assert.equal(batch.names.includes('balances.Transfer'), false);
    assert.equal(await freeBalance(chain, receiver.address), before);
  });

  it('force_batch runs every item', async () => {
    const sender = member();

    const batch = await submit(
      chain,
      chain.api.tx.utility.forceBatch([
        chain.api.tx.voiceCall.initiateCall(sender.address, 'Audio'),
        chain.api.tx.system.remarkWithEvent('0x01'),
      ]),
      sender,
    );

    assert.ok(batch.names.includes('utility.ItemFailed'));
    assert.ok(batch.names.includes('utility.BatchCompletedWithErrors'));
    assert.ok(batch.names.includes('system.Remarked'));
  });

  it('transfer to a new account endows it', async () => {
    const fresh = chain.pair('//FreshAccount');

    const sent = await submit(
      chain,
      chain.api.tx.balances.transferAllowDeath(fresh.address, DUST / 100n),
      member(),
    );

    assert.ok(sent.names.includes('system.NewAccount'));
    assert.deepEqual(eventData(sent, 'balances.Endowed'), {
      account: fresh.address,
      freeBalance: Number(DUST / 100n),
    });
  });

  it('rejects a transfer below the existential deposit', async () => {
    const failed = await submit(
      chain,
      chain.api.tx.balances.transferKeepAlive(chain.pair('//Dustless').address, DUST / 10_000n),
      member(),
    );

    assert.equal(failed.error, 'balances.ExistentialDeposit');
  });

  it('rejects a transfer beyond the balance', async () => {
    const failed = await submit(
      chain,
      chain.api.tx.balances.transferKeepAlive(member().address, 2000n * DUST),
      member(),
    );

    assert.equal(failed.error, 'balances.InsufficientBalance');
  });

  it('rejects a keep-alive transfer that would reap the sender', async () => {
    const temporary = chain.pair('//KeepAlive');

    await submit(chain, chain.api.tx.balances.transferKeepAlive(temporary.address, DUST), member());

    const balance = await freeBalance(chain, temporary.address);
    const fee = (
      await chain.api.tx.balances
        .transferKeepAlive(member().address, balance)
        .paymentInfo(temporary)
    ).partialFee.toBigInt();
    const failed = await submit(
      chain,
      chain.api.tx.balances.transferKeepAlive(member().address, balance - fee),
      temporary,
    );

    assert.equal(failed.error, 'balances.Expendability');
  });

  it('transfer_all without keep-alive reaps the sender', async () => {
    const temporary = chain.pair('//Temporary');

    await submit(chain, chain.api.tx.balances.transferKeepAlive(temporary.address, DUST), member());

    const swept = await submit(
      chain,
      chain.api.tx.balances.transferAll(member().address, false),
      temporary,
    );

    assert.ok(swept.names.includes('system.KilledAccount'));
    assert.equal(
      ((await chain.api.query.system.account(temporary.address)) as AccountInfo).nonce.toNumber(),
      0,
    );
  });
});
