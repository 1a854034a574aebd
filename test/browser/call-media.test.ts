import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';

import { CallMedia } from '../../src/call/call-media.js';
import { parseCandidate, serializeCandidate } from '../../src/call/ice.js';
import { decodeCandidate, encodeCandidate } from '../../src/call/ice-proto.js';
import type { MediaSignal } from '../../src/call/signals.js';
import type { CallQualitySample } from '../../src/call/quality.js';
import {
  audioStats,
  connectionReaches,
  directTransports,
  mediaPair,
  pollUntil,
  turnCredentials,
  type MediaPair,
} from './support/call-pair.js';

/** Waits until both ends receive audio with a level above zero, and returns the stats. */
async function audioFlowsBothWays(pair: MediaPair) {
  const a = await pollUntil(
    () => audioStats(pair.a),
    (s) => s.packetsReceived > 20 && s.audioLevel > 0,
    'audio at a',
  );
  const b = await pollUntil(
    () => audioStats(pair.b),
    (s) => s.packetsReceived > 20 && s.audioLevel > 0,
    'audio at b',
  );

  return { a, b };
}

/** Measures the payload bitrate `media` sends over at least `windowMs` of stats time. */
async function sendBitrate(media: CallMedia, windowMs: number): Promise<number> {
  const start = await audioStats(media);
  const end = await pollUntil(
    () => audioStats(media),
    (s) => s.timestamp - start.timestamp >= windowMs,
    'the measuring window',
  );

  return ((end.bytesSent - start.bytesSent) * 8 * 1000) / (end.timestamp - start.timestamp);
}

async function connectPair(pair: MediaPair): Promise<void> {
  await Promise.all([pair.a.connect(), pair.b.connect()]);
  await Promise.all([
    connectionReaches(pair.a, 'connected'),
    connectionReaches(pair.b, 'connected'),
  ]);
}

