// Runs in a Chromium page, bundled by room-pages.ts: RoomSessions of any number of members,
// each with its own dev account, signaling connection, microphone stand-in (a tone of its
// own frequency, the fake microphone, or silence) and an analyser on what it hears, driven
// from Node through window.roomHarness.
import { ChainClient } from '../../../src/chain/chain-client.js';
import { WalletSender } from '../../../src/chain/wallet-sender.js';
import { RoomSession } from '../../../src/room/room-session.js';
import type { AudioSink, RoomMediaPlatform } from '../../../src/room/types.js';
import { fromHex } from '../../../src/shared/bytes.js';
import { StardustError } from '../../../src/shared/errors.js';
import type { RoomRole, RoomSpeakingMode } from '../../../src/shared/room-rules.js';
import { SignalingClient } from '../../../src/signaling/signaling-client.js';
import { createDevSigner } from '../../../src/wallet/dev-signer.js';
import { memorySessionStorage, rawSignerOf, SessionManager } from '../../../src/wallet/session.js';

/** What a member sends: a tone of its own frequency, the fake microphone, or silence. */
export type HarnessSource = { frequency: number; gain?: number } | 'microphone' | 'silence';

/** Options of roomHarness.create. */
export interface HarnessMemberOptions {
  roomId: string;
  /** Dev account, such as `//Member3`. */
  seed: string;
  signalingUrl: string;
  /** 0x-hex genesis hash the signaling server accepts. */
  genesisHash: string;
  /** Chain node for the member's own extrinsics; without it the test acts on chain. */
  chainUrl?: string;
  nickname?: string;
  source: HarnessSource;
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
    roomHarness: typeof harness;
  }
}

interface Member {
  session: RoomSession;
  signaling: SignalingClient;
  /** How long the member's last request of each signal type took, in ms. */
  durations: Record<number, number>;
  chain: ChainClient | undefined;
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

    // ERROR frames carry detail 0 when a code has none.
    return failure.detail === undefined || failure.detail === 0
      ? { ok: false, code: failure.code }
      : { ok: false, code: failure.code, detail: failure.detail };
  }
}

/** The page's members and commands; room-pages.ts reaches it as window.roomHarness. */
export const harness = {
  /** Creates a member: its dev signer, session key, signaling client and RoomSession. */
  async create(id: string, options: HarnessMemberOptions): Promise<string> {
    const signer = await createDevSigner(options.seed);
    const sessions = new SessionManager({
      wallet: rawSignerOf(signer),
      genesisHash: fromHex(options.genesisHash),
      storage: memorySessionStorage(),
    });
    const signaling = new SignalingClient({ url: options.signalingUrl, session: sessions });
    const durations: Record<number, number> = {};
    const request = signaling.request.bind(signaling);

    // Records how long each request type took, for timing breakdowns.
    signaling.request = async (draft, requestOptions) => {
      const started = performance.now();

      try {
        return await request(draft, requestOptions);
      } finally {
        durations[draft.type] = performance.now() - started;
      }
    };

    const chain =
      options.chainUrl === undefined ? undefined : new ChainClient({ url: options.chainUrl });
    const sender = chain === undefined ? undefined : new WalletSender(chain, signer);
    const member = {
      signaling,
      durations,
      chain,
      analyser: undefined,
      timings: {},
      errors: [],
      tips: [],
      moderation: [],
    } as unknown as Member;

    member.platform = platform(options.source, () => member);
    member.session = new RoomSession({
      roomId: options.roomId,
      signaling,
      chain,
      sender,
      tipSender: sender,
      nickname: options.nickname,
      platform: member.platform,
    });
    member.session.on('error', ({ error }) =>
      member.errors.push(`${error.code}: ${error.message}`),
    );
    member.session.on('tip', (tip) => member.tips.push({ ...tip, amount: String(tip.amount) }));
    member.session.on('moderation', (event) => member.moderation.push(event));
    members.set(id, member);

    return signer.account.address;
  },

  async join(id: string, options: { startUnmuted?: boolean; joinOnChain?: boolean } = {}) {
    const member = require(id);

    member.timings.joinStarted = performance.now();

    const result = await attempt(() =>
      member.session.join({ joinOnChain: member.chain !== undefined, ...options }),
    );

    if (result.ok) member.timings.joined = performance.now();

    return result;
  },

  /** Opens and authenticates the member's signaling connection ahead of a join. */
  connect: (id: string) => attempt(() => require(id).signaling.connect()),
  leave: (id: string) => attempt(() => require(id).session.leave()),
  tip: (id: string, to: string, planck: string) =>
    attempt(() => require(id).session.tip(to, BigInt(planck))),
  invite: (id: string, account: string) => attempt(() => require(id).session.invite(account)),
  /** Closes the member's signaling connection, as a lost network would. */
  dropSignaling: async (id: string) => {
    await require(id).signaling.close();
  },
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

  /** The member's RoomSession, for other page scripts (a session cannot leave the page). */
  session: (id: string): RoomSession => require(id).session,

  timings: (id: string): HarnessTimings => ({ ...require(id).timings }),
  requestDurations: (id: string): Record<number, number> => ({ ...require(id).durations }),

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

  async dispose(id: string): Promise<void> {
    const member = members.get(id);

    members.delete(id);
    member?.session.dispose();
    await member?.signaling.close();
    await member?.chain?.dispose();
  },
};

window.roomHarness = harness;
