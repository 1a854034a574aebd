// The room list and room creation on the devnet through the SDK's chain client: public open
// rooms with member counts, and the refusals of bad settings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ChainClient } from '../../src/chain/chain-client.js';
import type { ChainCall, SendOptions, TxResult, TxSender } from '../../src/chain/types.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { RoomAlreadyJoinedError } from '../../src/room/room-already-joined-error.js';
import { RoomDirectory } from '../../src/room/room-directory.js';
import { StardustError, type ErrorCode } from '../../src/shared/errors.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { startDevnetFixture, type ChainFixture } from '../support/chain-fixtures.js';

const DUST = 10n ** 12n;
const CONFIG = {
  maxMembers: 50,
  isPublic: true,
  entryFee: 0n,
  speakingMode: 'FreeSpeak',
} as const;

describe('RoomDirectory on the devnet', () => {
  let fixture: ChainFixture;
  let chain: ChainClient;
  let accounts = 0;

  async function directoryFor(): Promise<{ directory: RoomDirectory; tx: WalletSender }> {
    accounts += 1;

    const signer = await createDevSigner(`//RoomList${accounts}`);

    await fixture.fund(signer.account.address, 100n * DUST);

    const tx = new WalletSender(chain, signer);

    return { directory: new RoomDirectory({ chain, sender: tx }), tx };
  }

  function rejectsWith(code: ErrorCode) {
    return (error: unknown) => error instanceof StardustError && error.code === code;
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

  it('lists open public rooms with their member counts', async () => {
    const owner = await directoryFor();
    const guest = await directoryFor();
    const privateOwner = await directoryFor();
    const closedOwner = await directoryFor();
    const busy = await owner.directory.create({ name: 'Busy room', speakingMode: 'RaiseHand' });

    await privateOwner.directory.create({ name: 'Private room', isPublic: false });

    const closed = await closedOwner.directory.create({ name: 'Closed room' });

    await guest.tx.send(await chain.voiceRoom.joinRoom(busy));
    await closedOwner.tx.send(await chain.voiceRoom.closeRoom(closed));

    const listed = await owner.directory.listPublic();
    const names = listed.map((room) => room.name);

    assert.ok(names.includes('Busy room'));
    assert.ok(!names.includes('Private room'));
    assert.ok(!names.includes('Closed room'));

    const room = listed.find((entry) => entry.id === busy)!;

    assert.equal(room.memberCount, 2);
    assert.equal(room.maxMembers, 50);
    assert.equal(room.speakingMode, 'RaiseHand');
    assert.equal(room.entryFee, 0n);
    assert.equal(room.isPublic, true);
  });

  it('creates a room with its settings and the deposit reserved', async () => {
    const { directory, tx } = await directoryFor();
    const before = await chain.balances.account(tx.account);
    const roomId = await directory.create({
      name: '语音房间',
      maxMembers: 12,
      entryFee: DUST / 4n,
      speakingMode: 'Sequential',
    });
    const room = await chain.voiceRoom.room(roomId);
    const after = await chain.balances.account(tx.account);

    assert.match(roomId, /^0x[0-9a-f]{32}$/);
    assert.equal(room!.name, '语音房间');
    assert.deepEqual(room!.config, {
      maxMembers: 12,
      isPublic: true,
      entryFee: DUST / 4n,
      speakingMode: 'Sequential',
    });
    assert.equal(after.reserved - before.reserved, DUST);
  });

  it('refuses bad names and member limits before signing', async () => {
    const { directory, tx } = await directoryFor();
    const nonce = (await chain.balances.account(tx.account)).nonce;

    await assert.rejects(directory.create({ name: '' }), rejectsWith('INVALID_ARGUMENT'));
    await assert.rejects(
      directory.create({ name: 'x'.repeat(65) }),
      rejectsWith('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      directory.create({ name: 'Too big', maxMembers: 51 }),
      rejectsWith('INVALID_ARGUMENT'),
    );
    assert.equal((await chain.balances.account(tx.account)).nonce, nonce);
  });

  it('rejects a mesh member limit above 6 before signing', async () => {
    const { directory, tx } = await directoryFor();
    const nonce = (await chain.balances.account(tx.account)).nonce;

    for (const maxMembers of [7, 50, 0, 2.5]) {
      await assert.rejects(
        directory.create({ name: 'Mesh room', media: 'mesh', maxMembers }),
        rejectsWith('INVALID_ARGUMENT'),
      );
    }

    assert.equal((await chain.balances.account(tx.account)).nonce, nonce);
    assert.equal(await chain.voiceRoom.currentRoom(tx.account), null);

    const roomId = await directory.create({ name: 'Mesh room', media: 'mesh' });

    assert.equal((await chain.voiceRoom.room(roomId))!.config.maxMembers, 6);
  });

  it('names the open room when the host creates another', async () => {
    const { directory, tx } = await directoryFor();
    const first = await directory.create({ name: 'First room' });
    const before = await chain.balances.account(tx.account);
    const error = await directory.create({ name: 'Second room' }).catch((e: unknown) => e);

    assert.ok(error instanceof RoomAlreadyJoinedError);
    assert.equal(error.code, 'ROOM_ALREADY_JOINED');
    assert.equal(error.roomId, first);
    assert.equal(error.isHost, true);
    assert.deepEqual(await directory.currentRoom(tx.account), {
      roomId: first,
      name: 'First room',
      isHost: true,
    });

    const after = await chain.balances.account(tx.account);

    assert.equal(after.nonce, before.nonce);
    assert.equal(after.reserved, before.reserved);

    await directory.closeRoom(first);

    const second = await directory.create({ name: 'Second room' });

    assert.equal((await chain.voiceRoom.room(first))!.isActive, false);
    assert.equal(await chain.voiceRoom.currentRoom(tx.account), second);
  });

  it('names the room a member must leave first', async () => {
    const host = await directoryFor();
    const guest = await directoryFor();
    const roomId = await host.directory.create({ name: 'Hosted room' });

    await guest.tx.send(await chain.voiceRoom.joinRoom(roomId));

    const error = await guest.directory.create({ name: 'Own room' }).catch((e: unknown) => e);

    assert.ok(error instanceof RoomAlreadyJoinedError);
    assert.equal(error.roomId, roomId);
    assert.equal(error.isHost, false);

    await guest.directory.leaveRoom();

    const own = await guest.directory.create({ name: 'Own room' });

    assert.equal(await chain.voiceRoom.currentRoom(guest.tx.account), own);
    assert.equal((await chain.voiceRoom.room(roomId))!.memberCount, 1);
  });

  it('maps an AlreadyInRoom failure in the block to the open room', async () => {
    const { tx } = await directoryFor();
    let otherTab: string | undefined;
    // Another tab of the same account creates a room after the check and before this create.
    const racing: TxSender = {
      account: tx.account,
      async send<T>(call: ChainCall<T>, options?: SendOptions): Promise<TxResult<T>> {
        if (otherTab === undefined) {
          const created = await tx.send(await chain.voiceRoom.createRoom('Other tab', CONFIG));

          otherTab = created.value!.roomId;
        }

        return tx.send(call, options);
      },
    };
    const directory = new RoomDirectory({ chain, sender: racing });
    const error = await directory.create({ name: 'This tab' }).catch((e: unknown) => e);

    assert.ok(error instanceof RoomAlreadyJoinedError);
    assert.equal(error.roomId, otherTab);
    assert.equal(error.isHost, true);
    assert.ok(error.cause instanceof StardustError);
    assert.match(error.cause.message, /voiceRoom\.AlreadyInRoom/);
  });

  it('refuses to create without a sender', async () => {
    const directory = new RoomDirectory({ chain });

    await assert.rejects(directory.create({ name: 'No sender' }), rejectsWith('CONFIG_INVALID'));
  });
});
