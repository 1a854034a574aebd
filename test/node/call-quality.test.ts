import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { applyOpusBitrate } from '../../src/call/opus.js';
import { computeQuality, qualityLevel, type StatsSnapshot } from '../../src/call/quality.js';

function snapshot(overrides: Partial<StatsSnapshot>): StatsSnapshot {
  return {
    timestamp: 0,
    bytesSent: 0,
    bytesReceived: 0,
    packetsReceived: 0,
    packetsLost: 0,
    jitter: null,
    roundTripTime: null,
    audioLevel: null,
    ...overrides,
  };
}

describe('call quality', () => {
  it('computes bitrate, loss, jitter and RTT', () => {
    const first = snapshot({ timestamp: 0 });
    const previous = snapshot({ timestamp: 2000, bytesReceived: 8000, packetsReceived: 100 });
    const current = snapshot({
      timestamp: 4000,
      bytesSent: 7000,
      bytesReceived: 16_000,
      packetsReceived: 195,
      packetsLost: 5,
      jitter: 0.012,
      roundTripTime: 0.04,
      audioLevel: 0.2,
    });

    const quality = computeQuality(first, previous, current);

    assert.equal(quality.avgBitrate, 32_000);
    assert.equal(quality.receiveBitrate, 32_000);
    assert.equal(quality.sendBitrate, 28_000);
    assert.equal(quality.packetLoss, 5);
    assert.equal(quality.jitter, 12);
    assert.equal(quality.latency, 40);
    assert.equal(quality.audioLevel, 0.2);
    // 5 % loss alone costs about 12 points of R: a fair call, level 3.
    assert.equal(quality.level, 3);
  });

  it('gives level 0 when no audio arrived', () => {
    const quiet = snapshot({ timestamp: 2000, packetsReceived: 10 });

    const quality = computeQuality(snapshot({}), snapshot({ packetsReceived: 10 }), quiet);

    assert.equal(quality.level, 0);
    assert.equal(quality.packetLoss, 0);
  });

  it('maps network figures to levels 0 to 5', () => {
    const cases: Array<[number, number, number, number]> = [
      [0, 0, 0, 5],
      [1, 10, 50, 5],
      [3, 30, 150, 4],
      [5, 30, 300, 3],
      [8, 30, 300, 2],
      [12, 40, 300, 1],
      [20, 80, 600, 0],
    ];

    for (const [packetLoss, jitter, latency, level] of cases) {
      assert.equal(
        qualityLevel({ packetLoss, jitter, latency }),
        level,
        `${packetLoss}% ${jitter} ms ${latency} ms`,
      );
    }
  });

  it('clamps figures to the chain field sizes', () => {
    const current = snapshot({
      timestamp: 1000,
      packetsReceived: 1,
      jitter: 100,
      roundTripTime: 100,
    });

    const quality = computeQuality(snapshot({}), snapshot({}), current);

    assert.equal(quality.jitter, 65_535);
    assert.equal(quality.latency, 65_535);
  });
});

describe('Opus fmtp', () => {
  const sdp = [
    'v=0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9',
    'a=rtpmap:111 opus/48000/2',
    'a=fmtp:111 minptime=10;useinbandfec=1;maxaveragebitrate=510000',
    'a=rtpmap:63 red/48000/2',
    'a=fmtp:63 111/111',
    'a=rtpmap:9 G722/8000',
    '',
  ].join('\r\n');

  it('sets maxaveragebitrate on Opus only', () => {
    const out = applyOpusBitrate(sdp, 32_000);

    assert.match(out, /a=fmtp:111 minptime=10;useinbandfec=1;maxaveragebitrate=32000\r\n/);
    assert.match(out, /a=fmtp:63 111\/111\r\n/);
    assert.equal(out.split('maxaveragebitrate').length, 2);
    assert.ok(out.endsWith('\r\n'));
  });
});
