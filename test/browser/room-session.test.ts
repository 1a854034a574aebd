// RoomSession's state machine in Chromium against a scripted signaling server: joins and
// failed joins, removals, closing, reconnects, mute and refusals. The real servers are in
// test/e2e/rooms.test.ts.
import { expect } from 'chai';

import { voice } from '../../proto/gen/voice.js';
import { RoomSession } from '../../src/room/room-session.js';
import type { RoomSessionEvents, RoomSessionState } from '../../src/room/types.js';
import { StardustError } from '../../src/shared/errors.js';
import {
  decodeRoomJoin,
  decodeRoomMute,
  encodeRoomKick,
  encodeRoomState,
  type RoomSnapshot,
} from '../../src/shared/room-wire.js';
import { encodeAddress } from '../../src/shared/ss58.js';
import { FakeRoomSignaling, member, refuse, snapshot } from '../support/fake-room-signaling.js';

const T = voice.SignalType;
const ROOM_ID = 'cd'.repeat(16);
const SELF = encodeAddress(new Uint8Array(32).fill(7));
const HOST = encodeAddress(new Uint8Array(32).fill(8));

function state(
  self: Partial<ReturnType<typeof member>> = {},
  overrides: Partial<RoomSnapshot> = {},
) {
  return snapshot({
    members: [
      member(HOST, { role: 'Host', isMuted: false, serverMuted: false }),
      member(SELF, { role: 'Speaker', serverMuted: false, ...self }),
    ],
    ...overrides,
  });
}

function fixture(initial = state()) {
  const signaling = new FakeRoomSignaling(SELF);

  signaling.handler = (draft) =>
    draft.type === T.ROOM_JOIN
      ? { type: T.ROOM_STATE, payload: encodeRoomState(initial) }
      : undefined;

  const session = new RoomSession({ roomId: `0x${ROOM_ID.toUpperCase()}`, signaling });

  return { signaling, session };
}

/** Resolves with the session's next state change to `wanted`. */
function reaches(
  session: RoomSession,
  wanted: RoomSessionState,
): Promise<RoomSessionEvents['stateChange']> {
  return session.once('stateChange', ({ state }) => state === wanted);
}

function rejectsWith(code: string) {
  return (error: unknown) => {
    expect(error).to.be.instanceOf(StardustError);
    expect((error as StardustError).code).to.equal(code);
  };
}

