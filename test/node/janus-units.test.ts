// Unit tests of the Janus client's pure parts: input checks, rendezvous hashing, backoff,
// config rendering and the talking tracker. The Janus-backed tests are janus-*.test.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';

import { StardustError } from '../../src/shared/errors.js';
import { AudioBridgeMember } from '../../server/signaling/janus/audio-bridge-member.js';
import { RoomMediaError } from '../../server/signaling/janus/errors.js';
import { renderJanusConfig, readJanusTemplates } from '../../server/signaling/janus/launcher.js';
import { backoffPolicy } from '../../server/signaling/janus/reconnect.js';
import { rankServers } from '../../server/signaling/janus/rendezvous.js';
import {
  TalkingTracker,
  type TalkingChange,
} from '../../server/signaling/janus/talking-tracker.js';
import type { AudioBridgeParticipant } from '../../server/signaling/janus/types.js';
import {
  checkCandidate,
  checkCredential,
  checkMemberId,
  checkOffer,
  checkTalking,
  generateJanusSecret,
  iceUfragOf,
  janusRoomId,
} from '../../server/signaling/janus/validate.js';

function isInvalidArgument(error: unknown): boolean {
  return error instanceof StardustError && error.code === 'INVALID_ARGUMENT';
}

describe('janusRoomId', () => {
  it('turns chain room ids into lowercase hex', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, index) => index * 17);
    const hex = Buffer.from(bytes).toString('hex');

    assert.equal(janusRoomId(bytes), hex);
    assert.equal(janusRoomId(`0x${hex.toUpperCase()}`), hex);
    assert.equal(janusRoomId(hex), hex);
  });

  it('rejects ids that are not 16 bytes', () => {
    for (const input of ['', 'ab'.repeat(15), 'ab'.repeat(17), 'zz'.repeat(16), '0x', 42, null]) {
      assert.throws(() => janusRoomId(input as string), isInvalidArgument, String(input));
    }

    assert.throws(() => janusRoomId(new Uint8Array(15)), isInvalidArgument);
  });
});

describe('member input checks', () => {
  it('accepts account keys as member ids and rejects the rest', () => {
    assert.equal(checkMemberId('d4'.repeat(32)), 'd4'.repeat(32));

    for (const input of ['', 'a b', 'x'.repeat(129), 'a"b', 'ü', 7]) {
      assert.throws(() => checkMemberId(input), isInvalidArgument, String(input));
    }
  });

  it('rejects short or spaced credentials without echoing them', () => {
    assert.equal(checkCredential(generateJanusSecret(), 'token').length, 43);

    for (const input of ['short', 'sixteen chars ok', 'x'.repeat(257), undefined]) {
      assert.throws(
        () => checkCredential(input, 'token'),
        (error: unknown) =>
          isInvalidArgument(error) && !(error as Error).message.includes(String(input)),
      );
    }
  });

  it('accepts a browser offer and rejects others', () => {
    assert.deepEqual(checkOffer({ type: 'offer', sdp: 'v=0\r\n', extra: 1 }), {
      type: 'offer',
      sdp: 'v=0\r\n',
    });

    for (const input of [
      null,
      { type: 'answer', sdp: 'v=0\r\n' },
      { type: 'offer' },
      { type: 'offer', sdp: 'hello' },
      { type: 'offer', sdp: `v=0\r\n${'a'.repeat(40_000)}` },
    ]) {
      assert.throws(
        () => checkOffer(input),
        isInvalidArgument,
        JSON.stringify(input)?.slice(0, 40),
      );
    }
  });

  it('keeps only what Janus reads of a candidate and its negotiation', () => {
    const candidate = {
      candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: 'abcd',
    };

    assert.deepEqual(checkCandidate({ ...candidate, port: 1 }), {
      candidate: candidate.candidate,
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: 'abcd',
    });
    assert.equal(iceUfragOf('v=0\r\na=ice-ufrag:Zx9q\r\na=ice-pwd:p\r\n'), 'Zx9q');
    assert.equal(iceUfragOf('v=0\r\n'), undefined);
    assert.equal(checkCandidate(null), null);
    assert.equal(checkCandidate({ candidate: '', sdpMid: '0' }), null);
  });

  it('rejects malformed candidates', () => {
    for (const input of [
      'candidate:1',
      { candidate: 7, sdpMid: '0' },
      { candidate: 'a=candidate:1', sdpMid: '0' },
      { candidate: 'candidate:1 1 udp', sdpMLineIndex: -1 },
      { candidate: 'candidate:1 1 udp', sdpMLineIndex: 1.5 },
      { candidate: 'candidate:1 1 udp', sdpMid: 'x'.repeat(65) },
      { candidate: 'candidate:1 1 udp' },
      { candidate: `candidate:${'1'.repeat(1100)}`, sdpMid: '0' },
      { candidate: 'candidate:1 1 udp', sdpMid: '0', usernameFragment: 7 },
    ]) {
      assert.throws(
        () => checkCandidate(input),
        isInvalidArgument,
        JSON.stringify(input).slice(0, 40),
      );
    }
  });

  it('bounds talking thresholds', () => {
    assert.deepEqual(checkTalking({ audioLevelAverage: 50, audioActivePackets: 25 }), {
      audioLevelAverage: 50,
      audioActivePackets: 25,
    });

    for (const input of [
      { audioLevelAverage: 0, audioActivePackets: 25 },
      { audioLevelAverage: 128, audioActivePackets: 25 },
      { audioLevelAverage: 50, audioActivePackets: 0 },
      { audioLevelAverage: 50.5, audioActivePackets: 25 },
    ]) {
      assert.throws(() => checkTalking(input), isInvalidArgument, JSON.stringify(input));
    }
  });
});