describe('CallMedia', () => {
  let pair: MediaPair | undefined;

  afterEach(() => {
    pair?.close();
    pair = undefined;
  });

  it('carries audio both ways', async () => {
    pair = mediaPair();

    await connectPair(pair);
    const { a, b } = await audioFlowsBothWays(pair);

    expect(a.bytesReceived).to.be.greaterThan(0);
    expect(b.bytesReceived).to.be.greaterThan(0);
    expect(a.audioLevel).to.be.greaterThan(0);
    expect(b.audioLevel).to.be.greaterThan(0);
    expect(pair.ta.sent.filter((s) => s.type === 'description')).to.have.length(1);
    expect(pair.tb.sent.filter((s) => s.type === 'description')).to.have.length(1);
  });

  it('opens the microphone with audio processing on', async () => {
    pair = mediaPair();

    const stream = await pair.a.acquire();
    const settings = stream.getAudioTracks()[0]!.getSettings();

    expect(settings.echoCancellation).to.equal(true);
    expect(settings.noiseSuppression).to.equal(true);
    expect(settings.autoGainControl).to.equal(true);
  });

  it('caps Opus at 32 kbit/s', async () => {
    pair = mediaPair();

    await connectPair(pair);
    await audioFlowsBothWays(pair);
    const sender = pair.a.peerConnection.getSenders()[0]!;
    const rate = await sendBitrate(pair.a, 3000);

    expect(sender.getParameters().encodings[0]!.maxBitrate).to.equal(32_000);
    expect(pair.ta.sent.find((s) => s.type === 'description')!.type).to.equal('description');
    expect(rate).to.be.greaterThan(8_000);
    expect(rate).to.be.at.most(32_000 * 1.05);
  });

  it('raises the cap to 64 kbit/s in HD', async () => {
    pair = mediaPair({ hd: true });

    await connectPair(pair);
    await audioFlowsBothWays(pair);
    const sender = pair.a.peerConnection.getSenders()[0]!;
    const rate = await sendBitrate(pair.a, 3000);
    const offer = pair.ta.sent.find((s) => s.type === 'description');

    expect(sender.getParameters().encodings[0]!.maxBitrate).to.equal(64_000);
    expect(offer?.type === 'description' && offer.description.sdp).to.include(
      'maxaveragebitrate=64000',
    );
    expect(rate).to.be.greaterThan(32_000 * 1.1);
    expect(rate).to.be.at.most(64_000 * 1.05);
  });

  it('mutes with track.enabled and unmutes', async () => {
    pair = mediaPair();

    await connectPair(pair);
    await audioFlowsBothWays(pair);
    const descriptionsBefore = pair.ta.sent.length;

    pair.a.setMuted(true);

    expect(pair.a.localStream!.getAudioTracks()[0]!.enabled).to.equal(false);
    expect(pair.a.muted).to.equal(true);
    const silent = await pollUntil(
      () => audioStats(pair!.b),
      (s) => s.audioLevel < 0.001,
      'silence at b',
    );

    pair.a.setMuted(false);
    const loud = await pollUntil(
      () => audioStats(pair!.b),
      (s) => s.audioLevel > 0,
      'audio at b again',
    );

    expect(silent.audioLevel).to.be.below(0.001);
    expect(loud.audioLevel).to.be.greaterThan(0);
    expect(
      pair.ta.sent.slice(descriptionsBefore).filter((s) => s.type === 'description'),
    ).to.have.length(0);
  });

  it('switches the microphone with replaceTrack', async () => {
    pair = mediaPair();
    await connectPair(pair);
    await audioFlowsBothWays(pair);
    const inputs = (await navigator.mediaDevices.enumerateDevices()).filter(
      (d) => d.kind === 'audioinput',
    );
    const target = inputs[inputs.length - 1]!;
    const sender = pair.a.peerConnection.getSenders()[0]!;
    const oldTrack = sender.track!;
    const sentBefore = pair.ta.sent.length;
    const before = await audioStats(pair.b);

    await pair.a.setInputDevice(target.deviceId);
    const after = await pollUntil(
      () => audioStats(pair!.b),
      (s) => s.packetsReceived > before.packetsReceived + 50,
      'audio after the switch',
    );

    expect(inputs.length).to.be.greaterThan(0);
    expect(sender.track).to.not.equal(oldTrack);
    expect(sender.track!.getSettings().deviceId).to.equal(target.deviceId);
    expect(oldTrack.readyState).to.equal('ended');
    expect(after.audioLevel).to.be.greaterThan(0);
    expect(pair.ta.sent.slice(sentBefore).filter((s) => s.type === 'description')).to.have.length(
      0,
    );
  });

  it('keeps mute across a microphone switch', async () => {
    pair = mediaPair();
    await connectPair(pair);
    const inputs = (await navigator.mediaDevices.enumerateDevices()).filter(
      (d) => d.kind === 'audioinput',
    );

    pair.a.setMuted(true);
    await pair.a.setInputDevice(inputs[0]!.deviceId);

    expect(pair.a.peerConnection.getSenders()[0]!.track!.enabled).to.equal(false);
  });

  it('rejects an unknown microphone with MIC_NOT_FOUND', async () => {
    pair = mediaPair();
    await connectPair(pair);
    const track = pair.a.peerConnection.getSenders()[0]!.track;

    const error = await pair.a.setInputDevice('no-such-device').catch((e: unknown) => e);

    expect(error).to.have.property('code', 'MIC_NOT_FOUND');
    expect(pair.a.peerConnection.getSenders()[0]!.track).to.equal(track);
    expect(track!.readyState).to.equal('live');
  });

  it('picks the output device with setSinkId', async () => {
    pair = mediaPair();
    await connectPair(pair);
    await audioFlowsBothWays(pair);
    const outputs = (await navigator.mediaDevices.enumerateDevices()).filter(
      (d) => d.kind === 'audiooutput',
    );
    const id = outputs[0]?.deviceId ?? '';

    const applied = await pair.b.setOutputDevice(id);

    expect(applied).to.equal('setSinkId' in HTMLMediaElement.prototype);
  });

  it('connects when both sides offer at once', async () => {
    pair = mediaPair({}, { role: 'offerer' }, { role: 'offerer' });
    const offered = (sent: MediaSignal[]) =>
      sent.some((s) => s.type === 'description' && s.description.type === 'offer');

    // Hold both directions until each side has sent its own offer, so the offers collide.
    pair.ta.hold();
    pair.tb.hold();
    await Promise.all([pair.a.connect(), pair.b.connect()]);
    await pollUntil(
      async () => offered(pair!.ta.sent) && offered(pair!.tb.sent),
      (both) => both,
      'both offers',
    );
    pair.ta.release();
    pair.tb.release();
    await Promise.all([
      connectionReaches(pair.a, 'connected'),
      connectionReaches(pair.b, 'connected'),
    ]);
    await audioFlowsBothWays(pair);

    expect(
      pair.ta.sent.filter((s) => s.type === 'description' && s.description.type === 'offer'),
    ).to.have.length.greaterThan(0);
    expect(
      pair.tb.sent.filter((s) => s.type === 'description' && s.description.type === 'offer'),
    ).to.have.length.greaterThan(0);
    expect(pair.a.peerConnection.signalingState).to.equal('stable');
    expect(pair.b.peerConnection.signalingState).to.equal('stable');
    expect(pair.a.peerConnection.getTransceivers()).to.have.length(1);
    expect(pair.b.peerConnection.getTransceivers()).to.have.length(1);
  });

  it('delivers each local candidate unchanged', async () => {
    pair = mediaPair();

    await connectPair(pair);
    const sent = pair.ta.sent.filter(
      (s): s is Extract<MediaSignal, { type: 'candidate' }> => s.type === 'candidate',
    );
    const received = pair.tb.received.filter((s) => s.type === 'candidate');

    expect(sent.length).to.be.greaterThan(0);
    expect(received).to.deep.equal(sent);
  });

  it('reports quality from stats', async () => {
    pair = mediaPair({ statsIntervalMs: 250 });
    await connectPair(pair);
    await audioFlowsBothWays(pair);

    const quality = await new Promise<CallQualitySample>((resolve) => {
      const off = pair!.b.on('quality', (sample) => {
        if (sample.receiveBitrate === 0) return;

        off();
        resolve(sample);
      });
    });

    expect(quality.level).to.be.within(4, 5);
    expect(quality.packetLoss).to.equal(0);
    expect(quality.avgBitrate).to.be.within(8_000, 40_000);
    expect(quality.jitter).to.be.below(100);
    expect(quality.latency).to.be.below(100);
  });
});

