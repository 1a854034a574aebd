// The typed pallet wrappers against the devnet through an unmodified ApiPromise: calls,
// storage reads, decoded outcomes and chain errors mapped to SDK codes. Skipped, with the
// reason printed, while server/devnet is not in this tree.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ChainClient } from '../../src/chain/chain-client.js';
import { ChainError } from '../../src/chain/chain-error.js';
import { SessionProxy, webCryptoSessionKey } from '../../src/chain/session-proxy.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import type { ErrorCode } from '../../src/shared/errors.js';
import { sameAccount } from '../../src/shared/ss58.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import type { WalletSigner } from '../../src/wallet/wallet-signer.js';
import { DEVNET_SKIP, startDevnetFixture, type ChainFixture } from '../support/chain-fixtures.js';

const DUST = 10n ** 12n;
const ROOM = { maxMembers: 10, isPublic: true, entryFee: 0n, speakingMode: 'FreeSpeak' } as const;

describe('pallet wrappers on the devnet', { skip: DEVNET_SKIP ?? false }, () => {
  let fixture: ChainFixture;
  let chain: ChainClient;
  let accountCount = 0;

  /** Creates a fresh account with `amount` planck, so no test shares state with another. */
  async function account(
    amount = 100n * DUST,
  ): Promise<{ signer: WalletSigner; tx: WalletSender }> {
    accountCount += 1;

    const signer = await createDevSigner(`//PalletTest${accountCount}`);

    await fixture.fund(signer.account.address, amount);

    return { signer, tx: new WalletSender(chain, signer) };
  }

  async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<ChainError> {
    const error = await promise.then(
      () => assert.fail(`expected ${code}`),
      (caught: unknown) => caught,
    );

    assert.ok(error instanceof ChainError, String(error));
    assert.equal(error.code, code, error.message);

    return error;
  }

  before(async () => {
    fixture = await startDevnetFixture();
    chain = new ChainClient({ url: fixture.url });
    await chain.connect();
  });

  after(async () => {
    await chain?.dispose();
    await fixture?.close();
  });

  it('finds every voice pallet', async () => {
    assert.deepEqual(await chain.missingPallets(), []);
  });

  it('reads the call constants', async () => {
    assert.deepEqual(await chain.voiceCall.constants(), {
      maxCallDuration: 14_400_000,
      callTimeout: 60_000,
      callFeePerMinute: 10n ** 10n,
    });
  });

  it('runs a call from ring to end', async () => {
    const caller = await account();
    const callee = await account();

    const { value: started } = await caller.tx.send(
      await chain.voiceCall.initiateCall(callee.signer.account.address, 'Audio'),
    );
    const callId = started!.callId;
    const ringing = await chain.voiceCall.activeCall(callId);

    assert.match(callId, /^0x[0-9a-f]{32}$/);
    assert.equal(ringing?.state, 'Ringing');
    assert.ok(sameAccount(ringing!.caller, caller.signer.account.address));
    assert.equal(await chain.voiceCall.currentCall(callee.signer.account.address), callId);

    await callee.tx.send(await chain.voiceCall.acceptCall(callId));

    const connected = await chain.voiceCall.activeCall(callId);

    assert.equal(connected?.state, 'Connected');
    assert.equal(typeof connected?.startedAt, 'number');

    const { value: ended } = await caller.tx.send(await chain.voiceCall.endCall(callId));

    assert.equal(ended?.callId, callId);
    assert.deepEqual(ended?.reason, { type: 'Normal' });
    assert.equal(typeof ended?.fee, 'bigint');
    assert.equal(await chain.voiceCall.activeCall(callId), null);
    assert.equal(await chain.voiceCall.currentCall(caller.signer.account.address), null);

    const history = await chain.voiceCall.callHistory(caller.signer.account.address);

    assert.deepEqual(
      history.map((record) => [record.callId, record.state]),
      [[callId, 'Ended']],
    );
  });

  it('decodes a rejection reason', async () => {
    const caller = await account();
    const callee = await account();
    const { value } = await caller.tx.send(
      await chain.voiceCall.initiateCall(callee.signer.account.address),
    );

    const { value: ended } = await callee.tx.send(
      await chain.voiceCall.rejectCall(value!.callId, 'Busy'),
    );

    assert.deepEqual(ended, {
      callId: value!.callId,
      duration: 0,
      fee: 0n,
      reason: { type: 'Rejected', reason: 'Busy' },
    });
    assert.equal(await chain.voiceCall.activeCall(value!.callId), null);
  });

  it('maps UserBusy to CALL_CHAIN_BUSY', async () => {
    const caller = await account();
    const callee = await account();

    await caller.tx.send(await chain.voiceCall.initiateCall(callee.signer.account.address));

    const error = await expectCode(
      caller.tx.send(await chain.voiceCall.initiateCall(callee.signer.account.address)),
      'CALL_CHAIN_BUSY',
    );

    assert.equal(error.moduleError?.name, 'UserBusy');
    assert.match(error.message, /voiceCall\.UserBusy/);
  });

  it('maps UserBlocked to CALL_BLOCKED', async () => {
    const caller = await account();
    const callee = await account();

    await callee.tx.send(await chain.contacts.block(caller.signer.account.address));

    assert.ok(
      await chain.contacts.isBlocked(callee.signer.account.address, caller.signer.account.address),
    );

    await expectCode(
      caller.tx.send(await chain.voiceCall.initiateCall(callee.signer.account.address)),
      'CALL_BLOCKED',
    );
    await callee.tx.send(await chain.contacts.unblock(caller.signer.account.address));

    assert.equal(
      await chain.contacts.isBlocked(callee.signer.account.address, caller.signer.account.address),
      false,
    );
  });

  it('maps InsufficientBalance to CALL_INSUFFICIENT_BALANCE', async () => {
    // Enough for fees, less than one minute of call (0.01 DUST) above the deposit.
    const caller = await account(5n * 10n ** 9n);
    const callee = await account();

    await expectCode(
      caller.tx.send(await chain.voiceCall.initiateCall(callee.signer.account.address)),
      'CALL_INSUFFICIENT_BALANCE',
    );
    assert.equal(await chain.voiceCall.currentCall(caller.signer.account.address), null);
  });

  it('maps CallNotFound to CALL_NOT_FOUND', async () => {
    const caller = await account();

    await expectCode(
      caller.tx.send(await chain.voiceCall.endCall(`0x${'ee'.repeat(16)}`)),
      'CALL_NOT_FOUND',
    );
  });

  it('creates, fills and closes a room', async () => {
    const host = await account();
    const guest = await account();

    const { value } = await host.tx.send(await chain.voiceRoom.createRoom('Stardust 房间', ROOM));
    const roomId = value!.roomId;

    await guest.tx.send(await chain.voiceRoom.joinRoom(roomId));
    await host.tx.send(
      await chain.voiceRoom.setRole(roomId, guest.signer.account.address, 'Speaker'),
    );
    await host.tx.send(await chain.voiceRoom.setMute(roomId, guest.signer.account.address, true));

    const room = await chain.voiceRoom.room(roomId);
    const members = await chain.voiceRoom.members(roomId);

    assert.equal(room?.name, 'Stardust 房间');
    assert.equal(room?.memberCount, 2);
    assert.deepEqual(room?.config, ROOM);
    assert.deepEqual(
      members.map((member) => [member.role, member.isMuted]),
      [
        ['Host', false],
        ['Speaker', true],
      ],
    );
    assert.equal(await chain.voiceRoom.currentRoom(guest.signer.account.address), roomId);
    assert.deepEqual(await chain.voiceRoom.ownedRooms(host.signer.account.address), [roomId]);

    await host.tx.send(await chain.voiceRoom.closeRoom(roomId));

    assert.equal(await chain.voiceRoom.currentRoom(guest.signer.account.address), null);
    assert.deepEqual(await chain.voiceRoom.ownedRooms(host.signer.account.address), []);
  });

  it('maps RoomFull to ROOM_FULL', async () => {
    const host = await account();
    const guest = await account();
    const { value } = await host.tx.send(
      await chain.voiceRoom.createRoom('full', { ...ROOM, maxMembers: 1 }),
    );

    await expectCode(guest.tx.send(await chain.voiceRoom.joinRoom(value!.roomId)), 'ROOM_FULL');
    assert.equal(await chain.voiceRoom.member(value!.roomId, guest.signer.account.address), null);
  });

  it('maps RoomNotFound to ROOM_NOT_FOUND', async () => {
    const guest = await account();

    await expectCode(
      guest.tx.send(await chain.voiceRoom.joinRoom(`0x${'0f'.repeat(16)}`)),
      'ROOM_NOT_FOUND',
    );
  });

  it('sends and reads a voice message', async () => {
    const sender = await account();
    const receiver = await account();
    const metadata = {
      cid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy',
      duration: 0,
      waveform: new Uint8Array(),
      transcription: null,
      burnAfterReading: true,
    };

    const { value } = await sender.tx.send(
      await chain.chat.sendVoiceMessage(receiver.signer.account.address, metadata),
    );
    const message = await chain.chat.message(value!.messageId);

    assert.deepEqual(message?.messageType, { type: 'Voice', metadata });
    assert.deepEqual(await chain.chat.inbox(receiver.signer.account.address), [value!.messageId]);
    assert.deepEqual(await chain.chat.outbox(sender.signer.account.address), [value!.messageId]);

    await receiver.tx.send(await chain.chat.deleteMessage(value!.messageId));

    assert.deepEqual(await chain.chat.inbox(receiver.signer.account.address), []);
  });

  it('reads empty mining stats', async () => {
    const fresh = await account();

    const stats = await chain.voiceMining.userStats(fresh.signer.account.address);

    assert.equal(stats.totalCalls, 0);
    assert.equal(stats.earnedRewards, 0n);
  });

  it('calls through the Voice session proxy', async () => {
    const wallet = await account();
    const callee = await account();
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const session = new SessionProxy({
      client: chain,
      wallet: wallet.signer,
      sessionKey: await webCryptoSessionKey(pair),
      allowance: DUST,
    });

    await session.authorize();

    const { value } = await session.send(
      await chain.voiceCall.initiateCall(callee.signer.account.address),
    );
    const record = await chain.voiceCall.activeCall(value!.callId);

    assert.ok(sameAccount(record!.caller, wallet.signer.account.address));

    const transfer = await chain.balances.transferKeepAlive(callee.signer.account.address, 1n);
    const filtered = await expectCode(session.send(transfer), 'TX_FAILED');

    assert.equal(filtered.moduleError?.name, 'CallFiltered');

    await session.send(await chain.voiceCall.endCall(value!.callId));

    const { returned } = await session.revoke();

    assert.ok(returned > 0n);
    assert.equal(await session.isAuthorized(), false);
  });
});
