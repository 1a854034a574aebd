// The room policy: who may send audio under each role, mute and speaking mode, the
// raise-hand queue, the sequential rotation on a fake clock, and active speakers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { StardustError, type ErrorCode } from '../../src/shared/errors.js';
import type { RoomRole, RoomSpeakingMode } from '../../src/shared/room-rules.js';
import { encodeAddress } from '../../src/shared/ss58.js';
import { RoomPolicy } from '../../server/signaling/rooms/policy.js';
import { TurnRotation } from '../../server/signaling/rooms/turns.js';

/** A fake clock: time moves only when the test says so. */
class FakeClock {
  time = 1_000_000;

  now(): number {
    return this.time;
  }

  tick(ms: number): void {
    this.time += ms;
  }
}

function address(seed: number): string {
  return encodeAddress(new Uint8Array(32).fill(seed));
}

const HOST = address(1);
const COHOST = address(2);
const SPEAKER = address(3);
const LISTENER = address(4);
const SPEAKER_B = address(5);
const SPEAKER_C = address(6);
const STRANGER = address(9);

function room(mode: RoomSpeakingMode, clock = new FakeClock(), turnMs = 10_000): RoomPolicy {
  const policy = new RoomPolicy({ mode, clock, turnMs });
  const roles: Array<[string, RoomRole]> = [
    [HOST, 'Host'],
    [COHOST, 'CoHost'],
    [SPEAKER, 'Speaker'],
    [LISTENER, 'Listener'],
  ];

  for (const [account, role] of roles) {
    policy.upsertMember({ account, role, isMuted: false });
    policy.setConnected(account, true);
  }

  return policy;
}

function rejects(code: ErrorCode): (error: unknown) => boolean {
  return (error) => error instanceof StardustError && error.code === code;
}

/** Turns every member's own switch on where the policy allows it. */
function unmuteEveryoneAllowed(policy: RoomPolicy): void {
  for (const member of policy.members()) {
    try {
      policy.setSelfMuted(member.account, false);
    } catch {
      // Members whom the mode silences stay muted.
    }
  }
}

describe('room policy: roles and modes', () => {
  const cases: Array<[RoomSpeakingMode, Record<string, boolean>]> = [
    ['FreeSpeak', { [HOST]: true, [COHOST]: true, [SPEAKER]: true, [LISTENER]: false }],
    ['HostOnly', { [HOST]: true, [COHOST]: true, [SPEAKER]: false, [LISTENER]: false }],
    ['RaiseHand', { [HOST]: true, [COHOST]: true, [SPEAKER]: true, [LISTENER]: false }],
  ];

  for (const [mode, expected] of cases) {
    it(`lets the right roles transmit in ${mode}`, () => {
      const policy = room(mode);

      for (const [account, allowed] of Object.entries(expected)) {
        assert.equal(policy.mayTransmit(account), allowed, `${account} in ${mode}`);
      }
    });
  }

  it('keeps listeners muted at the server in every mode', () => {
    for (const mode of ['FreeSpeak', 'HostOnly', 'RaiseHand', 'Sequential'] as const) {
      const policy = room(mode);

      assert.equal(policy.serverMuted(LISTENER), true, mode);
      assert.equal(policy.mediaMuted(LISTENER), true, mode);
    }
  });

  it('starts members with their own switch off', () => {
    const policy = room('FreeSpeak');

    assert.equal(policy.member(SPEAKER)!.selfMuted, true);
    assert.equal(policy.mediaMuted(SPEAKER), true);
    assert.equal(policy.mayTransmit(SPEAKER), true);
  });

  it('lets a speaker unmute itself in FreeSpeak', () => {
    const policy = room('FreeSpeak');

    policy.setSelfMuted(SPEAKER, false);

    assert.equal(policy.mediaMuted(SPEAKER), false);
  });

  it('refuses a listener unmuting itself', () => {
    const policy = room('FreeSpeak');

    assert.throws(() => policy.setSelfMuted(LISTENER, false), rejects('ROOM_NOT_ALLOWED'));
    assert.equal(policy.member(LISTENER)!.selfMuted, true);
    assert.equal(policy.mediaMuted(LISTENER), true);
  });

  it('refuses a speaker unmuting itself in HostOnly', () => {
    const policy = room('HostOnly');

    assert.throws(() => policy.setSelfMuted(SPEAKER, false), rejects('ROOM_NOT_ALLOWED'));
    assert.equal(policy.mediaMuted(SPEAKER), true);
  });

  it('always allows muting oneself', () => {
    const policy = room('FreeSpeak');

    policy.setSelfMuted(HOST, false);
    policy.setSelfMuted(HOST, true);
    policy.setSelfMuted(LISTENER, true);

    assert.equal(policy.mediaMuted(HOST), true);
    assert.equal(policy.mediaMuted(LISTENER), true);
  });

  it('mutes a speaker at the server when the mode turns HostOnly', () => {
    const policy = room('FreeSpeak');

    policy.setSelfMuted(SPEAKER, false);
    policy.setMode('HostOnly');

    assert.equal(policy.mediaMuted(SPEAKER), true);
    assert.equal(policy.serverMuted(SPEAKER), true);

    policy.setMode('FreeSpeak');

    assert.equal(policy.serverMuted(SPEAKER), false);
    assert.equal(policy.mediaMuted(SPEAKER), true, 'its switch was turned off by HostOnly');
  });

  it('resets the switch of a demoted speaker', () => {
    const policy = room('FreeSpeak');

    policy.setSelfMuted(SPEAKER, false);
    policy.setRole(SPEAKER, 'Listener');
    policy.setRole(SPEAKER, 'Speaker');

    assert.equal(policy.member(SPEAKER)!.selfMuted, true);
    assert.equal(policy.mediaMuted(SPEAKER), true);
  });

  it('rejects requests of accounts outside the room', () => {
    const policy = room('FreeSpeak');

    assert.throws(() => policy.setSelfMuted(STRANGER, true), rejects('ROOM_NOT_MEMBER'));
    assert.throws(() => policy.raiseHand(STRANGER, true), rejects('ROOM_NOT_MEMBER'));
    assert.throws(() => policy.moderateMute(STRANGER, SPEAKER, true), rejects('ROOM_NOT_MEMBER'));
    assert.equal(policy.mayTransmit(STRANGER), false);
    assert.equal(policy.mediaMuted(STRANGER), true);
  });

  it('rejects malformed addresses with ADDRESS_INVALID', () => {
    const policy = room('FreeSpeak');

    assert.throws(() => policy.setSelfMuted('not-an-address', true), rejects('ADDRESS_INVALID'));
  });
});

