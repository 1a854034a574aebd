// VoiceRoom on the devnet, through an unmodified ApiPromise: every call, its errors, and the
// fixed membership, deposit and role rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { KeyringPair } from '@polkadot/keyring/types';
import type { AccountInfo } from '@polkadot/types/interfaces';

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

const PUBLIC = { maxMembers: 50, isPublic: true, entryFee: 0, speakingMode: 'FreeSpeak' };

async function createRoom(
  host = member(),
  config: Record<string, unknown> = PUBLIC,
  name = 'Lobby',
) {
  const created = await submit(chain, chain.api.tx.voiceRoom.createRoom(name, config), host);

  assert.equal(created.error, undefined);

  return { host, roomId: eventData(created, 'voiceRoom.RoomCreated').roomId as string, created };
}

async function join(roomId: string, who = member()) {
  const joined = await submit(chain, chain.api.tx.voiceRoom.joinRoom(roomId), who);

  assert.equal(joined.error, undefined);

  return who;
}

async function roomMember(roomId: string, who: KeyringPair) {
  return (await chain.api.query.voiceRoom.roomMembers(roomId, who.address)).toJSON() as Record<
    string,
    unknown
  > | null;
}

async function room(roomId: string) {
  return (await chain.api.query.voiceRoom.rooms(roomId)).toJSON() as Record<string, unknown>;
}

async function reserved(who: KeyringPair): Promise<bigint> {
  return (
    (await chain.api.query.system.account(who.address)) as AccountInfo
  ).data.reserved.toBigInt();
}

before(async () => {
  chain = await startDevnetClient({ devAccounts: 80 });
});

after(async () => {
  await chain.close();
});