const CANDIDATES: Array<[string, RTCIceCandidateInit]> = [
  [
    'IPv4 host UDP',
    {
      candidate:
        'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0 ufrag aB3d network-id 1',
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: 'aB3d',
    },
  ],
  [
    'mDNS host',
    {
      candidate:
        'candidate:2 1 udp 2122260223 6d1f2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b.local 54321 typ host generation 0',
      sdpMid: '0',
      sdpMLineIndex: 0,
    },
  ],
  [
    'IPv6 host',
    {
      candidate: 'candidate:3 1 udp 2122262783 fd00:db8::1 50001 typ host generation 0',
      sdpMid: '0',
    },
  ],
  [
    'TCP active',
    {
      candidate: 'candidate:4 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0',
      sdpMLineIndex: 0,
    },
  ],
  [
    'TCP passive',
    {
      candidate: 'candidate:5 1 tcp 1518280447 127.0.0.1 50002 typ host tcptype passive',
      sdpMid: 'audio',
      sdpMLineIndex: 1,
    },
  ],
  [
    'relay',
    {
      candidate:
        'candidate:6 1 udp 41885439 127.0.0.1 49160 typ relay raddr 0.0.0.0 rport 0 generation 0',
      sdpMid: '0',
      sdpMLineIndex: 0,
    },
  ],
  [
    'server reflexive',
    {
      candidate:
        'candidate:7 1 udp 1686052607 127.0.0.1 60000 typ srflx raddr 127.0.0.1 rport 50000',
      sdpMid: '0',
      sdpMLineIndex: 0,
    },
  ],
  ['end of candidates', { candidate: '', sdpMid: '0', sdpMLineIndex: 0 }],
  ['end of candidates without ids', { candidate: '' }],
  [
    'empty mid and index 0',
    { candidate: 'candidate:8 1 udp 1 127.0.0.1 1 typ host', sdpMid: '', sdpMLineIndex: 0 },
  ],
];