describe('room policy: moderation', () => {
  it('mutes a member at the server when a host mutes it', () => {
    const policy = room('FreeSpeak');

    policy.setSelfMuted(SPEAKER, false);
    policy.moderateMute(HOST, SPEAKER, true);

    assert.equal(policy.serverMuted(SPEAKER), true);
    assert.equal(policy.mediaMuted(SPEAKER), true);
    assert.equal(policy.member(SPEAKER)!.selfMuted, false, 'its own switch is untouched');
  });

  it('keeps a member muted by a host from unmuting itself', () => {
    const policy = room('FreeSpeak');

    policy.moderateMute(COHOST, SPEAKER, true);

    assert.throws(() => policy.setSelfMuted(SPEAKER, false), rejects('ROOM_NOT_ALLOWED'));

    policy.moderateMute(COHOST, SPEAKER, false);
    policy.setSelfMuted(SPEAKER, false);

    assert.equal(policy.mediaMuted(SPEAKER), false);
  });

  it('mutes a member the chain marks muted', () => {
    const policy = room('FreeSpeak');

    policy.setSelfMuted(SPEAKER, false);
    policy.setChainMuted(SPEAKER, true);

    assert.equal(policy.mediaMuted(SPEAKER), true);

    policy.upsertMember({ account: SPEAKER, role: 'Speaker', isMuted: false });

    assert.equal(policy.mediaMuted(SPEAKER), false);
  });

  it('follows the chain rules for who moderates whom', () => {
    const policy = room('FreeSpeak');

    assert.throws(() => policy.moderateMute(COHOST, HOST, true), rejects('ROOM_NOT_ALLOWED'));
    assert.throws(() => policy.moderateMute(SPEAKER, LISTENER, true), rejects('ROOM_NOT_ALLOWED'));
    assert.throws(() => policy.moderateMute(HOST, HOST, true), rejects('ROOM_NOT_ALLOWED'));
    assert.throws(() => policy.checkKick(LISTENER, SPEAKER), rejects('ROOM_NOT_ALLOWED'));
    assert.throws(() => policy.checkKick(COHOST, HOST), rejects('ROOM_NOT_ALLOWED'));
    assert.doesNotThrow(() => policy.checkKick(COHOST, LISTENER));
    assert.doesNotThrow(() => policy.checkKick(HOST, COHOST));
    assert.equal(policy.member(HOST)!.moderatorMuted, false);
  });

  it('lets co-hosts set only speaker and listener roles', () => {
    const policy = room('FreeSpeak');

    assert.throws(
      () => policy.requestRole(COHOST, LISTENER, 'CoHost'),
      rejects('ROOM_NOT_ALLOWED'),
    );
    assert.throws(() => policy.requestRole(HOST, LISTENER, 'Host'), rejects('ROOM_NOT_ALLOWED'));
    assert.throws(() => policy.requestRole(COHOST, HOST, 'Listener'), rejects('ROOM_NOT_ALLOWED'));

    policy.requestRole(COHOST, LISTENER, 'Speaker');
    policy.requestRole(HOST, SPEAKER, 'CoHost');

    assert.equal(policy.member(LISTENER)!.role, 'Speaker');
    assert.equal(policy.member(SPEAKER)!.role, 'CoHost');
  });

  it('lets only the host change the mode and close', () => {
    const policy = room('FreeSpeak');

    assert.throws(() => policy.requestMode(SPEAKER, 'HostOnly'), rejects('ROOM_NOT_ALLOWED'));
    assert.throws(() => policy.requestMode(COHOST, 'HostOnly'), rejects('ROOM_NOT_ALLOWED'));
    assert.equal(policy.mode, 'FreeSpeak');

    policy.requestMode(HOST, 'RaiseHand');

    assert.equal(policy.mode, 'RaiseHand');
    assert.throws(() => policy.checkClose(COHOST), rejects('ROOM_NOT_ALLOWED'));
    assert.doesNotThrow(() => policy.checkClose(HOST));
  });

  it('forgets a kicked member entirely', () => {
    const policy = room('RaiseHand');

    policy.raiseHand(LISTENER, true);
    policy.removeMember(LISTENER);

    assert.equal(policy.has(LISTENER), false);
    assert.deepEqual(policy.handQueue, []);
    assert.equal(policy.mayTransmit(LISTENER), false);
  });
});

