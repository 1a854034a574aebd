import type { CallQuality } from '../chain/pallets/voice-call.js';

/** A quality reading of a call: the chain's `CallQuality` plus a 0–5 level and raw rates. */
export interface CallQualitySample extends CallQuality {
  /** 0 (no audio or unusable) to 5 (excellent), from a simplified E-model estimate. */
  level: number;
  /** Audio bitrate sent during the last interval, bit/s (payload only). */
  sendBitrate: number;
  /** Audio bitrate received during the last interval, bit/s (payload only). */
  receiveBitrate: number;
  /** Audio level of the received audio, 0–1, when the browser reports it. */
  audioLevel: number | null;
  /** Inbound RTP packets received in total. */
  packetsReceived: number;
  /** When the reading was taken (stats timestamp, ms). */
  timestamp: number;
}

/** The counters of one `getStats` report that quality is computed from. */
export interface StatsSnapshot {
  timestamp: number;
  bytesSent: number;
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  /** Seconds, as the inbound-rtp report gives it. */
  jitter: number | null;
  /** Seconds: the selected candidate pair's current RTT, else the remote-inbound RTT. */
  roundTripTime: number | null;
  audioLevel: number | null;
}

/** Extracts the audio counters from a `getStats` report. */
export function readStatsSnapshot(report: RTCStatsReport): StatsSnapshot {
  const snapshot: StatsSnapshot = {
    timestamp: 0,
    bytesSent: 0,
    bytesReceived: 0,
    packetsReceived: 0,
    packetsLost: 0,
    jitter: null,
    roundTripTime: null,
    audioLevel: null,
  };
  let pairRtt: number | null = null;
  let remoteRtt: number | null = null;

  report.forEach((stat: Record<string, unknown>) => {
    snapshot.timestamp = Math.max(snapshot.timestamp, Number(stat['timestamp'] ?? 0));

    if (stat['type'] === 'outbound-rtp' && stat['kind'] === 'audio') {
      snapshot.bytesSent += Number(stat['bytesSent'] ?? 0);
    } else if (stat['type'] === 'inbound-rtp' && stat['kind'] === 'audio') {
      snapshot.bytesReceived += Number(stat['bytesReceived'] ?? 0);
      snapshot.packetsReceived += Number(stat['packetsReceived'] ?? 0);
      snapshot.packetsLost += Math.max(0, Number(stat['packetsLost'] ?? 0));

      if (typeof stat['jitter'] === 'number') snapshot.jitter = stat['jitter'];

      if (typeof stat['audioLevel'] === 'number') snapshot.audioLevel = stat['audioLevel'];
    } else if (stat['type'] === 'remote-inbound-rtp' && typeof stat['roundTripTime'] === 'number') {
      remoteRtt = stat['roundTripTime'];
    } else if (
      stat['type'] === 'candidate-pair' &&
      stat['nominated'] === true &&
      stat['state'] === 'succeeded' &&
      typeof stat['currentRoundTripTime'] === 'number'
    ) {
      pairRtt = stat['currentRoundTripTime'];
    }
  });
  snapshot.roundTripTime = pairRtt ?? remoteRtt;

  return snapshot;
}

/**
 * Computes a quality sample from two snapshots taken an interval apart, plus the first
 * snapshot of the call for the average bitrate.
 */
export function computeQuality(
  first: StatsSnapshot,
  previous: StatsSnapshot,
  current: StatsSnapshot,
): CallQualitySample {
  const intervalS = Math.max(0.001, (current.timestamp - previous.timestamp) / 1000);
  const totalS = Math.max(0.001, (current.timestamp - first.timestamp) / 1000);
  const received = current.packetsReceived - previous.packetsReceived;
  const lost = Math.max(0, current.packetsLost - previous.packetsLost);
  const packetLoss = received + lost > 0 ? (100 * lost) / (received + lost) : 0;
  const jitter = current.jitter === null ? 0 : current.jitter * 1000;
  const latency = current.roundTripTime === null ? 0 : current.roundTripTime * 1000;
  const receiveBitrate = ((current.bytesReceived - previous.bytesReceived) * 8) / intervalS;

  return {
    avgBitrate: clampInt(((current.bytesReceived - first.bytesReceived) * 8) / totalS, 2 ** 32 - 1),
    packetLoss: clampInt(packetLoss, 100),
    jitter: clampInt(jitter, 65_535),
    latency: clampInt(latency, 65_535),
    level: received > 0 ? qualityLevel({ packetLoss, jitter, latency }) : 0,
    sendBitrate: Math.round(((current.bytesSent - previous.bytesSent) * 8) / intervalS),
    receiveBitrate: Math.round(receiveBitrate),
    audioLevel: current.audioLevel,
    packetsReceived: current.packetsReceived,
    timestamp: current.timestamp,
  };
}

/**
 * Maps loss (%), jitter (ms) and round-trip time (ms) to a level 0–5 through a simplified
 * E-model (ITU-T G.107 with no codec impairment): R from the one-way delay and loss, then
 * the mean opinion score from R. An estimate for a signal-strength style display.
 */
export function qualityLevel(figures: {
  packetLoss: number;
  jitter: number;
  latency: number;
}): number {
  const effectiveDelay = figures.latency / 2 + 2 * figures.jitter + 10;
  const delayImpairment = effectiveDelay < 160 ? effectiveDelay / 40 : (effectiveDelay - 120) / 10;
  const r = Math.max(0, Math.min(100, 93.2 - delayImpairment - 2.5 * figures.packetLoss));
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);

  if (mos >= 4.3) return 5;

  if (mos >= 4.0) return 4;

  if (mos >= 3.6) return 3;

  if (mos >= 3.1) return 2;

  if (mos >= 2.6) return 1;

  return 0;
}

function clampInt(value: number, max: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;

  return Math.min(max, Math.round(value));
}