describe('RoomSession', () => {
  it('rejects a malformed room id', () => {
    const signaling = new FakeRoomSignaling(SELF);

    expect(() => new RoomSession({ roomId: 'room-1', signaling })).to.throw(StardustError);
  });

  it('joins and exposes the room state', async () => {
    const { session, signaling } = fixture();
    const states: RoomSessionState[] = [];

    session.on('stateChange', ({ state }) => states.push(state));
    await session.join({ startUnmuted: true });

    expect(session.roomId).to.equal(ROOM_ID);
    expect(states).to.deep.equal(['joining', 'joined']);
    expect(session.self?.account).to.equal(SELF);
    expect(session.members.map((m) => m.isSelf)).to.deep.equal([false, true]);
    expect(decodeRoomJoin(signaling.requests(T.ROOM_JOIN)[0]!.payload!)).to.deep.equal({
      nickname: '',
      canSend: true,
      startUnmuted: true,
      resume: false,
    });
    session.dispose();
  });

  it('returns to idle with the code of a refused join', async () => {
    const { session, signaling } = fixture();
    const changed = reaches(session, 'idle');

    signaling.handler = () => refuse('ROOM_NOT_MEMBER');

    await session.join().then(() => expect.fail('join resolved'), rejectsWith('ROOM_NOT_MEMBER'));

    expect((await changed).reason).to.equal('ROOM_NOT_MEMBER');
    expect(session.state).to.equal('idle');
  });

  it('refuses commands before joining', async () => {
    const { session } = fixture();

    await session.setMuted(false).then(() => expect.fail('resolved'), rejectsWith('INVALID_STATE'));
    await session.kick(HOST).then(() => expect.fail('resolved'), rejectsWith('INVALID_STATE'));
  });

  it('refuses a second join while joined', async () => {
    const { session } = fixture();

    await session.join();
    await session.join().then(() => expect.fail('resolved'), rejectsWith('INVALID_STATE'));
    session.dispose();
  });

  it('leaves with reason kicked when the server kicks it', async () => {
    const { session, signaling } = fixture();

    await session.join();

    const left = reaches(session, 'left');

    signaling.push(T.ROOM_KICK, encodeRoomKick({ account: SELF }), ROOM_ID);

    expect((await left).reason).to.equal('kicked');
  });

  it('ignores kicks of other members and other rooms', async () => {
    const { session, signaling } = fixture();

    await session.join();
    signaling.push(T.ROOM_KICK, encodeRoomKick({ account: HOST }), ROOM_ID);
    signaling.push(T.ROOM_KICK, encodeRoomKick({ account: SELF }), 'ef'.repeat(16));

    expect(session.state).to.equal('joined');
    session.dispose();
  });

  it('leaves with reason removed when the server ends its media', async () => {
    const { session, signaling } = fixture();

    await session.join();

    const left = reaches(session, 'left');

    signaling.push(T.ROOM_LEAVE, new Uint8Array(), ROOM_ID);

    expect((await left).reason).to.equal('removed');
  });

  it('closes when the room closes', async () => {
    const { session, signaling } = fixture();

    await session.join();

    const closed = reaches(session, 'closed');

    signaling.pushState(ROOM_ID, state({}, { closed: true }));

    expect((await closed).reason).to.equal('closed');
    await session.join().then(() => expect.fail('resolved'), rejectsWith('ROOM_CLOSED'));
  });

  it('reconnects while the media server is away and rejoins after', async () => {
    const { session, signaling } = fixture();

    await session.join();

    const reconnecting = reaches(session, 'reconnecting');

    signaling.pushState(ROOM_ID, state({ connected: false }, { mediaState: 'reconnecting' }));

    expect((await reconnecting).reason).to.equal('media');

    const back = reaches(session, 'joined');

    signaling.pushState(ROOM_ID, state({ connected: false }));
    await back;

    expect(session.state).to.equal('joined');
    session.dispose();
  });

  it('resumes its media after a signaling reconnect', async () => {
    const { session, signaling } = fixture();

    await session.join();

    const reconnecting = reaches(session, 'reconnecting');

    signaling.setState('reconnecting');

    expect((await reconnecting).reason).to.equal('signaling');

    const resumed = signaling.nextRequest(T.ROOM_JOIN);
    const back = reaches(session, 'joined');

    signaling.setState('connected');

    expect(decodeRoomJoin((await resumed).payload!).resume).to.equal(true);
    await back;
    session.dispose();
  });

  it('sends its mute and stops sending at once', async () => {
    const { session, signaling } = fixture(state({ isMuted: false }));

    await session.join();

    const request = signaling.nextRequest(T.ROOM_MUTE);

    await session.setMuted(true);

    expect(decodeRoomMute((await request).payload!)).to.deep.equal({ account: '', muted: true });
    expect(session.sending).to.equal(false);
    session.dispose();
  });

  it('keeps the turn countdown on the page clock', async () => {
    const serverNow = Date.now() + 3_600_000;
    const { session, signaling } = fixture();

    await session.join();

    // The server's clock runs an hour ahead, as the message's timestamp shows.
    signaling.push(
      T.ROOM_STATE,
      encodeRoomState(
        state(
          {},
          {
            speakingMode: 'Sequential',
            turn: { account: SELF, endsAt: serverNow + 30_000, turnMs: 60_000, queue: [] },
          },
        ),
      ),
      ROOM_ID,
      '',
      serverNow,
    );

    expect(session.turn?.account).to.equal(SELF);
    expect(session.turnRemainingMs()).to.be.within(25_000, 30_000);
    session.dispose();
  });
});