describe('room policy: raise hand', () => {
  it('queues hands in the order they were raised', () => {
    const policy = room('RaiseHand');

    policy.upsertMember({ account: SPEAKER_B, role: 'Listener', isMuted: false });
    policy.raiseHand(SPEAKER_B, true);
    policy.raiseHand(LISTENER, true);
    policy.raiseHand(SPEAKER_B, true);

    assert.deepEqual(policy.handQueue, [SPEAKER_B, LISTENER]);
  });

  it('refuses a hand from a member who may already speak', () => {
    const policy = room('RaiseHand');

    assert.throws(() => policy.raiseHand(SPEAKER, true), rejects('ROOM_NOT_ALLOWED'));
    assert.deepEqual(policy.handQueue, []);
  });

  it('makes an approved listener a speaker heard at once', () => {
    const policy = room('RaiseHand');

    policy.raiseHand(LISTENER, true);

    const answer = policy.answerHand(COHOST, LISTENER, true);

    assert.deepEqual(answer, { approved: true, account: LISTENER });
    assert.equal(policy.member(LISTENER)!.role, 'Speaker');
    assert.equal(policy.member(LISTENER)!.handRaised, false);
    assert.equal(policy.mediaMuted(LISTENER), false);
    assert.deepEqual(policy.handQueue, []);
  });

  it('lowers a declined hand and keeps the listener muted', () => {
    const policy = room('RaiseHand');

    policy.raiseHand(LISTENER, true);
    policy.answerHand(HOST, LISTENER, false);

    assert.equal(policy.member(LISTENER)!.role, 'Listener');
    assert.equal(policy.member(LISTENER)!.handRaised, false);
    assert.equal(policy.mediaMuted(LISTENER), true);
  });

  it('refuses answers from non-moderators and to lowered hands', () => {
    const policy = room('RaiseHand');

    policy.raiseHand(LISTENER, true);

    assert.throws(() => policy.answerHand(SPEAKER, LISTENER, true), rejects('ROOM_NOT_ALLOWED'));
    assert.equal(policy.member(LISTENER)!.role, 'Listener');

    policy.raiseHand(LISTENER, false);

    assert.throws(() => policy.answerHand(HOST, LISTENER, true), rejects('ROOM_NOT_ALLOWED'));
    assert.equal(policy.member(LISTENER)!.role, 'Listener');
  });

  it('lowers the hand of a listener promoted on chain', () => {
    const policy = room('RaiseHand');

    policy.raiseHand(LISTENER, true);
    policy.setRole(LISTENER, 'Speaker');

    assert.deepEqual(policy.handQueue, []);
  });
});

