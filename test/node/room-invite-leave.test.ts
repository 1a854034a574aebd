// Invitations to private rooms and leaving a room through the SDK: RoomSession and the
// VoiceRoom chain wrappers against the devnet and the signaling server's room service. The
// members join a peer-mesh room alone, so no WebRTC runs and Janus is not needed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import WebSocket from 'ws';

import { PolkadotRoomChain } from '../../server/signaling/rooms/polkadot-room-chain.js';
import { RoomService } from '../../server/signaling/rooms/room-service.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { ChainClient } from '../../src/chain/chain-client.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { RoomDirectory } from '../../src/room/room-directory.js';
import { RoomSession } from '../../src/room/room-session.js';
import type { RoomMediaPlatform } from '../../src/room/types.js';
import { fromHex } from '../../src/shared/bytes.js';
import { StardustError } from '../../src/shared/errors.js';
import { SignalingClient, type WebSocketFactory } from '../../src/signaling/signaling-client.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { memorySessionStorage, rawSignerOf, SessionManager } from '../../src/wallet/session.js';
import { startDevnetClient, type DevnetFixture } from '../support/devnet-client.js';
import { TEST_ORIGIN } from '../support/raw-signal-client.js';

/**
 * A media platform for members who never open media: a member alone in a mesh room makes
 * no peer connection, and a listener opens no microphone. Any call is a test failure.
 */
const NO_MEDIA: RoomMediaPlatform = {
  createPeerConnection() {
    throw new Error('This test expects no peer connection.');
  },
  getMicrophone() {
    throw new Error('This test expects no microphone.');
  },
  play() {
    throw new Error('This test expects no remote audio.');
  },
};

/** One account's view of the SDK: its chain sender, signaling client and room session. */
interface Member {
  address: string;
  sender: WalletSender;
  signaling: SignalingClient;
  session: RoomSession;
  errors: string[];
}

let devnet: DevnetFixture;
let roomChain: PolkadotRoomChain;
let server: SignalingServerHandle;
let chain: ChainClient;
const members: Member[] = [];

before(async () => {
  devnet = await startDevnetClient({ devAccounts: 7 });
  roomChain = await PolkadotRoomChain.connect({ url: devnet.devnet.url });
  server = await startSignalingServer({
    port: 0,
    genesisHash: devnet.devnet.genesisHash,
    roomHandler: new RoomService({ chain: roomChain }),
    logLevel: 'silent',
  });
  chain = new ChainClient({ url: devnet.devnet.url });
  await chain.connect();
});

after(async () => {
  for (const member of members) {
    member.session.dispose();
    await member.signaling.close();
  }

  await chain?.dispose();
  // The signaling server closes its room handler when it stops.
  await server?.close();
  await roomChain?.close();
  await devnet?.close();
});

/** Builds the SDK objects of the endowed dev account `seed` for `roomId`. */
async function memberOf(seed: string, roomId: string): Promise<Member> {
  const signer = await createDevSigner(seed);
  const sessions = new SessionManager({
    wallet: rawSignerOf(signer),
    genesisHash: fromHex(devnet.devnet.genesisHash),
    origin: TEST_ORIGIN,
    storage: memorySessionStorage(),
  });
  const signaling = new SignalingClient({
    url: server.url,
    session: sessions,
    WebSocket: WebSocket as unknown as WebSocketFactory,
  });
  const sender = new WalletSender(chain, signer);
  const session = new RoomSession({ roomId, signaling, chain, sender, platform: NO_MEDIA });
  const member: Member = {
    address: signer.account.address,
    sender,
    signaling,
    session,
    errors: [],
  };

  session.on('error', ({ error }) => member.errors.push(`${error.code}: ${error.message}`));
  members.push(member);

  return member;
}

/**
 * Creates a private room as the dev account `host` through the SDK and returns its id (bare
 * hex). An account is in one room at a time, so each test uses its own accounts.
 */
async function privateRoom(host: string, name: string): Promise<string> {
  const signer = await createDevSigner(host);
  const directory = new RoomDirectory({ chain, sender: new WalletSender(chain, signer) });

  return (await directory.create({ name, isPublic: false })).replace(/^0x/, '');
}

async function rejection(promise: Promise<unknown>): Promise<StardustError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof StardustError, `expected a StardustError, got ${String(error)}`);

    return error;
  }

  assert.fail('expected a rejection');
}

describe('RoomSession invite and leave on the devnet', { timeout: 120_000 }, () => {
  it('admits an invited member to a private room', async () => {
    const roomId = await privateRoom('//Member1', 'Invite room');
    const host = await memberOf('//Member1', roomId);
    const guest = await memberOf('//Member2', roomId);
    const rejected = await rejection(guest.session.join());

    assert.equal(rejected.code, 'ROOM_NOT_ALLOWED');
    assert.equal(guest.session.state, 'idle');
    assert.equal(await chain.voiceRoom.member(`0x${roomId}`, guest.address), null);
    assert.equal((await chain.voiceRoom.room(`0x${roomId}`))!.memberCount, 1);

    await host.session.invite(guest.address);
    await guest.session.join();

    const onChain = await chain.voiceRoom.member(`0x${roomId}`, guest.address);

    assert.equal(guest.session.state, 'joined');
    assert.notEqual(onChain, null);
    assert.equal(onChain!.role, 'Listener');
    assert.equal((await chain.voiceRoom.room(`0x${roomId}`))!.memberCount, 2);
    assert.equal(guest.session.self?.account, guest.address);
    assert.equal(guest.session.self?.role, 'Listener');
    assert.deepEqual(guest.errors, []);
  });

  it('rejects an invite from a member who is not the host', async () => {
    const roomId = await privateRoom('//Member3', 'Guarded room');
    const outsider = await memberOf('//Member4', roomId);
    const guest = await memberOf('//Member5', roomId);
    const rejected = await rejection(outsider.session.invite(guest.address));

    assert.equal(rejected.code, 'ROOM_NOT_ALLOWED');
    assert.equal((await rejection(guest.session.join())).code, 'ROOM_NOT_ALLOWED');
    assert.equal(await chain.voiceRoom.member(`0x${roomId}`, guest.address), null);
  });

  it('removes a leaving member on chain', async () => {
    const roomId = await privateRoom('//Member6', 'Leave room');
    const host = await memberOf('//Member6', roomId);
    const guest = await memberOf('//Member7', roomId);

    await host.session.invite(guest.address);
    await guest.session.join();
    assert.notEqual(await chain.voiceRoom.member(`0x${roomId}`, guest.address), null);

    await guest.session.leave();

    assert.equal(guest.session.state, 'left');
    assert.equal(await chain.voiceRoom.member(`0x${roomId}`, guest.address), null);
    assert.equal((await chain.voiceRoom.room(`0x${roomId}`))!.memberCount, 1);
    assert.notEqual(await chain.voiceRoom.member(`0x${roomId}`, host.address), null);
    assert.deepEqual(guest.errors, []);
  });
});
