import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';

import { CallMedia } from '../../src/call/call-media.js';
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
  await Promise.all([connectionReaches(pair.a, 'connected'), connectionReaches(pair.b, 'connected')]);
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
    expect(offer?.type === 'description' && offer.description.sdp).to.include('maxaveragebitrate=64000');
    expect(rate).to.be.greaterThan(32_000 * 1.1);
    expect(rate).to.be.at.most(64_000 * 1.05);
  });
});

void directTransports;
void turnCredentials;
void executeServerCommand;