describe('voiceRoom success paths', () => {
  it('creates a room with the creator as host', async () => {
    const { host, roomId } = await createRoom();

    const stored = await room(roomId);

    assert.equal(stored.host, host.address);
    assert.equal(stored.memberCount, 1);
    assert.equal(stored.isActive, true);
    assert.equal((await roomMember(roomId, host))?.role, 'Host');
    assert.equal((await chain.api.query.voiceRoom.userCurrentRoom(host.address)).toHex(), roomId);
    assert.deepEqual((await chain.api.query.voiceRoom.userOwnedRooms(host.address)).toJSON(), [
      roomId,
    ]);
    assert.equal(await reserved(host), DUST);
    assert.deepEqual((await chain.api.query.voiceRoom.roomDeposits(roomId)).toJSON(), [
      host.address,
      Number(DUST),
    ]);
  });

  it('joins as listener and pays the entry fee to the host', async () => {
    const { host, roomId } = await createRoom(member(), { ...PUBLIC, entryFee: DUST / 10n });
    const hostBefore = await freeBalance(chain, host.address);
    const guest = member();

    const joined = await submit(chain, chain.api.tx.voiceRoom.joinRoom(roomId), guest);

    const fee = eventData(joined, 'voiceRoom.EntryFeePaid');

    assert.equal(fee.user, guest.address);
    assert.equal(fee.host, host.address);
    assert.equal(BigInt(fee.amount as number), DUST / 10n);
    assert.equal(await freeBalance(chain, host.address), hostBefore + DUST / 10n);
    assert.equal((await roomMember(roomId, guest))?.role, 'Listener');
    assert.equal((await room(roomId)).memberCount, 2);
  });

  it('leaves a room', async () => {
    const { roomId } = await createRoom();
    const guest = await join(roomId);

    const left = await submit(chain, chain.api.tx.voiceRoom.leaveRoom(), guest);

    assert.deepEqual(eventData(left, 'voiceRoom.UserLeft'), { roomId, user: guest.address });
    assert.equal(await roomMember(roomId, guest), null);
    assert.equal((await chain.api.query.voiceRoom.userCurrentRoom(guest.address)).isEmpty, true);
    assert.equal((await room(roomId)).memberCount, 1);
  });

  it("hands a leaving host's room to the earliest co-host", async () => {
    const { host, roomId } = await createRoom();
    const [first, second] = [await join(roomId), await join(roomId)];

    await submit(chain, chain.api.tx.voiceRoom.setRole(roomId, first.address, 'CoHost'), host);
    await submit(chain, chain.api.tx.voiceRoom.setRole(roomId, second.address, 'CoHost'), host);

    const left = await submit(chain, chain.api.tx.voiceRoom.leaveRoom(), host);

    assert.deepEqual(eventData(left, 'voiceRoom.HostChanged'), { roomId, newHost: first.address });
    assert.equal((await room(roomId)).host, first.address);
    assert.equal((await roomMember(roomId, first))?.role, 'Host');
    assert.equal((await room(roomId)).isActive, true);
    assert.deepEqual((await chain.api.query.voiceRoom.userOwnedRooms(host.address)).toJSON(), [
      roomId,
    ]);
  });

  it('closes a room whose host leaves without co-host', async () => {
    const { host, roomId } = await createRoom();
    const guest = await join(roomId);

    const left = await submit(chain, chain.api.tx.voiceRoom.leaveRoom(), host);

    assert.ok(left.names.includes('voiceRoom.RoomClosed'));
    assert.equal((await room(roomId)).isActive, false);
    assert.equal((await chain.api.query.voiceRoom.userCurrentRoom(guest.address)).isEmpty, true);
    assert.equal(await reserved(host), 0n);
  });

  it('close removes every member and returns the deposit once', async () => {
    const { host, roomId } = await createRoom();
    const guests = [await join(roomId), await join(roomId)];
    const freeBefore = await freeBalance(chain, host.address);

    const closed = await submit(chain, chain.api.tx.voiceRoom.closeRoom(roomId), host);
    const again = await submit(chain, chain.api.tx.voiceRoom.closeRoom(roomId), host);

    const txFee = BigInt(
      eventData(closed, 'transactionPayment.TransactionFeePaid').actualFee as number,
    );

    assert.ok(closed.names.includes('balances.Unreserved'));
    assert.equal(again.error, 'voiceRoom.RoomClosed');
    assert.equal(await reserved(host), 0n);
    assert.equal(
      await freeBalance(chain, host.address),
      freeBefore +
        DUST -
        txFee -
        BigInt(eventData(again, 'transactionPayment.TransactionFeePaid').actualFee as number),
    );
    assert.equal((await chain.api.query.voiceRoom.roomMembers.keys(roomId)).length, 0);

    for (const guest of [host, ...guests]) {
      assert.equal((await chain.api.query.voiceRoom.userCurrentRoom(guest.address)).isEmpty, true);
    }

    assert.deepEqual((await chain.api.query.voiceRoom.userOwnedRooms(host.address)).toJSON(), []);
    assert.equal((await room(roomId)).memberCount, 0);
  });

  it('frees a slot in UserOwnedRooms when a room closes', async () => {
    const host = member();

    for (let i = 0; i < 5; i += 1) {
      const { roomId } = await createRoom(host, PUBLIC, `Room ${i}`);

      await submit(chain, chain.api.tx.voiceRoom.leaveRoom(), host);
      assert.equal((await room(roomId)).isActive, false);
    }

    const sixth = await submit(chain, chain.api.tx.voiceRoom.createRoom('Sixth', PUBLIC), host);

    assert.equal(sixth.error, undefined);
  });

  it('kicks a member', async () => {
    const { host, roomId } = await createRoom();
    const guest = await join(roomId);

    const kicked = await submit(
      chain,
      chain.api.tx.voiceRoom.kickUser(roomId, guest.address),
      host,
    );

    assert.deepEqual(eventData(kicked, 'voiceRoom.UserKicked'), {
      roomId,
      user: guest.address,
      by: host.address,
    });
    assert.equal(await roomMember(roomId, guest), null);
    assert.equal((await chain.api.query.voiceRoom.userCurrentRoom(guest.address)).isEmpty, true);
  });

  it('mutes a member and lets anyone mute themselves', async () => {
    const { host, roomId } = await createRoom();
    const guest = await join(roomId);

    const muted = await submit(
      chain,
      chain.api.tx.voiceRoom.setMute(roomId, guest.address, true),
      host,
    );
    const selfUnmuted = await submit(
      chain,
      chain.api.tx.voiceRoom.setMute(roomId, guest.address, false),
      guest,
    );

    assert.deepEqual(eventData(muted, 'voiceRoom.UserMuted'), {
      roomId,
      user: guest.address,
      muted: true,
    });
    assert.equal(selfUnmuted.error, undefined);
    assert.equal((await roomMember(roomId, guest))?.isMuted, false);
  });

  it('lets a co-host set speaker and listener roles', async () => {
    const { host, roomId } = await createRoom();
    const [coHost, guest] = [await join(roomId), await join(roomId)];

    await submit(chain, chain.api.tx.voiceRoom.setRole(roomId, coHost.address, 'CoHost'), host);

    const changed = await submit(
      chain,
      chain.api.tx.voiceRoom.setRole(roomId, guest.address, 'Speaker'),
      coHost,
    );

    assert.deepEqual(eventData(changed, 'voiceRoom.RoleChanged'), {
      roomId,
      user: guest.address,
      newRole: 'Speaker',
    });
    assert.equal((await roomMember(roomId, guest))?.role, 'Speaker');
  });

  it('invites to a private room', async () => {
    const { host, roomId } = await createRoom(member(), { ...PUBLIC, isPublic: false });
    const guest = member();

    const invited = await submit(chain, chain.api.tx.voiceRoom.invite(roomId, guest.address), host);
    const joined = await submit(chain, chain.api.tx.voiceRoom.joinRoom(roomId), guest);

    assert.deepEqual(eventData(invited, 'voiceRoom.UserInvited'), {
      roomId,
      user: guest.address,
      by: host.address,
    });
    assert.equal(joined.error, undefined);
    assert.equal(
      (await chain.api.query.voiceRoom.roomInvites(roomId, guest.address)).isEmpty,
      true,
    );
  });

  it('changes the speaking mode', async () => {
    const { host, roomId } = await createRoom();

    const changed = await submit(
      chain,
      chain.api.tx.voiceRoom.setSpeakingMode(roomId, 'RaiseHand'),
      host,
    );

    assert.deepEqual(eventData(changed, 'voiceRoom.SpeakingModeChanged'), {
      roomId,
      mode: 'RaiseHand',
    });
    assert.equal(
      ((await room(roomId)).config as Record<string, unknown>).speakingMode,
      'RaiseHand',
    );
  });
});

