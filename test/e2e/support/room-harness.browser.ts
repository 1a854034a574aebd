// Runs in a Chromium page, bundled by room-pages.ts: RoomSessions of any number of members,
// each with its own microphone stand-in (a tone of its own frequency, the fake microphone,
// or silence) and an analyser on what it hears, driven from Node through window.roomHarness.
//
// How a member reaches the signaling server is the transport's business: `bridge` sends
// every message to Node through an exposed function, and Node delivers the server's
// messages back with roomHarness.deliver.
import { RoomSession } from '../../../src/room/room-session.js';
import type {
  AudioSink,
  RoomMediaPlatform,
  RoomOutgoingSignal,
  RoomSignalingEvents,
  RoomSignalingPort,
  RoomSignalMessage,
} from '../../../src/room/types.js';
import { StardustError, type ErrorCode } from '../../../src/shared/errors.js';
import type { RoomRole, RoomSpeakingMode } from '../../../src/shared/room-rules.js';

/** What a member sends: a tone of its own frequency, the fake microphone, or silence. */
export type HarnessSource = { frequency: number; gain?: number } | 'microphone' | 'silence';

/** Options of roomHarness.create. */
export interface HarnessMemberOptions {
  roomId: string;
  account: string;
  nickname?: string;
  source: HarnessSource;
}

/** A message as Node hands it to the page. */
export interface DeliveredMessage {
  type: number;
  from: string;
  roomId: string;
  payload: number[];
  timestamp: number;
  requestId: number;
}

/** Timestamps (page clock, ms) of a member's join. */
export interface HarnessTimings {
  joinStarted?: number;
  joined?: number;
  connected?: number;
  firstAudio?: number;
}

declare global {
  interface Window {
    __roomBridge(
      id: string,
      kind: 'send' | 'request',
      draft: unknown,
    ): Promise<
      DeliveredMessage | { error: { code: string; message: string; detail?: number } } | null
    >;
    roomHarness: typeof harness;
  }
}

interface Member {
  session: RoomSession;
  port: BridgePort;
  platform: RoomMediaPlatform;
  analyser: AnalyserNode | undefined;
  timings: HarnessTimings;
  errors: string[];
  tips: unknown[];
  moderation: unknown[];
}

const members = new Map<string, Member>();
let context: AudioContext | undefined;

function audioContext(): AudioContext {
  context ??= new AudioContext({ sampleRate: 48000 });

  return context;
}