describe('ICE candidate wire format', () => {
  for (const [kind, init] of CANDIDATES) {
    it(`keeps a ${kind} candidate intact`, () => {
      // RTCIceCandidate refuses an end-of-candidates without ids; addIceCandidate takes it.
      const source =
        init.sdpMid === undefined && init.sdpMLineIndex === undefined
          ? init
          : new RTCIceCandidate(init);
      const wire = serializeCandidate(source)!;

      const parsed = parseCandidate(decodeCandidate(encodeCandidate(wire)));

      expect(parsed.candidate).to.equal(init.candidate);
      expect(parsed.sdpMid).to.equal(init.sdpMid);
      expect(parsed.sdpMLineIndex).to.equal(init.sdpMLineIndex);
      expect(parsed.usernameFragment).to.equal(source.usernameFragment ?? undefined);

      if (init.sdpMid === undefined) expect(parsed).to.not.have.property('sdpMid');

      if (init.sdpMLineIndex === undefined) expect(parsed).to.not.have.property('sdpMLineIndex');
    });
  }

  it('never serialises the null end of gathering', () => {
    expect(serializeCandidate(null)).to.equal(null);
  });

  it('rejects a candidate without a string', () => {
    expect(() => parseCandidate({} as never))
      .to.throw()
      .with.property('code', 'PROTOCOL_DECODE');
  });

  it('rejects a garbled payload with PROTOCOL_DECODE', () => {
    expect(() => decodeCandidate(new Uint8Array([0x0a, 0xff])))
      .to.throw()
      .with.property('code', 'PROTOCOL_DECODE');
  });

  it('applies a received mDNS candidate', async () => {
    const [ta, tb] = directTransports();
    const a = new CallMedia({ transport: ta, polite: false, role: 'offerer' });
    const b = new CallMedia({
      transport: tb,
      polite: true,
      role: 'answerer',
      playRemoteAudio: false,
    });

    tb.filter = () => null;
    ta.filter = (signal) => (signal.type === 'candidate' ? null : signal);
    await Promise.all([a.connect(), b.connect()]);
    await pollUntil(
      async () => b.peerConnection.remoteDescription,
      (d) => d !== null,
      'the offer at b',
    );

    await b.peerConnection.addIceCandidate(parseCandidate(serializeCandidate(CANDIDATES[1]![1])!));

    expect(b.peerConnection.remoteDescription!.sdp).to.include('.local');
    a.close();
    b.close();
  });
});

