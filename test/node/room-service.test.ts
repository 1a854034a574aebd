// The room service without Janus (peer mesh): admission from chain membership, refusals,
// moderation, raise hand, kicks, chain events, sequential turns on fake timers, closing,
// tips and mesh relays. The chain is a fake here; test/e2e/rooms*.test.ts use the devnet.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';

import { voice } from '../../proto/gen/voice.js';
import { RoomService } from '../../server/signaling/rooms/room-service.js';
import type { RoomSignal } from '../../server/signaling/rooms/ports.js';
import type { RoomRole, RoomSpeakingMode } from '../../src/shared/room-rules.js';
import {
  decodeRoomKick,
  decodeRoomModeration,
  decodeRoomState,
  encodeRoomJoin,
  encodeRoomJsep,
  encodeRoomKick,
  encodeRoomMode,
  encodeRoomMute,
  encodeRoomRaiseHand,
  encodeRoomRole,
  encodeRoomTip,
  type RoomSnapshot,
} from '../../src/shared/room-wire.js';
import { FakeRoomChain } from '../support/fake-room-chain.js';
import {
  FakeTimers,
  RecordingServer,
  socketOf,
  testAddress,
} from '../support/room-service-harness.js';

const T = voice.SignalType;
const HOST = testAddress(1);
const COHOST = testAddress(2);
const SPEAKER = testAddress(3);
const LISTENER = testAddress(4);
const STRANGER = testAddress(9);

interface Fixture {
  chain: FakeRoomChain;
  timers: FakeTimers;
  server: RecordingServer;
  service: RoomService;
  roomId: string;
  nextRequest: number;
}

function fixture(
  mode: RoomSpeakingMode = 'FreeSpeak',
  extra: Array<[string, RoomRole]> = [],
  options: { kickHoldMs?: number; chainTimeoutMs?: number; stateBroadcastMs?: number } = {},
): Fixture {
  const chain = new FakeRoomChain();
  const timers = new FakeTimers();
  const server = new RecordingServer(timers);
  const roomId = randomBytes(16).toString('hex');
  const members: Array<[string, RoomRole]> = [
    [HOST, 'Host'],
    [COHOST, 'CoHost'],
    [SPEAKER, 'Speaker'],
    [LISTENER, 'Listener'],
    ...extra,
  ];

  chain.addRoom(
    {
      id: roomId,
      name: 'test room',
      host: HOST,
      maxMembers: 50,
      isPublic: true,
      speakingMode: mode,
      memberCount: members.length,
      isActive: true,
    },
    members.map(([account, role]) => ({ account, role, isMuted: false })),
  );

  // States go out after each task here, so the tests read them without moving the clock.
  const service = new RoomService({
    chain,
    timers,
    turnMs: 10_000,
    stateBroadcastMs: 0,
    ...options,
  });

  return { chain, timers, server, service, roomId, nextRequest: 1 };
}

async function send(
  f: Fixture,
  account: string,
  type: number,
  payload: Uint8Array = new Uint8Array(),
  fields: Partial<RoomSignal> = {},
): Promise<number> {
  const requestId = f.nextRequest++;
  const message: RoomSignal = {
    type,
    from: account,
    to: '',
    callId: '',
    roomId: f.roomId,
    payload,
    requestId,
    ...fields,
  };

  await f.service.handle(socketOf(account), message, frameOf(message), f.server);
  await Promise.resolve();

  return requestId;
}

/** A stand-in for the signed frame the server would relay: the message's own bytes. */
function frameOf(message: RoomSignal): Uint8Array {
  return new TextEncoder().encode(
    `${message.type}:${message.from}:${message.to}:${message.requestId}`,
  );
}

async function join(f: Fixture, account: string, startUnmuted = false): Promise<RoomSnapshot> {
  const id = await send(
    f,
    account,
    T.ROOM_JOIN,
    encodeRoomJoin({ nickname: account.slice(0, 4), canSend: true, startUnmuted, resume: false }),
  );
  const answer = f.server.answer(account, id);

  assert.equal(answer?.type, T.ROOM_STATE, `join of ${account}: ${answer?.code} ${answer?.text}`);

  return decodeRoomState(answer.payload);
}

