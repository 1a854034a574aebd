// The room service's chain reader on the devnet: rooms, memberships, the VoiceRoom events
// it follows, and the transfers it checks tips against.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { after, before, describe, it } from 'node:test';

import type { KeyringPair } from '@polkadot/keyring/types';

import { PolkadotRoomChain } from '../../server/signaling/rooms/polkadot-room-chain.js';
import type { RoomChainEvent } from '../../server/signaling/rooms/room-chain.js';
import { StardustError } from '../../src/shared/errors.js';
import {
  DUST,
  eventData,
  startDevnetClient,
  submit,
  type DevnetFixture,
} from '../support/devnet-client.js';
import { waitForEvent } from '../support/wait-event.js';

let chain: DevnetFixture;
let reader: PolkadotRoomChain;
const events: RoomChainEvent[] = [];
const arrivals = new EventEmitter();
let stop: () => void;

before(async () => {
  chain = await startDevnetClient({ devAccounts: 4 });
  reader = await PolkadotRoomChain.connect({ url: chain.devnet.url });
  stop = reader.subscribe((event) => {
    events.push(event);
    arrivals.emit('event', event);
  });
});

after(async () => {
  stop();
  await reader.close();
  await chain.close();
});

async function createRoom(host: KeyringPair, mode = 'FreeSpeak'): Promise<string> {
  const created = await submit(
    chain,
    chain.api.tx.voiceRoom.createRoom('Reader room', {
      maxMembers: 10,
      isPublic: true,
      entryFee: 0,
      speakingMode: mode,
    }),
    host,
  );

  assert.equal(created.error, undefined);

  return (eventData(created, 'voiceRoom.RoomCreated').roomId as string).slice(2);
}

/** Returns the first event matching `match` that the reader saw, waiting for it if needed. */
async function seen(match: (event: RoomChainEvent) => boolean): Promise<RoomChainEvent> {
  return events.find(match) ?? waitForEvent<RoomChainEvent>(arrivals, 'event', match);
}

describe('PolkadotRoomChain', () => {
  it('reads a room and its members', async () => {
    const host = chain.pair('//Member1');
    const guest = chain.pair('//Member2');
    const roomId = await createRoom(host, 'RaiseHand');

    await submit(chain, chain.api.tx.voiceRoom.joinRoom(`0x${roomId}`), guest);

    const room = await reader.room(roomId);
    const members = await reader.members(roomId);

    assert.deepEqual(room, {
      id: roomId,
      name: 'Reader room',
      host: host.address,
      maxMembers: 10,
      isPublic: true,
      speakingMode: 'RaiseHand',
      memberCount: 2,
      isActive: true,
    });
    assert.deepEqual(
      members.map((member) => [member.account, member.role, member.isMuted]).sort(),
      [
        [guest.address, 'Listener', false],
        [host.address, 'Host', false],
      ].sort(),
    );
    assert.deepEqual(await reader.member(roomId, guest.address), {
      account: guest.address,
      role: 'Listener',
      isMuted: false,
    });
  });

  it('answers null for unknown rooms and non-members', async () => {
    const roomId = 'ee'.repeat(16);

    assert.equal(await reader.room(roomId), null);
    assert.equal(await reader.member(roomId, chain.pair('//Member3').address), null);
    assert.deepEqual(await reader.members(roomId), []);
  });

  it('follows the VoiceRoom events of new blocks', async () => {
    const host = chain.pair('//Member3');
    const guest = chain.pair('//Member4');
    const roomId = await createRoom(host);
    const tx = chain.api.tx.voiceRoom;

    await submit(chain, tx.joinRoom(`0x${roomId}`), guest);
    await submit(chain, tx.setRole(`0x${roomId}`, guest.address, 'Speaker'), host);
    await submit(chain, tx.setMute(`0x${roomId}`, guest.address, true), host);
    await submit(chain, tx.setSpeakingMode(`0x${roomId}`, 'Sequential'), host);
    await submit(chain, tx.kickUser(`0x${roomId}`, guest.address), host);
    await submit(chain, tx.closeRoom(`0x${roomId}`), host);

    const inRoom = (event: RoomChainEvent) => event.roomId === roomId;

    assert.deepEqual(await seen((e) => inRoom(e) && e.kind === 'joined'), {
      kind: 'joined',
      roomId,
      account: guest.address,
    });
    assert.deepEqual(await seen((e) => inRoom(e) && e.kind === 'role'), {
      kind: 'role',
      roomId,
      account: guest.address,
      role: 'Speaker',
    });
    assert.deepEqual(await seen((e) => inRoom(e) && e.kind === 'muted'), {
      kind: 'muted',
      roomId,
      account: guest.address,
      muted: true,
    });
    assert.deepEqual(await seen((e) => inRoom(e) && e.kind === 'mode'), {
      kind: 'mode',
      roomId,
      mode: 'Sequential',
    });
    assert.deepEqual(await seen((e) => inRoom(e) && e.kind === 'kicked'), {
      kind: 'kicked',
      roomId,
      account: guest.address,
      by: host.address,
    });
    assert.deepEqual(await seen((e) => inRoom(e) && e.kind === 'closed'), {
      kind: 'closed',
      roomId,
    });
    assert.equal((await reader.room(roomId))?.isActive, false);
  });

  it('lists the transfers of a block', async () => {
    const from = chain.pair('//Member1');
    const to = chain.pair('//Member2');
    const sent = await submit(
      chain,
      chain.api.tx.balances.transferKeepAlive(to.address, DUST / 100n),
      from,
    );

    const transfers = await reader.transfers(sent.blockHash);

    assert.deepEqual(transfers, [{ from: from.address, to: to.address, amount: DUST / 100n }]);
  });

  it('fails with CHAIN_UNREACHABLE when no node answers', async () => {
    await assert.rejects(
      PolkadotRoomChain.connect({ url: 'ws://127.0.0.1:9', connectTimeoutMs: 1_000 }),
      (error) => error instanceof StardustError && error.code === 'CHAIN_UNREACHABLE',
    );
  });
});
