// Runs in a Chromium page of the call end-to-end tests and the call_setup benchmark: one
// StardustClient for one dev account, driven from Node through `window.callHarness`. Every
// value it returns is plain JSON (bigints as decimal strings).
import type { CallChainRecord } from '../../../src/call/call-chain.js';
import type { CallMedia } from '../../../src/call/call-media.js';
import type { CallManager } from '../../../src/call/call-manager.js';
import type { CallSession, CallStateContext } from '../../../src/call/call-session.js';
import type { IceCandidateWire } from '../../../src/call/ice.js';
import { SignalingCallAdapter } from '../../../src/call/signaling-adapter.js';
import type { ClientCallsOptions } from '../../../src/client/client-calls.js';
import { StardustClient } from '../../../src/client/stardust-client.js';
import { createDevSigner } from '../../../src/wallet/dev-signer.js';
import { memorySessionStorage } from '../../../src/wallet/session.js';

/** Options of {@link setup}. */
export interface HarnessOptions {
  chain: string;
  /** One signaling URL, or several instances tried in turn. */
  signaling: string | string[];
  /** Secret URI of the dev account, such as `//E2eAlice1`. */
  seed: string;
  chainWrites?: ClientCallsOptions['chainWrites'];
  ringTimeoutMs?: number;
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** Accept every incoming call at once (the callee of the call_setup benchmark). */
  autoAccept?: boolean;
}

/** What a test reads about the page's current call. */
export interface CallView {
  callId: string | null;
  state: string | null;
  reason: string | null;
  rejectReason: string | null;
  errorCode: string | null;
  endedBy: string | null;
  answeredElsewhere: boolean;
  chainCallId: string | null;
  states: string[];
  record: {
    finalized: string[];
    pending: boolean;
    ended: { duration: number; fee: string } | null;
    reward: string;
    error: string | null;
  } | null;
}

/** Audio statistics of the current call's peer connection. */
export interface AudioView {
  bytesReceived: number;
  packetsReceived: number;
  audioLevel: number;
  bytesSent: number;
  localCandidateType: string | null;
  remoteCandidateType: string | null;
}

let client: StardustClient;
let manager: CallManager;
let current: CallSession | null = null;
let states: string[] = [];
let lastContext: CallStateContext | null = null;
let adapter: SignalingCallAdapter | null = null;
const candidates: IceCandidateWire[] = [];
/** ICE restarts of the current call's media. */
let iceRestarts = 0;

function track(session: CallSession): void {
  let watched: unknown = null;

  current = session;
  states = [session.state];
  lastContext = null;
  iceRestarts = 0;
  session.on('stateChange', (context) => {
    if (current !== session) return;

    states.push(context.state);
    lastContext = context;

    if (session.media !== null && session.media !== watched) {
      watched = session.media;
      session.media.on('iceRestart', () => (iceRestarts += 1));
    }
  });
}