describe('AudioBridgeMember', () => {
  const offer = { type: 'offer' as const, sdp: 'v=0\r\na=ice-ufrag:abcd\r\na=ice-pwd:x\r\n' };
  const candidate = {
    candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host',
    sdpMid: '0',
  };

  function member(): AudioBridgeMember {
    return new AudioBridgeMember(
      { server: 'janus-a', memberGone() {} },
      'ab'.repeat(16),
      'alice',
      offer,
    );
  }

  it('drops candidates of another negotiation', async () => {
    await assert.rejects(
      member().trickle({ ...candidate, usernameFragment: 'zzzz' }),
      (error: unknown) => error instanceof StardustError && error.code === 'INVALID_STATE',
    );
  });

  it('queues candidates of its own negotiation until the offer is sent', async () => {
    const joining = member();

    await joining.trickle({ ...candidate, usernameFragment: 'abcd' });
    await joining.trickle(candidate);
    await joining.trickle(null);

    assert.equal(joining.state, 'joining');
  });

  it('rejects candidates after it left', async () => {
    const gone = member();

    gone.setState('left');

    await assert.rejects(
      gone.trickle(candidate),
      (error: unknown) => error instanceof StardustError && error.code === 'INVALID_STATE',
    );
  });
});

describe('RoomMediaError', () => {
  it('carries the Janus code and no credentials', () => {
    const error = RoomMediaError.refused(489, 'Unauthorized (not in the allowed list)', {
      request: 'join',
      server: 'janus-a',
      roomId: 'ab'.repeat(16),
      memberId: 'alice',
    });

    assert.equal(error.code, 'ROOM_MEDIA_REFUSED');
    assert.equal(error.detail, 489);
    assert.match(error.message, /room abab.*member alice/);
    assert.match(error.message, /Admit the member/);
  });
});

describe('rankServers', () => {
  const servers = ['janus-a', 'janus-b', 'janus-c'];
  const rooms = Array.from({ length: 600 }, () => randomBytes(16).toString('hex'));

  it('orders the same way on every call', () => {
    for (const room of rooms.slice(0, 20)) {
      const order = rankServers(room, servers);

      assert.deepEqual(rankServers(room, [...servers].reverse()), order);
      assert.deepEqual([...order].sort(), [...servers].sort());
    }
  });

  it('spreads rooms over every server', () => {
    const counts = new Map<string, number>();

    for (const room of rooms) {
      const first = rankServers(room, servers)[0]!;

      counts.set(first, (counts.get(first) ?? 0) + 1);
    }

    // 600 rooms over 3 servers: 200 each expected; 120 is more than 7 standard deviations off.
    for (const server of servers)
      assert.ok((counts.get(server) ?? 0) > 120, `${server}: ${counts.get(server)}`);
  });

  it('moves only the rooms of a removed server', () => {
    for (const room of rooms) {
      const before = rankServers(room, servers);
      const after = rankServers(room, ['janus-a', 'janus-c']);

      if (before[0] !== 'janus-b') assert.equal(after[0], before[0], room);
      else assert.equal(after[0], before[1], room);
    }
  });
});

describe('backoffPolicy', () => {
  it('caps exponential delays with full jitter', () => {
    const top = backoffPolicy({ baseMs: 100, maxMs: 1000, random: () => 0.999999 });
    const bottom = backoffPolicy({ baseMs: 100, maxMs: 1000, random: () => 0 });
    const delays = [1, 2, 3, 4, 5, 10].map((attempt) => top.nextDelayMs({ attempt, error: null }));

    assert.deepEqual(delays, [99, 199, 399, 799, 999, 999]);
    assert.equal(bottom.nextDelayMs({ attempt: 4, error: null }), 0);
  });

  it('gives up after maxAttempts', () => {
    const policy = backoffPolicy({ maxAttempts: 2 });

    assert.notEqual(policy.nextDelayMs({ attempt: 2, error: null }), null);
    assert.equal(policy.nextDelayMs({ attempt: 3, error: null }), null);
  });

  it('rejects a base above the maximum', () => {
    assert.throws(() => backoffPolicy({ baseMs: 2000, maxMs: 1000 }), RangeError);
  });
});