describe('voiceRoom errors', () => {
  it('RoomNotFound for an unknown room', async () => {
    const failed = await submit(
      chain,
      chain.api.tx.voiceRoom.joinRoom('0x' + '07'.repeat(16)),
      member(),
    );

    assert.equal(failed.error, 'voiceRoom.RoomNotFound');
  });

  it('RoomFull when max_members is reached', async () => {
    const { roomId } = await createRoom(member(), { ...PUBLIC, maxMembers: 2 });

    await join(roomId);

    const failed = await submit(chain, chain.api.tx.voiceRoom.joinRoom(roomId), member());

    assert.equal(failed.error, 'voiceRoom.RoomFull');
    assert.equal((await room(roomId)).memberCount, 2);
  });

  it('AlreadyInRoom for a second join and for create', async () => {
    const { roomId } = await createRoom();
    const guest = await join(roomId);

    const joinAgain = await submit(chain, chain.api.tx.voiceRoom.joinRoom(roomId), guest);
    const create = await submit(chain, chain.api.tx.voiceRoom.createRoom('Another', PUBLIC), guest);

    assert.equal(joinAgain.error, 'voiceRoom.AlreadyInRoom');
    assert.equal(create.error, 'voiceRoom.AlreadyInRoom');
  });

  it('NotInRoom for leave, kick and mute of non-members', async () => {
    const { host, roomId } = await createRoom();
    const other = await createRoom();
    const elsewhere = await join(other.roomId);

    const leave = await submit(chain, chain.api.tx.voiceRoom.leaveRoom(), member());
    const kick = await submit(
      chain,
      chain.api.tx.voiceRoom.kickUser(roomId, elsewhere.address),
      host,
    );
    const mute = await submit(
      chain,
      chain.api.tx.voiceRoom.setMute(roomId, elsewhere.address, true),
      host,
    );

    assert.equal(leave.error, 'voiceRoom.NotInRoom');
    assert.equal(kick.error, 'voiceRoom.NotInRoom');
    assert.equal(mute.error, 'voiceRoom.NotInRoom');
    assert.equal(
      (await chain.api.query.voiceRoom.userCurrentRoom(elsewhere.address)).toHex(),
      other.roomId,
    );
  });

  it('TooManyRooms at MaxRoomsPerUser open rooms', async () => {
    const host = member();

    for (let i = 0; i < 5; i += 1) {
      // A host who hands over and leaves keeps the open room on its list.
      const { roomId } = await createRoom(host, PUBLIC, `Open ${i}`);
      const coHost = await join(roomId);

      await submit(chain, chain.api.tx.voiceRoom.setRole(roomId, coHost.address, 'CoHost'), host);
      await submit(chain, chain.api.tx.voiceRoom.leaveRoom(), host);
    }

    const failed = await submit(chain, chain.api.tx.voiceRoom.createRoom('Too many', PUBLIC), host);

    assert.equal(failed.error, 'voiceRoom.TooManyRooms');
    assert.equal(
      ((await chain.api.query.voiceRoom.userOwnedRooms(host.address)).toJSON() as string[]).length,
      5,
    );
  });

  it('InsufficientEntryFee when the fee is unaffordable', async () => {
    const { roomId } = await createRoom(member(), { ...PUBLIC, entryFee: 5000n * DUST });
    const guest = member();

    const failed = await submit(chain, chain.api.tx.voiceRoom.joinRoom(roomId), guest);

    assert.equal(failed.error, 'voiceRoom.InsufficientEntryFee');
    assert.equal(await roomMember(roomId, guest), null);
  });

  it('RoomClosed for a closed room', async () => {
    const { host, roomId } = await createRoom();

    await submit(chain, chain.api.tx.voiceRoom.closeRoom(roomId), host);

    const failed = await submit(chain, chain.api.tx.voiceRoom.joinRoom(roomId), member());

    assert.equal(failed.error, 'voiceRoom.RoomClosed');
  });

  it('Unauthorized for close by a non-host and for listeners moderating', async () => {
    const { roomId } = await createRoom();
    const [guest, other] = [await join(roomId), await join(roomId)];

    const close = await submit(chain, chain.api.tx.voiceRoom.closeRoom(roomId), guest);
    const kick = await submit(chain, chain.api.tx.voiceRoom.kickUser(roomId, other.address), guest);
    const mode = await submit(
      chain,
      chain.api.tx.voiceRoom.setSpeakingMode(roomId, 'HostOnly'),
      guest,
    );

    assert.equal(close.error, 'voiceRoom.Unauthorized');
    assert.equal(kick.error, 'voiceRoom.Unauthorized');
    assert.equal(mode.error, 'voiceRoom.Unauthorized');
  });

  it('co-hosts cannot kick, mute or re-role the host or co-hosts', async () => {
    const { host, roomId } = await createRoom();
    const [first, second] = [await join(roomId), await join(roomId)];

    await submit(chain, chain.api.tx.voiceRoom.setRole(roomId, first.address, 'CoHost'), host);
    await submit(chain, chain.api.tx.voiceRoom.setRole(roomId, second.address, 'CoHost'), host);

    const attempts = [
      chain.api.tx.voiceRoom.kickUser(roomId, host.address),
      chain.api.tx.voiceRoom.kickUser(roomId, second.address),
      chain.api.tx.voiceRoom.setMute(roomId, host.address, true),
      chain.api.tx.voiceRoom.setMute(roomId, second.address, true),
      chain.api.tx.voiceRoom.setRole(roomId, second.address, 'Listener'),
    ];

    for (const attempt of attempts)
      assert.equal((await submit(chain, attempt, first)).error, 'voiceRoom.Unauthorized');

    assert.equal((await roomMember(roomId, host))?.isMuted, false);
    assert.equal((await roomMember(roomId, second))?.role, 'CoHost');
  });

  it('co-hosts cannot change the speaking mode', async () => {
    const { host, roomId } = await createRoom();
    const coHost = await join(roomId);

    await submit(chain, chain.api.tx.voiceRoom.setRole(roomId, coHost.address, 'CoHost'), host);

    const refused = await submit(
      chain,
      chain.api.tx.voiceRoom.setSpeakingMode(roomId, 'HostOnly'),
      coHost,
    );

    assert.equal((await roomMember(roomId, coHost))?.role, 'CoHost');
    assert.equal(refused.error, 'voiceRoom.Unauthorized');
    assert.equal(refused.names.includes('voiceRoom.SpeakingModeChanged'), false);
    assert.equal(
      ((await room(roomId)).config as Record<string, unknown>).speakingMode,
      'FreeSpeak',
    );
  });

  it('nobody makes a second host and co-hosts cannot make co-hosts', async () => {
    const { host, roomId } = await createRoom();
    const [coHost, guest] = [await join(roomId), await join(roomId)];

    await submit(chain, chain.api.tx.voiceRoom.setRole(roomId, coHost.address, 'CoHost'), host);

    const byHost = await submit(
      chain,
      chain.api.tx.voiceRoom.setRole(roomId, guest.address, 'Host'),
      host,
    );
    const byCoHost = await submit(
      chain,
      chain.api.tx.voiceRoom.setRole(roomId, guest.address, 'CoHost'),
      coHost,
    );

    assert.equal(byHost.error, 'voiceRoom.Unauthorized');
    assert.equal(byCoHost.error, 'voiceRoom.Unauthorized');
    assert.equal((await roomMember(roomId, guest))?.role, 'Listener');
  });

  it('rejects bad names and member limits', async () => {
    const host = member();

    assert.equal(
      (await submit(chain, chain.api.tx.voiceRoom.createRoom('', PUBLIC), host)).error,
      'voiceRoom.EmptyName',
    );
    assert.equal(
      (await submit(chain, chain.api.tx.voiceRoom.createRoom('x'.repeat(65), PUBLIC), host)).error,
      'voiceRoom.NameTooLong',
    );
    assert.equal(
      (
        await submit(
          chain,
          chain.api.tx.voiceRoom.createRoom('ok', { ...PUBLIC, maxMembers: 51 }),
          host,
        )
      ).error,
      'voiceRoom.InvalidMaxMembers',
    );
    assert.equal(
      (
        await submit(
          chain,
          chain.api.tx.voiceRoom.createRoom('ok', { ...PUBLIC, maxMembers: 0 }),
          host,
        )
      ).error,
      'voiceRoom.InvalidMaxMembers',
    );
    assert.equal(
      (await submit(chain, chain.api.tx.voiceRoom.createRoom('x'.repeat(64), PUBLIC), host)).error,
      undefined,
    );
  });

  it('NotInvited for a private room without invite', async () => {
    const { roomId } = await createRoom(member(), { ...PUBLIC, isPublic: false });

    const failed = await submit(chain, chain.api.tx.voiceRoom.joinRoom(roomId), member());

    assert.equal(failed.error, 'voiceRoom.NotInvited');
  });

  it('InsufficientDeposit when the creator cannot reserve it', async () => {
    const poor = chain.pair('//PoorHost');

    await submit(
      chain,
      chain.api.tx.balances.transferKeepAlive(poor.address, DUST / 2n),
      chain.pair('//Alice'),
    );

    const failed = await submit(chain, chain.api.tx.voiceRoom.createRoom('Broke', PUBLIC), poor);

    assert.equal(failed.error, 'voiceRoom.InsufficientDeposit');
    assert.equal((await chain.api.query.voiceRoom.userCurrentRoom(poor.address)).isEmpty, true);
  });
});