/** A signaling port whose server is Node, reached through window.__roomBridge. */
class BridgePort implements RoomSignalingPort {
  readonly account: string;
  readonly iceServers: RTCIceServer[] = [];
  state = 'connected';
  readonly #id: string;
  readonly #listeners: {
    [K in keyof RoomSignalingEvents]: Set<(context: RoomSignalingEvents[K]) => void>;
  } = {
    message: new Set(),
    stateChange: new Set(),
  };

  constructor(id: string, account: string) {
    this.#id = id;
    this.account = account;
  }

  async connect(): Promise<void> {}

  async send(draft: RoomOutgoingSignal): Promise<void> {
    await window.__roomBridge(this.#id, 'send', wire(draft));
  }

  /** How long the last request of each type took, in ms. */
  readonly durations: Record<number, number> = {};

  async request(draft: RoomOutgoingSignal): Promise<RoomSignalMessage> {
    const started = performance.now();
    const answer = await window.__roomBridge(this.#id, 'request', wire(draft));

    this.durations[draft.type] = performance.now() - started;

    if (answer === null) throw new StardustError('SIGNAL_TIMEOUT', 'The bridge returned nothing.');

    if ('error' in answer) {
      throw new StardustError(answer.error.code as ErrorCode, answer.error.message, {
        detail: answer.error.detail,
      });
    }

    return message(answer);
  }

  on<K extends keyof RoomSignalingEvents>(
    event: K,
    listener: (context: RoomSignalingEvents[K]) => void,
  ): () => void {
    this.#listeners[event].add(listener);

    return () => this.#listeners[event].delete(listener);
  }

  deliver(delivered: DeliveredMessage): void {
    for (const listener of this.#listeners.message) {
      listener({ message: message(delivered), fromPeer: delivered.from !== '' });
    }
  }

  setState(state: string): void {
    const previous = this.state;

    this.state = state;

    for (const listener of this.#listeners.stateChange) listener({ state, previous });
  }
}

function wire(draft: RoomOutgoingSignal): unknown {
  return { ...draft, payload: [...(draft.payload ?? new Uint8Array())] };
}

function message(delivered: DeliveredMessage): RoomSignalMessage {
  return {
    type: delivered.type,
    from: delivered.from,
    to: '',
    roomId: delivered.roomId,
    payload: Uint8Array.from(delivered.payload),
    timestamp: BigInt(delivered.timestamp),
    requestId: delivered.requestId,
  };
}

function platform(source: HarnessSource, entry: () => Member): RoomMediaPlatform {
  return {
    createPeerConnection(configuration) {
      const pc = new RTCPeerConnection(configuration);

      pc.addEventListener('connectionstatechange', () => {
        if (pc.connectionState === 'connected') entry().timings.connected ??= performance.now();
      });

      return pc;
    },
    async getMicrophone() {
      if (source === 'microphone') {
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true });

        return stream.getAudioTracks()[0]!;
      }

      // Silence is a tone at gain 0: a destination with nothing connected sends no packets.
      const ctx = audioContext();
      const destination = ctx.createMediaStreamDestination();
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();

      oscillator.frequency.value = source === 'silence' ? 440 : source.frequency;
      gain.gain.value = source === 'silence' ? 0 : (source.gain ?? 0.5);
      oscillator.connect(gain).connect(destination);
      oscillator.start();

      return destination.stream.getAudioTracks()[0]!;
    },
    play(stream): AudioSink {
      const member = entry();
      const audio = new Audio();
      const track = stream.getAudioTracks()[0];

      audio.srcObject = stream;
      void audio.play().catch(() => {});

      if (track !== undefined) {
        const firstAudio = () => (member.timings.firstAudio ??= performance.now());

        if (!track.muted) firstAudio();

        track.addEventListener('unmute', firstAudio);
      }

      // Every stream the member plays (one per mesh peer) feeds the same analyser.
      const ctx = audioContext();

      if (member.analyser === undefined) {
        member.analyser = ctx.createAnalyser();
        member.analyser.fftSize = 8192;
        member.analyser.smoothingTimeConstant = 0;
      }

      const source = ctx.createMediaStreamSource(stream);

      source.connect(member.analyser);

      return {
        setMuted(muted) {
          audio.muted = muted;
        },
        stop() {
          audio.pause();
          audio.srcObject = null;
          source.disconnect();
        },
      };
    },
  };
}

function require(id: string): Member {
  const member = members.get(id);

  if (member === undefined) throw new Error(`no member ${id} in this page`);

  return member;
}

async function attempt(
  body: () => Promise<void>,
): Promise<{ ok: true } | { ok: false; code: string; detail?: number }> {
  try {
    await body();

    return { ok: true };
  } catch (error) {
    const failure = StardustError.from(error, 'INTERNAL_ERROR', String(error));

    return failure.detail === undefined
      ? { ok: false, code: failure.code }
      : { ok: false, code: failure.code, detail: failure.detail };
  }
}