function errorOf(f: Fixture, account: string, requestId: number): string | undefined {
  const answer = f.server.answer(account, requestId);

  return answer?.type === T.ERROR ? answer.code : undefined;
}

function acked(f: Fixture, account: string, requestId: number): boolean {
  return f.server.answer(account, requestId)?.type === T.ACK;
}

async function flush(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

/** The last ROOM_STATE broadcast to `account`. */
async function lastState(f: Fixture, account: string): Promise<RoomSnapshot> {
  await flush();

  const states = f.server.to(account, T.ROOM_STATE);

  assert.ok(states.length > 0, `no ROOM_STATE reached ${account}`);

  return decodeRoomState(states.at(-1)!.payload);
}

function memberIn(state: RoomSnapshot, account: string) {
  return state.members.find((member) => member.account === account);
}

describe('room service: admission', () => {
  it('admits a member read from the chain into a mesh', async () => {
    const f = fixture();

    const state = await join(f, HOST);

    assert.equal(state.media, 'mesh');
    assert.equal(state.mediaState, 'ready');
    assert.equal(state.speakingMode, 'FreeSpeak');
    assert.equal(state.members.length, 4);
    assert.equal(memberIn(state, HOST)!.role, 'Host');
    assert.equal(memberIn(state, HOST)!.connected, true);
    assert.equal(memberIn(state, LISTENER)!.connected, false);
    assert.equal(f.service.rooms.get(f.roomId)!.sessions.size, 1);
  });

  it('refuses a non-member', async () => {
    const f = fixture();

    await join(f, HOST);

    const id = await send(
      f,
      STRANGER,
      T.ROOM_JOIN,
      encodeRoomJoin({ nickname: '', canSend: true, startUnmuted: true, resume: false }),
    );

    assert.equal(errorOf(f, STRANGER, id), 'ROOM_NOT_MEMBER');
    assert.equal(f.service.rooms.get(f.roomId)!.sessions.size, 1);
    assert.equal(f.service.rooms.get(f.roomId)!.policy.has(STRANGER), false);
  });

  it('refuses unknown and closed rooms', async () => {
    const f = fixture();
    const unknown = await send(f, HOST, T.ROOM_JOIN, new Uint8Array(), { roomId: 'ab'.repeat(16) });

    f.chain.rooms.get(f.roomId)!.isActive = false;

    const closed = await send(f, HOST, T.ROOM_JOIN);

    assert.equal(errorOf(f, HOST, unknown), 'ROOM_NOT_FOUND');
    assert.equal(errorOf(f, HOST, closed), 'ROOM_CLOSED');
    assert.equal(f.service.rooms.size, 0);
  });

  it('rejects a malformed room id and payload', async () => {
    const f = fixture();
    const badId = await send(f, HOST, T.ROOM_JOIN, new Uint8Array(), { roomId: 'room-1' });
    const badPayload = await send(f, HOST, T.ROOM_JOIN, Uint8Array.of(0xff, 0xff, 0xff));

    assert.equal(errorOf(f, HOST, badId), 'INVALID_ARGUMENT');
    assert.equal(errorOf(f, HOST, badPayload), 'PROTOCOL_DECODE');
    assert.equal(f.service.rooms.get(f.roomId)?.sessions.size ?? 0, 0);
  });

  it('refuses the seventh member of a mesh with install advice', async () => {
    const extra = [5, 6, 7].map((seed): [string, RoomRole] => [testAddress(seed), 'Listener']);
    const f = fixture('FreeSpeak', extra);

    for (const account of [HOST, COHOST, SPEAKER, LISTENER, ...extra.slice(0, 2).map(([a]) => a)]) {
      await join(f, account);
    }

    const seventh = extra[2]![0];
    const id = await send(
      f,
      seventh,
      T.ROOM_JOIN,
      encodeRoomJoin({ nickname: '', canSend: false, startUnmuted: false, resume: false }),
    );
    const answer = f.server.answer(seventh, id)!;

    assert.equal(answer.code, 'ROOM_MEDIA_UNAVAILABLE');
    assert.match(answer.text!, /apt-get install janus/);
    assert.equal(f.service.rooms.get(f.roomId)!.sessions.size, 6);
  });

  it('answers requests of members without media with ROOM_NOT_MEMBER', async () => {
    const f = fixture();

    await join(f, HOST);

    const id = await send(f, LISTENER, T.ROOM_MUTE, encodeRoomMute({ account: '', muted: false }));

    assert.equal(errorOf(f, LISTENER, id), 'ROOM_NOT_MEMBER');
  });

  it('fails a join with CHAIN_UNREACHABLE when the chain does not answer', async () => {
    const f = fixture('FreeSpeak', [], { chainTimeoutMs: 5_000 });

    f.chain.stalled = true;

    const pending = send(f, HOST, T.ROOM_JOIN);

    await flush();
    f.timers.advance(5_000);
    await pending;

    assert.equal(errorOf(f, HOST, 1), 'CHAIN_UNREACHABLE');
  });

  it('refuses ROOM_JSEP in a mesh room', async () => {
    const f = fixture();

    await join(f, HOST);

    const id = await send(
      f,
      HOST,
      T.ROOM_JSEP,
      encodeRoomJsep({ type: 'offer', sdp: 'v=0', iceRestart: false }),
    );

    assert.equal(errorOf(f, HOST, id), 'INVALID_STATE');
  });
});

describe('room service: state broadcasts', () => {
  it('gathers changes into one broadcast', async () => {
    const f = fixture('FreeSpeak', [], { stateBroadcastMs: 50 });

    await join(f, HOST);
    await join(f, SPEAKER);
    await send(f, SPEAKER, T.ROOM_MUTE, encodeRoomMute({ account: '', muted: false }));
    await flush();

    const before = f.server.to(HOST, T.ROOM_STATE).filter((m) => m.requestId === undefined);

    f.timers.advance(50);

    const after = f.server.to(HOST, T.ROOM_STATE).filter((m) => m.requestId === undefined);

    assert.equal(before.length, 0);
    assert.equal(after.length, 1);
    assert.equal(memberIn(decodeRoomState(after[0]!.payload), SPEAKER)!.isMuted, false);
    assert.equal(
      f.server.to(SPEAKER, T.ROOM_STATE).filter((m) => m.requestId === undefined).length,
      1,
    );
  });
});

describe('room service: speaking and moderation', () => {
  it('refuses a listener unmuting itself and keeps it server-muted', async () => {
    const f = fixture();

    await join(f, LISTENER);

    const id = await send(f, LISTENER, T.ROOM_MUTE, encodeRoomMute({ account: '', muted: false }));
    const state = await lastState(f, LISTENER);

    assert.equal(errorOf(f, LISTENER, id), 'ROOM_NOT_ALLOWED');
    assert.equal(memberIn(state, LISTENER)!.serverMuted, true);
    assert.equal(memberIn(state, LISTENER)!.isMuted, true);
  });

  it('lets a speaker unmute itself in FreeSpeak', async () => {
    const f = fixture();

    await join(f, SPEAKER);

    const id = await send(f, SPEAKER, T.ROOM_MUTE, encodeRoomMute({ account: '', muted: false }));
    const state = await lastState(f, SPEAKER);

    assert.ok(acked(f, SPEAKER, id));
    assert.equal(memberIn(state, SPEAKER)!.isMuted, false);
    assert.equal(memberIn(state, SPEAKER)!.serverMuted, false);
  });

  it('mutes a member at the server when a co-host mutes it', async () => {
    const f = fixture();

    await join(f, COHOST);
    await join(f, SPEAKER, true);

    const id = await send(
      f,
      COHOST,
      T.ROOM_MUTE,
      encodeRoomMute({ account: SPEAKER, muted: true }),
    );
    const state = await lastState(f, SPEAKER);
    const moderation = f.server
      .to(SPEAKER, T.ROOM_MODERATION)
      .map((m) => decodeRoomModeration(m.payload));

    assert.ok(acked(f, COHOST, id));
    assert.equal(memberIn(state, SPEAKER)!.serverMuted, true);
    assert.deepEqual(moderation, [{ action: 'mute', target: SPEAKER, ok: true, code: '' }]);
  });

  it('refuses moderation by a speaker', async () => {
    const f = fixture();

    await join(f, SPEAKER);
    await join(f, LISTENER);

    const id = await send(f, SPEAKER, T.ROOM_KICK, encodeRoomKick({ account: LISTENER }));

    assert.equal(errorOf(f, SPEAKER, id), 'ROOM_NOT_ALLOWED');
    assert.equal(f.service.rooms.get(f.roomId)!.sessions.size, 2);
  });

  it('runs the raise-hand flow', async () => {
    const f = fixture('RaiseHand');

    await join(f, HOST);
    await join(f, LISTENER);

    const raised = await send(
      f,
      LISTENER,
      T.ROOM_RAISE_HAND,
      encodeRoomRaiseHand({ raised: true }),
    );
    const queued = await lastState(f, HOST);
    const approved = await send(
      f,
      HOST,
      T.ROOM_RAISE_HAND,
      encodeRoomRaiseHand({ raised: false, account: LISTENER, approved: true }),
    );
    const after = await lastState(f, LISTENER);

    assert.ok(acked(f, LISTENER, raised));
    assert.deepEqual(queued.handQueue, [LISTENER]);
    assert.equal(memberIn(queued, LISTENER)!.handRaised, true);
    assert.ok(acked(f, HOST, approved));
    assert.deepEqual(after.handQueue, []);
    assert.equal(memberIn(after, LISTENER)!.role, 'Speaker');
    assert.equal(memberIn(after, LISTENER)!.serverMuted, false);
    assert.equal(memberIn(after, LISTENER)!.isMuted, false);
  });

  it('reverts a signaling role change the chain never made', async () => {
    const f = fixture();

    await join(f, HOST);
    await join(f, LISTENER);
    await send(f, HOST, T.ROOM_ROLE, encodeRoomRole({ account: LISTENER, role: 'Speaker' }));

    assert.equal(memberIn(await lastState(f, HOST), LISTENER)!.role, 'Speaker');

    f.timers.advance(60_000);

    assert.equal(memberIn(await lastState(f, HOST), LISTENER)!.role, 'Listener');
  });

  it('follows role, mute and mode changes on chain', async () => {
    const f = fixture();

    await join(f, HOST);
    f.chain.emit({ kind: 'role', roomId: f.roomId, account: LISTENER, role: 'Speaker' });
    f.chain.emit({ kind: 'muted', roomId: f.roomId, account: SPEAKER, muted: true });
    f.chain.emit({ kind: 'mode', roomId: f.roomId, mode: 'HostOnly' });

    const state = await lastState(f, HOST);

    assert.equal(memberIn(state, LISTENER)!.role, 'Speaker');
    assert.equal(memberIn(state, SPEAKER)!.isMuted, true);
    assert.equal(state.speakingMode, 'HostOnly');
    assert.equal(memberIn(state, LISTENER)!.serverMuted, true);
  });

  it('changes the mode for the host only', async () => {
    const f = fixture();

    await join(f, HOST);
    await join(f, COHOST);
    await join(f, SPEAKER);

    const refused = await send(f, SPEAKER, T.ROOM_MODE, encodeRoomMode({ mode: 'HostOnly' }));
    const refusedCoHost = await send(f, COHOST, T.ROOM_MODE, encodeRoomMode({ mode: 'HostOnly' }));
    const accepted = await send(
      f,
      HOST,
      T.ROOM_MODE,
      encodeRoomMode({ mode: 'Sequential', turnMs: 15_000 }),
    );
    const state = await lastState(f, SPEAKER);

    assert.equal(errorOf(f, SPEAKER, refused), 'ROOM_NOT_ALLOWED');
    assert.equal(errorOf(f, COHOST, refusedCoHost), 'ROOM_NOT_ALLOWED');
    assert.ok(acked(f, HOST, accepted));
    assert.equal(state.speakingMode, 'Sequential');
    assert.equal(state.turn?.account, SPEAKER);
    assert.equal(state.turn?.turnMs, 15_000);
  });
});

describe('room service: sequential turns', () => {
  it('rotates the floor on the turn timer', async () => {
    const second = testAddress(5);
    const f = fixture('Sequential', [[second, 'Speaker']]);

    await join(f, HOST);
    await join(f, SPEAKER, true);
    await join(f, second, true);

    const first = await lastState(f, HOST);

    f.timers.advance(10_000);

    const next = await lastState(f, HOST);

    f.timers.advance(10_000);

    const third = await lastState(f, HOST);

    assert.equal(first.turn?.account, SPEAKER);
    assert.deepEqual(first.turn?.queue, [second]);
    assert.equal(memberIn(first, second)!.serverMuted, true);
    assert.equal(next.turn?.account, second);
    assert.equal(next.turn?.endsAt, f.timers.now());
    assert.equal(memberIn(next, SPEAKER)!.serverMuted, true);
    assert.equal(memberIn(next, second)!.serverMuted, false);
    assert.equal(third.turn?.account, SPEAKER);
  });

  it('lets the holder yield its turn', async () => {
    const second = testAddress(5);
    const f = fixture('Sequential', [[second, 'Speaker']]);

    await join(f, SPEAKER);
    await join(f, second);

    const id = await send(f, SPEAKER, T.ROOM_TURN);

    assert.ok(acked(f, SPEAKER, id));
    assert.equal((await lastState(f, SPEAKER)).turn?.account, second);
  });
});

describe('room service: leaving, kicks and closing', () => {
  it('kicks a member at once and refuses its rejoin', async () => {
    const f = fixture();

    await join(f, HOST);
    await join(f, LISTENER);

    const id = await send(f, HOST, T.ROOM_KICK, encodeRoomKick({ account: LISTENER }));
    const kicked = f.server.to(LISTENER, T.ROOM_KICK).map((m) => decodeRoomKick(m.payload).account);
    const rejoin = await send(f, LISTENER, T.ROOM_JOIN);
    const state = await lastState(f, HOST);

    assert.ok(acked(f, HOST, id));
    assert.deepEqual(kicked, [LISTENER]);
    assert.equal(errorOf(f, LISTENER, rejoin), 'ROOM_NOT_MEMBER');
    assert.equal(memberIn(state, LISTENER), undefined);
    assert.equal(f.service.rooms.get(f.roomId)!.sessions.has(socketOf(LISTENER).accountKey), false);
  });

  it('ends the media of a member who left on chain', async () => {
    const f = fixture();

    await join(f, HOST);
    await join(f, SPEAKER);
    f.chain.removeMember(f.roomId, SPEAKER, 'left');
    await flush();

    const state = await lastState(f, HOST);

    assert.equal(f.server.to(SPEAKER, T.ROOM_LEAVE).length, 1);
    assert.equal(memberIn(state, SPEAKER), undefined);
  });

  it('closes the room for everyone when the host closes it', async () => {
    const f = fixture();

    await join(f, HOST);
    await join(f, LISTENER);

    const refused = await send(f, LISTENER, T.ROOM_CLOSE);
    const id = await send(f, HOST, T.ROOM_CLOSE);
    const state = decodeRoomState(f.server.to(LISTENER, T.ROOM_STATE).at(-1)!.payload);
    const rejoin = await send(f, LISTENER, T.ROOM_JOIN);

    assert.equal(errorOf(f, LISTENER, refused), 'ROOM_NOT_ALLOWED');
    assert.ok(acked(f, HOST, id));
    assert.equal(state.closed, true);
    assert.equal(f.service.rooms.has(f.roomId), false);
    assert.equal(errorOf(f, LISTENER, rejoin), 'ROOM_CLOSED');
  });

  it('releases a room nobody has media in', async () => {
    const f = fixture();

    await join(f, HOST);
    await send(f, HOST, T.ROOM_LEAVE);
    f.timers.advance(59_999);

    assert.equal(f.service.rooms.has(f.roomId), true);

    f.timers.advance(1);

    assert.equal(f.service.rooms.has(f.roomId), false);
    assert.equal((await join(f, SPEAKER)).members.length, 4);
  });

  it('keeps a room someone rejoined before it was released', async () => {
    const f = fixture();

    await join(f, HOST);
    await send(f, HOST, T.ROOM_LEAVE);
    f.timers.advance(30_000);
    await join(f, HOST);
    f.timers.advance(60_000);

    assert.equal(f.service.rooms.get(f.roomId)?.sessions.size, 1);
  });

  it('closes the room when the chain closes it', async () => {
    const f = fixture();

    await join(f, LISTENER);
    f.chain.emit({ kind: 'closed', roomId: f.roomId }, () => {
      f.chain.rooms.get(f.roomId)!.isActive = false;
    });
    await flush();

    assert.equal(decodeRoomState(f.server.to(LISTENER, T.ROOM_STATE).at(-1)!.payload).closed, true);
    assert.equal(f.service.rooms.has(f.roomId), false);
  });

  it('keeps media through a short disconnect and ends it after the grace period', async () => {
    const f = fixture();

    await join(f, HOST);
    await join(f, SPEAKER);
    await f.service.disconnected(socketOf(SPEAKER), f.server);

    const resume = await send(
      f,
      SPEAKER,
      T.ROOM_JOIN,
      encodeRoomJoin({ nickname: '', canSend: true, startUnmuted: false, resume: true }),
    );

    f.timers.advance(30_000);

    assert.equal(f.server.answer(SPEAKER, resume)?.type, T.ROOM_STATE);
    assert.equal(f.service.rooms.get(f.roomId)!.sessions.has(socketOf(SPEAKER).accountKey), true);

    await f.service.disconnected(socketOf(SPEAKER), f.server);
    f.timers.advance(20_000);
    await flush();

    assert.equal(f.service.rooms.get(f.roomId)!.sessions.has(socketOf(SPEAKER).accountKey), false);
    assert.equal(memberIn(await lastState(f, HOST), SPEAKER)!.connected, false);
  });
});

describe('room service: tips and mesh relays', () => {
  it('relays a tip found on chain to the room', async () => {
    const f = fixture();
    const blockHash = `0x${'cd'.repeat(32)}`;

    f.chain.blocks.set(blockHash, [{ from: LISTENER, to: SPEAKER, amount: 5_000n }]);
    await join(f, LISTENER);
    await join(f, SPEAKER);

    const id = await send(
      f,
      LISTENER,
      T.ROOM_TIP,
      encodeRoomTip({ to: SPEAKER, amount: 5_000n, blockHash }),
    );

    assert.ok(acked(f, LISTENER, id));
    assert.equal(f.server.to(SPEAKER, -1).length, 1);
    assert.equal(f.server.to(LISTENER, -1).length, 1);
  });

  it('refuses a tip the chain does not show', async () => {
    const f = fixture();
    const blockHash = `0x${'cd'.repeat(32)}`;

    f.chain.blocks.set(blockHash, [{ from: LISTENER, to: SPEAKER, amount: 4_999n }]);
    await join(f, LISTENER);
    await join(f, SPEAKER);

    const id = await send(
      f,
      LISTENER,
      T.ROOM_TIP,
      encodeRoomTip({ to: SPEAKER, amount: 5_000n, blockHash }),
    );

    assert.equal(errorOf(f, LISTENER, id), 'ROOM_TIP_UNVERIFIED');
    assert.equal(f.server.to(SPEAKER, -1).length, 0);
  });

  it('relays mesh offers only between members with media', async () => {
    const f = fixture();

    await join(f, HOST);
    await join(f, SPEAKER);

    const relayed = await send(f, HOST, T.SDP_OFFER, new Uint8Array(), { to: SPEAKER });
    const refused = await send(f, HOST, T.SDP_OFFER, new Uint8Array(), { to: LISTENER });

    assert.equal(f.server.to(SPEAKER, -1).length, 1);
    assert.equal(f.server.answer(HOST, relayed), undefined);
    assert.equal(errorOf(f, HOST, refused), 'ROOM_NOT_MEMBER');
    assert.equal(f.server.to(LISTENER, -1).length, 0);
  });
});