describe('renderJanusConfig', () => {
  const templates = readJanusTemplates(new URL('../support/janus/', import.meta.url).pathname);
  const rendered = renderJanusConfig(templates, {
    configsFolder: '/tmp/state/conf',
    port: 41234,
    adminKey: 'k'.repeat(43),
    eventLoops: 2,
    iceEnforceList: '127.0.0.2',
    rtpPortRange: [30000, 30199],
  });

  it('writes this run into every file', () => {
    assert.match(rendered.janus, /^\s*configs_folder = "\/tmp\/state\/conf"$/m);
    assert.match(rendered.janus, /^\s*event_loops = 2$/m);
    assert.match(rendered.janus, /^\s*ice_enforce_list = "127\.0\.0\.2"$/m);
    assert.match(rendered.janus, /^\s*rtp_port_range = "30000-30199"$/m);
    assert.match(rendered.websockets, /^\s*ws_port = 41234$/m);
    assert.match(rendered.websockets, /^\s*ws_ip = "127\.0\.0\.1"$/m);
    assert.match(rendered.audiobridge, new RegExp(`^\\s*admin_key = "${'k'.repeat(43)}"`, 'm'));
  });

  it('lets ICE use every interface when asked', () => {
    const open = renderJanusConfig(templates, {
      configsFolder: '/tmp/state/conf',
      port: 8188,
      adminKey: 'k'.repeat(43),
      iceEnforceList: null,
    });

    assert.doesNotMatch(open.janus, /^\s*ice_enforce_list\s*=/m);
    assert.match(open.janus, /^\s*#ice_enforce_list = "127\.0\.0\.2"/m);
  });

  it('keeps string ids and the disabled admin API', () => {
    assert.match(rendered.audiobridge, /^\s*string_ids = true/m);
    assert.match(rendered.websockets, /^\s*admin_ws = false$/m);
    assert.equal(rendered.janus.match(/event_loops/g)?.length, 1);
  });
});

describe('TalkingTracker', () => {
  const room = 'ab'.repeat(16);

  function tracker(participants: AudioBridgeParticipant[] = []) {
    const changes: TalkingChange[] = [];
    const tracked = new TalkingTracker(
      (change) => changes.push(change),
      async () => participants,
    );

    return { changes, tracked };
  }

  it('reports each change once however often Janus repeats it', () => {
    const { changes, tracked } = tracker();

    for (let copy = 0; copy < 5; copy += 1) tracked.reported(room, 'alice', true);

    for (let copy = 0; copy < 5; copy += 1) tracked.reported(room, 'alice', false);

    assert.deepEqual(changes, [
      { roomId: room, memberId: 'alice', talking: true },
      { roomId: room, memberId: 'alice', talking: false },
    ]);
  });

  it('stops a talking member on mute and ignores frozen reports', () => {
    const { changes, tracked } = tracker();

    tracked.reported(room, 'alice', true);
    tracked.muted(room, 'alice', true, 500);
    tracked.reported(room, 'alice', true);

    assert.deepEqual(
      changes.map((change) => change.talking),
      [true, false],
    );
  });

  it('asks Janus again one window after unmuting a frozen talker', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });

    const { changes, tracked } = tracker([
      { id: 'alice', setup: true, muted: false, talking: true },
    ]);

    tracked.reported(room, 'alice', true);
    tracked.muted(room, 'alice', true, 500);
    tracked.muted(room, 'alice', false, 500);
    t.mock.timers.tick(749);
    await Promise.resolve();

    assert.equal(changes.length, 2);

    t.mock.timers.tick(1);
    await new Promise((resolve) => setImmediate(resolve));

    assert.deepEqual(
      changes.map((change) => change.talking),
      [true, false, true],
    );
  });

  it('reports a talker who leaves as stopped', () => {
    const { changes, tracked } = tracker();

    tracked.reported(room, 'alice', true);
    tracked.reported(room, 'bob', true);
    tracked.gone(room, 'alice');
    tracked.clearRoom(room);

    assert.deepEqual(
      changes.map((change) => `${change.memberId}:${change.talking}`),
      ['alice:true', 'bob:true', 'alice:false', 'bob:false'],
    );
  });
});
