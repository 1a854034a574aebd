import { expect } from 'chai';

import { CallManager } from '../../src/call/call-manager.js';
import type { CallSession } from '../../src/call/call-session.js';
import { ALICE, BOB, FakeSignalingHub } from '../support/call-fakes.js';
import { audioStats, pollUntil } from './support/call-pair.js';
import type { CallMedia } from '../../src/call/call-media.js';

/** Resolves once `session` reaches `state`. */
function reaches(session: CallSession, state: CallSession['state']): Promise<void> {
  if (session.state === state) return Promise.resolve();

  return new Promise((resolve) => {
    const off = session.on('stateChange', (context) => {
      if (context.state !== state) return;

      off();
      resolve();
    });
  });
}

describe('CallSession with real media', () => {
  let managers: CallManager[] = [];

  afterEach(() => {
    for (const manager of managers) manager.dispose();

    managers = [];
  });

  function pair() {
    // The hub is an in-page fake of the signaling server; media is real WebRTC.
    const hub = new FakeSignalingHub();
    const alice = new CallManager({ signaling: hub.connect(ALICE) });
    const bob = new CallManager({ signaling: hub.connect(BOB) });

    managers = [alice, bob];

    return { hub, alice, bob };
  }

  it('connects a call with audio both ways and hangs up', async () => {
    const { alice, bob } = pair();
    const incoming = new Promise<CallSession>((resolve) =>
      bob.once('incoming', ({ session }) => resolve(session)),
    );
    const caller = await alice.call(BOB);
    const callee = await incoming;

    await callee.accept();
    await Promise.all([reaches(caller, 'connected'), reaches(callee, 'connected')]);
    const heard = await pollUntil(
      () => audioStats(callee.media as CallMedia),
      (s) => s.packetsReceived > 20 && s.audioLevel > 0,
      'audio at the callee',
    );
    const heardBack = await pollUntil(
      () => audioStats(caller.media as CallMedia),
      (s) => s.packetsReceived > 20 && s.audioLevel > 0,
      'audio at the caller',
    );

    await caller.hangup();
    await reaches(callee, 'ended');

    expect(heard.audioLevel).to.be.greaterThan(0);
    expect(heardBack.audioLevel).to.be.greaterThan(0);
    expect(caller.summary!.reason).to.equal('normal');
    expect(callee.summary!.reason).to.equal('normal');
    expect((caller.media as CallMedia).peerConnection.connectionState).to.equal('closed');
  });

  it('ends glare in exactly one connected call', async () => {
    for (let run = 0; run < 5; run += 1) {
      const { hub, alice, bob } = pair();

      const [a, b] = await Promise.all([alice.call(BOB), bob.call(ALICE)]);

      await Promise.all([reaches(a, 'connected'), reaches(b, 'connected')]);

      expect(a.callId).to.equal(b.callId);
      expect(hub.sent('accept')).to.have.length(1);
      expect(alice.activeSession).to.equal(a);
      expect(bob.activeSession).to.equal(b);
      alice.dispose();
      bob.dispose();
    }
  });
});