const harness = {
  create(id: string, options: HarnessMemberOptions): void {
    const port = new BridgePort(id, options.account);
    const member = {
      port,
      analyser: undefined,
      timings: {},
      errors: [],
      tips: [],
      moderation: [],
    } as unknown as Member;

    member.platform = platform(options.source, () => member);
    member.session = new RoomSession({
      roomId: options.roomId,
      signaling: port,
      nickname: options.nickname,
      platform: member.platform,
    });
    member.session.on('error', ({ error }) =>
      member.errors.push(`${error.code}: ${error.message}`),
    );
    member.session.on('tip', (tip) => member.tips.push({ ...tip, amount: String(tip.amount) }));
    member.session.on('moderation', (event) => member.moderation.push(event));
    members.set(id, member);
  },

  deliver(id: string, delivered: DeliveredMessage): void {
    members.get(id)?.port.deliver(delivered);
  },

  setSignalingState(id: string, state: string): void {
    require(id).port.setState(state);
  },

  async join(id: string, options: { startUnmuted?: boolean } = {}) {
    const member = require(id);

    member.timings.joinStarted = performance.now();

    const result = await attempt(() => member.session.join({ joinOnChain: false, ...options }));

    if (result.ok) member.timings.joined = performance.now();

    return result;
  },

  leave: (id: string) => attempt(() => require(id).session.leave({ leaveOnChain: false })),
  setMuted: (id: string, muted: boolean) => attempt(() => require(id).session.setMuted(muted)),
  raiseHand: (id: string, raised: boolean) => attempt(() => require(id).session.raiseHand(raised)),
  answerHand: (id: string, account: string, approved: boolean) =>
    attempt(() => require(id).session.answerHand(account, approved)),
  muteMember: (id: string, account: string, muted: boolean) =>
    attempt(() => require(id).session.muteMember(account, muted)),
  kick: (id: string, account: string) => attempt(() => require(id).session.kick(account)),
  setRole: (id: string, account: string, role: RoomRole) =>
    attempt(() => require(id).session.setRole(account, role)),
  setSpeakingMode: (id: string, mode: RoomSpeakingMode, turnMs?: number) =>
    attempt(() => require(id).session.setSpeakingMode(mode, { turnMs })),
  skipTurn: (id: string) => attempt(() => require(id).session.skipTurn()),
  close: (id: string) => attempt(() => require(id).session.close()),

  /** The session's state, the last room state and its own errors. */
  state(id: string) {
    const { session, errors, tips, moderation } = require(id);

    return {
      state: session.state,
      sending: session.sending,
      self: session.self,
      snapshot: session.snapshot,
      activeSpeakers: session.activeSpeakers,
      turnRemainingMs: session.turnRemainingMs(),
      errors,
      tips,
      moderation,
    };
  },

  timings: (id: string): HarnessTimings => ({ ...require(id).timings }),

  /** How long the member's last request of each signal type took, in ms. */
  requestDurations: (id: string): Record<number, number> => ({ ...require(id).port.durations }),

  /** Inbound and outbound RTP counters of the member's connection (to Janus, or one mesh peer). */
  async stats(id: string, peer?: string) {
    const pc = require(id).session.peerConnection(peer);
    const result = {
      connectionState: pc?.connectionState ?? 'none',
      packetsReceived: 0,
      packetsSent: 0,
      bytesSent: 0,
    };

    if (pc === undefined) return result;

    (await pc.getStats()).forEach(
      (stat: {
        type: string;
        kind?: string;
        packetsReceived?: number;
        packetsSent?: number;
        bytesSent?: number;
      }) => {
        if (stat.type === 'inbound-rtp' && stat.kind === 'audio')
          result.packetsReceived += stat.packetsReceived ?? 0;

        if (stat.type === 'outbound-rtp' && stat.kind === 'audio') {
          result.packetsSent += stat.packetsSent ?? 0;
          result.bytesSent += stat.bytesSent ?? 0;
        }
      },
    );

    return result;
  },

  /** The level (dBFS) near each frequency in what the member hears; -Infinity before audio. */
  spectrum(id: string, frequencies: number[]): number[] {
    const analyser = require(id).analyser;

    if (analyser === undefined) return frequencies.map(() => -Infinity);

    const bins = new Float32Array(analyser.frequencyBinCount);
    const binHz = analyser.context.sampleRate / analyser.fftSize;

    analyser.getFloatFrequencyData(bins);

    return frequencies.map((frequency) => {
      const center = Math.round(frequency / binHz);
      let loudest = -Infinity;

      for (let bin = center - 2; bin <= center + 2; bin += 1)
        loudest = Math.max(loudest, bins[bin]!);

      return loudest;
    });
  },

  /**
   * Acts as a modified client: puts the member's audio on its connection to the media
   * server whatever the room allows, bypassing RoomSession.
   */
  async forceSend(id: string): Promise<void> {
    const member = require(id);
    const pc = member.session.peerConnection();

    if (pc === undefined) throw new Error(`member ${id} has no media connection`);

    await pc.getTransceivers()[0]!.sender.replaceTrack(await member.platform.getMicrophone());
  },

  dispose(id: string): void {
    members.get(id)?.session.dispose();
    members.delete(id);
  },
};

window.roomHarness = harness;