describe('room policy: sequential turns', () => {
  function sequential(clock: FakeClock): RoomPolicy {
    const policy = room('Sequential', clock, 10_000);

    for (const account of [SPEAKER_B, SPEAKER_C]) {
      policy.upsertMember({ account, role: 'Speaker', isMuted: false });
      policy.setConnected(account, true);
    }

    unmuteEveryoneAllowed(policy);

    return policy;
  }

  it('gives the floor to one speaker at a time in queue order', () => {
    const clock = new FakeClock();
    const policy = sequential(clock);
    const holders: string[] = [];

    for (let turn = 0; turn < 4; turn += 1) {
      holders.push(policy.turn!.account);

      const speaking = [SPEAKER, SPEAKER_B, SPEAKER_C].filter((s) => policy.mayTransmit(s));

      assert.deepEqual(speaking, [policy.turn!.account], `turn ${turn}`);

      clock.tick(10_000);
      assert.equal(policy.advance(), true);
    }

    assert.deepEqual(holders, [SPEAKER, SPEAKER_B, SPEAKER_C, SPEAKER]);
  });

  it('keeps the turn until its time is up', () => {
    const clock = new FakeClock();
    const policy = sequential(clock);
    const started = clock.now();

    clock.tick(9_999);

    assert.equal(policy.advance(), false);
    assert.equal(policy.turn!.account, SPEAKER);
    assert.equal(policy.turn!.endsAt, started + 10_000);
    assert.equal(policy.nextDeadline(), started + 10_000);
    assert.deepEqual(policy.turnQueue, [SPEAKER_B, SPEAKER_C]);
  });

  it('lets hosts and co-hosts speak outside the rotation', () => {
    const policy = sequential(new FakeClock());

    assert.equal(policy.mayTransmit(HOST), true);
    assert.equal(policy.mayTransmit(COHOST), true);
    assert.equal(policy.mayTransmit(LISTENER), false);
  });

  it('passes the turn on when the holder leaves', () => {
    const clock = new FakeClock();
    const policy = sequential(clock);

    clock.tick(3_000);
    policy.removeMember(SPEAKER);

    assert.equal(policy.turn!.account, SPEAKER_B);
    assert.equal(policy.turn!.startedAt, clock.now());
    assert.equal(policy.mayTransmit(SPEAKER_B), true);
  });

  it('skips speakers without media or muted by a host', () => {
    const clock = new FakeClock();
    const policy = sequential(clock);

    policy.setConnected(SPEAKER_B, false);
    policy.moderateMute(HOST, SPEAKER_C, true);
    clock.tick(10_000);
    policy.advance();

    assert.equal(policy.turn!.account, SPEAKER, 'the only eligible speaker gets a new turn');
    assert.equal(policy.turn!.startedAt, clock.now());
  });

  it('lets the holder yield and a moderator skip', () => {
    const policy = sequential(new FakeClock());

    policy.skipTurn(SPEAKER);

    assert.equal(policy.turn!.account, SPEAKER_B);
    assert.throws(() => policy.skipTurn(SPEAKER_C), rejects('ROOM_NOT_ALLOWED'));

    policy.skipTurn(COHOST);

    assert.equal(policy.turn!.account, SPEAKER_C);
  });

  it('starts a turn when the mode becomes sequential and stops it after', () => {
    const clock = new FakeClock();
    const policy = room('FreeSpeak', clock);

    assert.equal(policy.turn, undefined);

    policy.setMode('Sequential', 20_000);

    assert.equal(policy.turn!.account, SPEAKER);
    assert.equal(policy.turn!.endsAt, clock.now() + 20_000);

    policy.setMode('FreeSpeak');

    assert.equal(policy.turn, undefined);
    assert.equal(policy.nextDeadline(), undefined);
  });

  it('appends an approved listener to the rotation', () => {
    const clock = new FakeClock();
    const policy = sequential(clock);

    policy.raiseHand(LISTENER, true);
    policy.answerHand(HOST, LISTENER, true);

    assert.deepEqual(policy.turnQueue, [SPEAKER_B, SPEAKER_C, LISTENER]);
  });

  it('rejects turn lengths out of range', () => {
    assert.throws(() => new TurnRotation(10), rejects('INVALID_ARGUMENT'));
    assert.throws(() => room('Sequential').setMode('Sequential', 1.5), rejects('INVALID_ARGUMENT'));
  });
});

describe('room policy: active speakers', () => {
  it('lists talking members in the order they started', () => {
    const policy = room('FreeSpeak');

    unmuteEveryoneAllowed(policy);
    policy.setTalking(SPEAKER, true);
    policy.setTalking(HOST, true);

    assert.deepEqual(policy.activeSpeakers, [SPEAKER, HOST]);

    policy.setTalking(SPEAKER, false);

    assert.deepEqual(policy.activeSpeakers, [HOST]);
  });

  it('never counts a muted member as talking', () => {
    const policy = room('FreeSpeak');

    unmuteEveryoneAllowed(policy);

    assert.equal(policy.setTalking(LISTENER, true), false);

    policy.setTalking(SPEAKER, true);
    policy.moderateMute(HOST, SPEAKER, true);

    assert.deepEqual(policy.activeSpeakers, []);
    assert.equal(policy.member(SPEAKER)!.talking, false);
  });

  it('drops the talking state of a member whose media ended', () => {
    const policy = room('FreeSpeak');

    unmuteEveryoneAllowed(policy);
    policy.setTalking(SPEAKER, true);
    policy.setConnected(SPEAKER, false);

    assert.deepEqual(policy.activeSpeakers, []);
  });
});