async function setup(options: HarnessOptions): Promise<string> {
  const signer = await createDevSigner(options.seed);

  client = new StardustClient({
    chain: options.chain,
    signaling: options.signaling,
    ipfsApi: 'http://127.0.0.1:5001',
    gateways: ['http://127.0.0.1:8080'],
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  client.configureCalls({
    chainWrites: options.chainWrites ?? 'confirm-each',
    ringTimeoutMs: options.ringTimeoutMs,
    media: { iceTransportPolicy: options.iceTransportPolicy ?? 'all' },
  });
  client.useWallet(signer, { storage: memorySessionStorage() });
  manager = await client.loadCalls();
  manager.on('session', ({ session }) => {
    if (current === null || current.state === 'ended' || session === current) track(session);
  });

  if (options.autoAccept === true) {
    manager.on('incoming', ({ session }) => {
      // After the manager's own listeners: the session rings once this task ends.
      queueMicrotask(() => void session.accept());
    });
  }

  await manager.listen();

  return signer.account.address;
}

async function call(peer: string, hd = false): Promise<string> {
  const session = await manager.call(peer, { hd });

  return session.callId;
}

/**
 * Places a call and returns the milliseconds from `call()` until the first remote audio
 * packet shows in `getStats` (polled every 5 ms), for the call_setup benchmark.
 */
async function timedCall(peer: string): Promise<number> {
  const started = performance.now();
  const session = await manager.call(peer);

  for (;;) {
    const media = session.media as CallMedia | null;

    if (session.state === 'ended') throw new Error(`call ended: ${lastContext?.reason}`);

    if (media !== null) {
      const stats = await media.getStats();

      for (const report of stats.values()) {
        if (report.type === 'inbound-rtp' && report.kind === 'audio' && report.packetsReceived > 0)
          return performance.now() - started;
      }
    }

    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Measures the floor of the call_setup benchmark: two bare RTCPeerConnections in this page, each
 * sending the fake microphone, exchanging SDP and candidates directly. Returns the ms from
 * `createOffer` to the first audio packet the offerer receives.
 */
async function floorCall(): Promise<number> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();

  try {
    a.onicecandidate = (event) => {
      if (event.candidate !== null) void b.addIceCandidate(event.candidate);
    };

    b.onicecandidate = (event) => {
      if (event.candidate !== null) void a.addIceCandidate(event.candidate);
    };

    const started = performance.now();

    for (const track of stream.getAudioTracks()) a.addTrack(track, stream);

    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription!);

    for (const track of stream.getAudioTracks()) b.addTrack(track, stream);

    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription!);

    for (;;) {
      const stats = await a.getStats();

      for (const report of stats.values()) {
        if (report.type === 'inbound-rtp' && report.kind === 'audio' && report.packetsReceived > 0)
          return performance.now() - started;
      }

      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    a.close();
    b.close();

    for (const track of stream.getTracks()) track.stop();
  }
}

function view(): CallView {
  const record: CallChainRecord | null =
    current === null ? null : (client.callRecorder?.record(current) ?? null);

  return {
    callId: current?.callId ?? null,
    state: current?.state ?? null,
    reason: lastContext?.reason ?? null,
    rejectReason: lastContext?.rejectReason ?? null,
    errorCode: lastContext?.error?.code ?? null,
    endedBy: lastContext?.endedBy ?? null,
    answeredElsewhere: lastContext?.answeredElsewhere ?? false,
    chainCallId: current?.chainCallId ?? null,
    states: [...states],
    record:
      record === null
        ? null
        : {
            finalized: [...record.finalized],
            pending: record.pending,
            ended:
              record.ended === null
                ? null
                : { duration: record.ended.duration, fee: record.ended.fee.toString() },
            reward: record.reward.toString(),
            error: record.error?.code ?? null,
          },
  };
}

async function audio(): Promise<AudioView> {
  const media = current?.media as CallMedia | null | undefined;
  const result: AudioView = {
    bytesReceived: 0,
    packetsReceived: 0,
    audioLevel: 0,
    bytesSent: 0,
    localCandidateType: null,
    remoteCandidateType: null,
  };

  if (media === null || media === undefined) return result;

  const stats = await media.getStats();
  let pairId: string | undefined;

  for (const report of stats.values()) {
    if (report.type === 'inbound-rtp' && report.kind === 'audio') {
      result.bytesReceived = report.bytesReceived ?? 0;
      result.packetsReceived = report.packetsReceived ?? 0;
      result.audioLevel = report.audioLevel ?? 0;
    } else if (report.type === 'outbound-rtp' && report.kind === 'audio') {
      result.bytesSent = report.bytesSent ?? 0;
    } else if (report.type === 'transport') {
      pairId = report.selectedCandidatePairId;
    }
  }

  const pair = pairId === undefined ? undefined : stats.get(pairId);

  if (pair !== undefined) {
    result.localCandidateType = stats.get(pair.localCandidateId)?.candidateType ?? null;
    result.remoteCandidateType = stats.get(pair.remoteCandidateId)?.candidateType ?? null;
  }

  return result;
}

/** Sends each candidate through a second adapter on the page's signaling connection. */
async function sendCandidates(peer: string, list: IceCandidateWire[]): Promise<void> {
  adapter ??= new SignalingCallAdapter({ signaling: client.signaling, account: client.account! });

  for (const candidate of list) {
    await adapter.send(peer, { type: 'candidate', callId: current!.callId, candidate });
  }
}

/** Starts recording every ICE candidate message that arrives for the page's account. */
function recordCandidates(): void {
  adapter ??= new SignalingCallAdapter({ signaling: client.signaling, account: client.account! });
  adapter.onSignal(({ signal }) => {
    if (signal.type === 'candidate') candidates.push(signal.candidate);
  });
}

const harness = {
  setup,
  call,
  timedCall,
  floorCall,
  accept: () => current!.accept(),
  reject: () => current!.reject('decline'),
  hangup: () => current!.hangup(),
  view,
  audio,
  signalingState: () => client.signaling.state,
  /** The server id of the signaling instance the page is connected to. */
  signalingServer: () => client.signaling.serverId,
  iceRestarts: () => iceRestarts,
  sendCandidates,
  recordCandidates,
  candidates: () => [...candidates],
  dispose: () => client.dispose(),
};

/** The harness's functions, as Node sees them through `page.evaluate`. */
export type CallHarness = typeof harness;

(window as unknown as { callHarness: CallHarness }).callHarness = harness;