describe('CallMedia through coturn', () => {
  let pair: MediaPair | undefined;
  let turn: { urls: string[]; port: number; secret: string } | undefined;

  afterEach(async () => {
    pair?.close();
    pair = undefined;

    if (turn !== undefined) await executeServerCommand('coturn-stop', { port: turn.port });

    turn = undefined;
  });

  async function relayServers(ttlSeconds = 600, secret?: string): Promise<RTCIceServer[]> {
    turn ??= (await executeServerCommand('coturn-start')) as typeof turn;
    const credentials = await turnCredentials(
      secret ?? turn!.secret,
      '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      ttlSeconds,
    );

    return [{ urls: turn!.urls, ...credentials }];
  }

  async function gatheringErrors(
    iceServers: RTCIceServer[],
  ): Promise<{ relay: number; errors: number[] }> {
    const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
    const errors: number[] = [];
    let relay = 0;

    pc.addEventListener('icecandidateerror', (event) =>
      errors.push((event as RTCPeerConnectionIceErrorEvent).errorCode),
    );
    pc.addEventListener('icecandidate', (event) => {
      if (event.candidate?.type === 'relay') relay += 1;
    });
    pc.addTransceiver('audio');
    await pc.setLocalDescription();
    await pollUntil(
      async () => pc.iceGatheringState,
      (state) => state === 'complete',
      'gathering',
    );
    pc.close();

    return { relay, errors };
  }

  it('connects relay-only with REST credentials', async () => {
    const iceServers = await relayServers();

    pair = mediaPair({ iceServers, iceTransportPolicy: 'relay' });

    await connectPair(pair);
    await audioFlowsBothWays(pair);
    let localType = '';

    (await pair.a.getStats()).forEach((stat: Record<string, string>) => {
      if (stat['type'] === 'local-candidate') localType = stat['candidateType']!;
    });
    const offer = pair.ta.sent.find((s) => s.type === 'description');

    expect(localType).to.equal('relay');
    expect(
      pair.ta.sent.filter(
        (s) => s.type === 'candidate' && !/typ relay|^$/.test(s.candidate.candidate),
      ),
    ).to.have.length(0);
    expect(offer?.type === 'description' && offer.description.sdp).to.not.include('typ host');
  });

  it('gets no relay with a bad password', async () => {
    const [server] = await relayServers();
    const result = await gatheringErrors([{ ...server!, credential: 'd3Jvbmc=' }]);

    expect(result.relay).to.equal(0);
    expect(result.errors).to.include(401);
  });

  it('gets no relay with an expired password', async () => {
    const result = await gatheringErrors(await relayServers(-60));

    expect(result.relay).to.equal(0);
    expect(result.errors).to.include(401);
  });

  it('restarts ICE after the relay fails and reconnects', async function () {
    // Noticing the lost relay, restarting coturn and the restart's checks take tens of
    // seconds on a loaded machine, and vary.
    this.timeout(150_000);
    const started = performance.now();
    const phases: string[] = [];
    const phase = (name: string) => {
      phases.push(`${name} ${Math.round(performance.now() - started)} ms`);
      console.log(`ICE restart phase: ${phases.at(-1)}`);
    };

    const iceServers = await relayServers();

    pair = mediaPair({
      iceServers,
      iceTransportPolicy: 'relay',
      disconnectedGraceMs: 1000,
      maxIceRestarts: 5,
    });
    await connectPair(pair);
    await audioFlowsBothWays(pair);
    const restarted = new Promise<string>((resolve) =>
      pair!.a.once('iceRestart', (c) => resolve(c.reason)),
    );

    pair.a.on('iceRestart', ({ attempt }) => phase(`restart ${attempt}`));
    pair.a.on('failed', ({ error }) => phase(`failed ${error.code}`));
    phase('connected');
    await executeServerCommand('coturn-stop', { port: turn!.port });
    phase('coturn stopped');
    await new Promise<void>((resolve) => {
      const off = pair!.a.on('connectionState', ({ state }) => {
        if (state !== 'disconnected' && state !== 'failed') return;

        off();
        resolve();
      });
    });
    phase('relay lost');
    turn = (await executeServerCommand('coturn-start', {
      port: turn!.port,
      secret: turn!.secret,
    })) as typeof turn;
    phase('coturn started');
    const reason = await restarted;

    await Promise.all([
      connectionReaches(pair.a, 'connected'),
      connectionReaches(pair.b, 'connected'),
    ]);
    phase('reconnected');
    const before = await audioStats(pair.b);
    const after = await pollUntil(
      () => audioStats(pair!.b),
      (s) => s.packetsReceived > before.packetsReceived + 50,
      'audio after the restart',
    );

    expect(['disconnected', 'failed']).to.include(reason);
    expect(
      pair.ta.sent.filter((s) => s.type === 'description' && s.iceRestart),
    ).to.have.length.greaterThan(0);
    expect(after.audioLevel).to.be.greaterThan(0);
  });

  it('gives up with CALL_NETWORK_ERROR when restarts do not recover', async () => {
    const iceServers = await relayServers();

    pair = mediaPair({
      iceServers,
      iceTransportPolicy: 'relay',
      disconnectedGraceMs: 500,
      maxIceRestarts: 1,
    });
    await connectPair(pair);
    const failed = new Promise<{ code: string }>((resolve) =>
      pair!.a.once('failed', ({ error }) => resolve(error)),
    );

    await executeServerCommand('coturn-stop', { port: turn!.port });
    turn = undefined;
    const error = await failed;

    expect(error.code).to.equal('CALL_NETWORK_ERROR');
  });
});
