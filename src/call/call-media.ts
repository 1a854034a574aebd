import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { systemClock, type Clock } from './clock.js';
import { Emitter } from './emitter.js';
import { parseCandidate, serializeCandidate } from './ice.js';
import { applyOpusBitrate, OPUS_BITRATE, OPUS_HD_BITRATE } from './opus.js';
import {
  computeQuality,
  readStatsSnapshot,
  type CallQualitySample,
  type StatsSnapshot,
} from './quality.js';
import type { MediaSignal, MediaTransport } from './signals.js';

/** Options of {@link CallMedia}. */
export interface CallMediaOptions {
  /** Where negotiation messages go and come from. */
  transport: MediaTransport;
  /**
   * The polite peer rolls back its own offer when offers collide; the impolite one ignores
   * the other's. Exactly one side of a call must be polite: use {@link isPolitePeer}.
   */
  polite: boolean;
  /**
   * `offerer` adds its track at {@link CallMedia.connect} and so sends the first offer;
   * `answerer` attaches its track to the first remote offer, which saves a round trip.
   * Later offers (ICE restarts, collisions) work the same from either side.
   */
  role: 'offerer' | 'answerer';
  /** STUN/TURN servers; empty by default, so nothing outside the two peers is contacted. */
  iceServers?: RTCIceServer[];
  /** `relay` sends media only through TURN. Default `all`. */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** Opus at up to 64 kbit/s instead of 32 kbit/s. */
  hd?: boolean;
  /** The microphone to open; the default device when absent. */
  inputDeviceId?: string;
  /** The speaker to play through where `setSinkId` exists; the default device when absent. */
  outputDeviceId?: string;
  /** How long ICE may stay `disconnected` before it is restarted. Default 3000 ms. */
  disconnectedGraceMs?: number;
  /** ICE restarts tried before the media reports `failed`. Default 3. */
  maxIceRestarts?: number;
  /** How often quality is read from `getStats`. Default 2000 ms. */
  statsIntervalMs?: number;
  /** Play the remote audio through an `<audio>` element this object owns. Default true. */
  playRemoteAudio?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** Opens the microphone; `navigator.mediaDevices.getUserMedia` by default. */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Builds the peer connection; `new RTCPeerConnection(config)` by default. */
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
}

/** Events of {@link CallMedia}, each with one context object. */
export interface CallMediaEvents extends Record<string, unknown> {
  /** The peer connection state changed (`connected` means ICE and DTLS are up). */
  connectionState: { state: RTCPeerConnectionState; previous: RTCPeerConnectionState };
  /** The remote audio track arrived. */
  remoteTrack: { track: MediaStreamTrack; stream: MediaStream };
  /** A quality reading, every `statsIntervalMs` while the call runs. */
  quality: CallQualitySample;
  /** The first inbound audio packet was counted by `getStats`. */
  firstPacket: { at: number };
  /** An ICE restart began. */
  iceRestart: { attempt: number; reason: 'failed' | 'disconnected' | 'manual' };
  /** The media gave up: ICE restarts did not recover the connection. */
  failed: { error: StardustError };
  /** A non-fatal failure (a negotiation step, a device switch); the call goes on. */
  error: { error: StardustError };
}

const AUDIO_PROCESSING = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
} as const;

/**
 * Returns true when the local side is the polite peer: the side whose public key sorts
 * higher. The lower key is impolite, so its offers win collisions, matching the rule that
 * the call placed by the lower key survives glare.
 */
export function isPolitePeer(localPublicKey: Uint8Array, remotePublicKey: Uint8Array): boolean {
  return compareKeys(localPublicKey, remotePublicKey) > 0;
}

/** Compares two public keys byte by byte: negative when `a` sorts first. */
export function compareKeys(a: Uint8Array, b: Uint8Array): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }

  return a.length - b.length;
}

/**
 * The media half of a one-to-one call: one RTCPeerConnection with one Opus audio track,
 * perfect negotiation over a {@link MediaTransport}, trickle ICE, ICE restart, device
 * switching, mute and quality readings.
 *
 * Browser only. Nothing touches the network until {@link CallMedia.connect}.
 */
export class CallMedia extends Emitter<CallMediaEvents> {
  readonly #options: CallMediaOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #pc: RTCPeerConnection;
  readonly #unsubscribe: () => void;
  #localStream: MediaStream | null = null;
  #sender: RTCRtpSender | null = null;
  #remoteStream: MediaStream | null = null;
  #audio: HTMLAudioElement | null = null;
  #muted = false;
  #hd: boolean;
  #role: 'offerer' | 'answerer';
  #connected = false;
  #closed = false;
  // Perfect negotiation state (W3C WebRTC 1.0, section 10.7).
  #makingOffer = false;
  #ignoreOffer = false;
  #restartOffer = false;
  #inbox: Promise<void>;
  #markReady!: () => void;
  // ICE recovery.
  #restarts = 0;
  #graceTimer: unknown = null;
  // Stats.
  #statsTimer: unknown = null;
  #firstSnapshot: StatsSnapshot | null = null;
  #lastSnapshot: StatsSnapshot | null = null;
  #firstPacketSeen = false;
  #lastQuality: CallQualitySample | null = null;
  #previousState: RTCPeerConnectionState = 'new';

  constructor(options: CallMediaOptions) {
    super();

    if (
      options.iceTransportPolicy !== undefined &&
      !['all', 'relay'].includes(options.iceTransportPolicy)
    ) {
      throw new TypeError(
        `Invalid iceTransportPolicy "${String(options.iceTransportPolicy)}": expected "all" or "relay".`,
      );
    }

    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? silentLogger;
    this.#hd = options.hd === true;
    this.#role = options.role;

    const create = options.createPeerConnection ?? ((config) => new RTCPeerConnection(config));

    this.#pc = create({
      iceServers: options.iceServers ?? [],
      iceTransportPolicy: options.iceTransportPolicy ?? 'all',
      bundlePolicy: 'max-bundle',
      rtcpMuxPolicy: 'require',
    });
    this.#pc.addEventListener('negotiationneeded', () => void this.#onNegotiationNeeded());
    this.#pc.addEventListener('icecandidate', (event) => this.#onIceCandidate(event.candidate));
    this.#pc.addEventListener('connectionstatechange', () => this.#onConnectionStateChange());
    this.#pc.addEventListener('iceconnectionstatechange', () => this.#onIceStateChange());
    this.#pc.addEventListener('track', (event) => this.#onTrack(event));
    // Remote messages wait until connect() has the microphone, so an early offer is
    // answered with the track attached.
    this.#inbox = new Promise<void>((resolve) => (this.#markReady = resolve));
    this.#unsubscribe = options.transport.onSignal((signal) => {
      // One message at a time: a candidate must not overtake the offer it belongs to.
      this.#inbox = this.#inbox.then(() => this.#onSignal(signal));
    });
  }

  /** The peer connection, for stats and tests. Do not renegotiate it directly. */
  get peerConnection(): RTCPeerConnection {
    return this.#pc;
  }

  /** The microphone stream, once {@link CallMedia.acquire} resolved. */
  get localStream(): MediaStream | null {
    return this.#localStream;
  }

  /** The remote party's audio, once it arrived. */
  get remoteStream(): MediaStream | null {
    return this.#remoteStream;
  }

  /** Who sends the first offer; may change until {@link CallMedia.connect} is called. */
  get role(): 'offerer' | 'answerer' {
    return this.#role;
  }

  set role(role: 'offerer' | 'answerer') {
    this.#role = role;
  }

  get muted(): boolean {
    return this.#muted;
  }

  get hd(): boolean {
    return this.#hd;
  }

  /** The Opus bitrate cap in bit/s: 32,000, or 64,000 in HD. */
  get maxBitrate(): number {
    return this.#hd ? OPUS_HD_BITRATE : OPUS_BITRATE;
  }

  /** The latest quality reading, or null before the first. */
  get quality(): CallQualitySample | null {
    return this.#lastQuality;
  }

  /**
   * Opens the microphone with echo cancellation, noise suppression and auto gain. Safe to
   * call early (while the call rings) so that connecting does not wait for the device.
   */
  async acquire(): Promise<MediaStream> {
    this.#assertOpen();

    if (this.#localStream !== null) return this.#localStream;

    const stream = await this.#openMicrophone(this.#options.inputDeviceId);

    if (this.#closed) {
      stopStream(stream);
      throw new StardustError('DISPOSED', 'The call media was closed while the microphone opened.');
    }

    this.#localStream = stream;
    this.#applyMute();

    return stream;
  }

  /**
   * Starts negotiation: the offerer adds its track now (which fires `negotiationneeded`),
   * the answerer waits for the first offer. Opens the microphone first if needed.
   */
  async connect(): Promise<void> {
    const stream = await this.acquire();

    if (this.#role === 'offerer' && this.#sender === null) {
      this.#sender = this.#pc.addTrack(stream.getAudioTracks()[0]!, stream);
    }

    this.#markReady();

    this.#statsTimer ??= this.#clock.setInterval(
      () => void this.#readQuality(),
      this.#options.statsIntervalMs ?? 2000,
    );
  }

  /** Mutes or unmutes the microphone through `track.enabled`; no renegotiation. */
  setMuted(muted: boolean): void {
    this.#muted = muted;
    this.#applyMute();
  }

  /**
   * Switches the microphone during the call: opens `deviceId`, swaps the sender's track with
   * `replaceTrack` (no renegotiation) and stops the old track.
   */
  async setInputDevice(deviceId: string): Promise<void> {
    this.#assertOpen();

    const stream = await this.#openMicrophone(deviceId);
    const track = stream.getAudioTracks()[0]!;
    const old = this.#localStream;

    track.enabled = !this.#muted;

    try {
      if (this.#sender !== null) await this.#sender.replaceTrack(track);
    } catch (error) {
      stopStream(stream);
      throw new StardustError(
        'MEDIA_DEVICE_FAILED',
        `Switching the microphone to device ${deviceId} failed; keep the current one or pick another.`,
        { cause: error },
      );
    }

    this.#localStream = stream;
    this.#options.inputDeviceId = deviceId;

    if (old !== null) stopStream(old);
  }

  /**
   * Plays the remote audio through `deviceId` where `HTMLMediaElement.setSinkId` exists.
   * Returns false where it does not (Firefox before 116, Safari), leaving the default output.
   */
  async setOutputDevice(deviceId: string): Promise<boolean> {
    this.#options.outputDeviceId = deviceId;

    const audio = this.#audio as
      (HTMLAudioElement & { setSinkId?(id: string): Promise<void> }) | null;

    if (audio === null)
      return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

    if (typeof audio.setSinkId !== 'function') return false;

    try {
      await audio.setSinkId(deviceId);
    } catch (error) {
      throw new StardustError(
        'MEDIA_DEVICE_FAILED',
        `Playing through output device ${deviceId} failed; pick another output.`,
        { cause: error },
      );
    }

    return true;
  }

  /** Switches between 32 and 64 kbit/s; applies to the sender at once. */
  async setHd(hd: boolean): Promise<void> {
    this.#hd = hd;
    await this.#applyBitrate();
  }

  /** Restarts ICE now (the next offer carries new credentials). */
  restartIce(): void {
    this.#restart('manual');
  }

  /** Reads `getStats` of the peer connection. */
  getStats(): Promise<RTCStatsReport> {
    return this.#pc.getStats();
  }

  /** Stops the microphone, closes the peer connection and removes every listener. */
  close(): void {
    if (this.#closed) return;

    this.#closed = true;
    this.#clearGrace();

    if (this.#statsTimer !== null) this.#clock.clearInterval(this.#statsTimer);

    this.#unsubscribe();
    this.#pc.close();

    if (this.#localStream !== null) stopStream(this.#localStream);

    if (this.#audio !== null) {
      this.#audio.pause();
      this.#audio.srcObject = null;
    }

    this.removeAllListeners();
  }

  async #openMicrophone(deviceId: string | undefined): Promise<MediaStream> {
    const getUserMedia =
      this.#options.getUserMedia ??
      ((constraints: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(constraints));
    const audio: MediaTrackConstraints = { ...AUDIO_PROCESSING, channelCount: 1 };

    if (deviceId !== undefined) audio.deviceId = { exact: deviceId };

    try {
      return await getUserMedia({ audio, video: false });
    } catch (error) {
      throw mapMediaError(error, deviceId);
    }
  }

  async #onNegotiationNeeded(): Promise<void> {
    try {
      this.#makingOffer = true;
      await this.#pc.setLocalDescription();
      await this.#sendDescription();
    } catch (error) {
      this.#report('creating an offer', error);
    } finally {
      this.#makingOffer = false;
    }
  }

  async #sendDescription(): Promise<void> {
    const description = this.#pc.localDescription;

    if (description === null || (description.type !== 'offer' && description.type !== 'answer')) {
      return;
    }

    const iceRestart = description.type === 'offer' && this.#restartOffer;

    this.#restartOffer = false;
    await this.#options.transport.send({
      type: 'description',
      description: {
        type: description.type,
        sdp: applyOpusBitrate(description.sdp, this.maxBitrate),
      },
      iceRestart,
    });
  }

  #onIceCandidate(candidate: RTCIceCandidate | null): void {
    const wire = serializeCandidate(candidate);

    if (wire === null) return;

    void Promise.resolve(
      this.#options.transport.send({ type: 'candidate', candidate: wire }),
    ).catch((error: unknown) => this.#logger.warn('sending an ICE candidate failed', { error }));
  }

  async #onSignal(signal: MediaSignal): Promise<void> {
    if (this.#closed) return;

    try {
      if (signal.type === 'description') await this.#onDescription(signal.description);
      else await this.#onCandidate(signal);
    } catch (error) {
      this.#report(`applying a remote ${signal.type}`, error);
    }
  }

  async #onDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const collision =
      description.type === 'offer' && (this.#makingOffer || this.#pc.signalingState !== 'stable');

    this.#ignoreOffer = !this.#options.polite && collision;

    if (this.#ignoreOffer) {
      this.#logger.debug('ignoring a colliding offer (impolite peer)');

      return;
    }

    // setRemoteDescription rolls back our own pending offer implicitly (polite peer).
    await this.#pc.setRemoteDescription(description);

    if (description.type !== 'offer') {
      await this.#applyBitrate();

      return;
    }

    this.#attachTrackToOffer();
    await this.#pc.setLocalDescription();
    await this.#sendDescription();
    await this.#applyBitrate();
  }

  /**
   * Adds the answerer's track before the answer is made: `addTrack` reuses the transceiver
   * the remote offer created, so the answer is sendrecv without another round trip.
   */
  #attachTrackToOffer(): void {
    if (this.#sender !== null || this.#localStream === null) return;

    this.#sender = this.#pc.addTrack(this.#localStream.getAudioTracks()[0]!, this.#localStream);
  }

  async #onCandidate(signal: Extract<MediaSignal, { type: 'candidate' }>): Promise<void> {
    try {
      await this.#pc.addIceCandidate(parseCandidate(signal.candidate));
    } catch (error) {
      // Candidates of an offer we ignored fail to apply; that is expected.
      if (!this.#ignoreOffer) throw error;
    }
  }

  async #applyBitrate(): Promise<void> {
    const sender = this.#sender;

    if (sender === null || this.#closed) return;

    const parameters = sender.getParameters();

    if (parameters.encodings === undefined || parameters.encodings.length === 0) return;

    const cap = this.maxBitrate;

    if (parameters.encodings.every((encoding) => encoding.maxBitrate === cap)) return;

    for (const encoding of parameters.encodings) encoding.maxBitrate = cap;

    await sender.setParameters(parameters);
  }

  #onTrack(event: RTCTrackEvent): void {
    const stream = event.streams[0] ?? new MediaStream([event.track]);

    this.#remoteStream = stream;

    if (this.#options.playRemoteAudio !== false && typeof Audio !== 'undefined') {
      this.#audio ??= new Audio();
      this.#audio.autoplay = true;
      this.#audio.srcObject = stream;

      if (this.#options.outputDeviceId !== undefined) {
        void this.setOutputDevice(this.#options.outputDeviceId).catch((error: unknown) =>
          this.#report('selecting the output device', error),
        );
      }

      void this.#audio.play().catch((error: unknown) => {
        // Autoplay policy: the page has had no user gesture yet. The element can resume
        // playback from the next click; the call itself goes on.
        this.#logger.warn('remote audio playback blocked until a user gesture', { error });
      });
    }

    this.emit('remoteTrack', { track: event.track, stream });
  }

  #onConnectionStateChange(): void {
    const state = this.#pc.connectionState;
    const previous = this.#previousState;

    this.#previousState = state;

    if (state === 'connected') {
      this.#connected = true;
      this.#restarts = 0;
      this.#clearGrace();
    }

    this.emit('connectionState', { state, previous });
  }

  #onIceStateChange(): void {
    const state = this.#pc.iceConnectionState;

    if (this.#closed) return;

    if (state === 'connected' || state === 'completed') {
      this.#clearGrace();

      return;
    }

    if (state === 'failed') {
      this.#clearGrace();
      this.#restartOrFail('failed');

      return;
    }

    if (state === 'disconnected' && this.#graceTimer === null) {
      this.#graceTimer = this.#clock.setTimeout(() => {
        this.#graceTimer = null;

        const now = this.#pc.iceConnectionState;

        if (now === 'disconnected' || now === 'checking' || now === 'failed') {
          this.#restartOrFail('disconnected');
        }
      }, this.#options.disconnectedGraceMs ?? 3000);
    }
  }

  #restartOrFail(reason: 'failed' | 'disconnected'): void {
    const max = this.#options.maxIceRestarts ?? 3;

    if (this.#restarts >= max) {
      this.emit('failed', {
        error: new StardustError(
          'CALL_NETWORK_ERROR',
          `The media connection ${reason === 'failed' ? 'failed' : 'stayed disconnected'} after ${max} ICE restarts; check the network or configure TURN.`,
        ),
      });

      return;
    }

    this.#restart(reason);

    // Check again after one grace period: a restart that does not connect counts as failed.
    this.#graceTimer = this.#clock.setTimeout(
      () => {
        this.#graceTimer = null;

        const now = this.#pc.iceConnectionState;

        if (now !== 'connected' && now !== 'completed' && !this.#closed) {
          this.#restartOrFail(reason);
        }
      },
      Math.max(this.#options.disconnectedGraceMs ?? 3000, 5000),
    );
  }

  #restart(reason: 'failed' | 'disconnected' | 'manual'): void {
    if (this.#closed) return;

    this.#restarts += 1;
    this.#restartOffer = true;
    this.#logger.info('restarting ICE', { reason, attempt: this.#restarts });
    this.emit('iceRestart', { attempt: this.#restarts, reason });
    this.#pc.restartIce();
  }

  #clearGrace(): void {
    if (this.#graceTimer === null) return;

    this.#clock.clearTimeout(this.#graceTimer);
    this.#graceTimer = null;
  }

  async #readQuality(): Promise<void> {
    if (this.#closed) return;

    let snapshot: StatsSnapshot;

    try {
      snapshot = readStatsSnapshot(await this.#pc.getStats());
    } catch (error) {
      this.#logger.debug('getStats failed', { error });

      return;
    }

    if (!this.#firstPacketSeen && snapshot.packetsReceived > 0) {
      this.#firstPacketSeen = true;
      this.emit('firstPacket', { at: this.#clock.now() });
    }

    if (!this.#connected) return;

    this.#firstSnapshot ??= snapshot;

    const previous = this.#lastSnapshot ?? this.#firstSnapshot;

    this.#lastSnapshot = snapshot;

    if (previous === snapshot) return;

    this.#lastQuality = computeQuality(this.#firstSnapshot, previous, snapshot);
    this.emit('quality', this.#lastQuality);
  }

  #applyMute(): void {
    for (const track of this.#localStream?.getAudioTracks() ?? []) track.enabled = !this.#muted;
  }

  #report(step: string, error: unknown): void {
    const wrapped = StardustError.from(error, 'INTERNAL_ERROR', `WebRTC failed while ${step}.`);

    this.#logger.warn(`WebRTC failed while ${step}`, { error });
    this.emit('error', { error: wrapped });
  }

  #assertOpen(): void {
    if (this.#closed) throw new StardustError('DISPOSED', 'The call media is closed.');
  }
}

/** Maps a getUserMedia DOMException to the SDK's microphone codes. */
function mapMediaError(error: unknown, deviceId: string | undefined): StardustError {
  const name = error instanceof Error ? error.name : '';
  const device = deviceId === undefined ? 'the default microphone' : `microphone ${deviceId}`;

  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new StardustError(
      'MIC_PERMISSION_DENIED',
      `Access to ${device} was denied; allow the microphone for this site and call again.`,
      { cause: error },
    );
  }

  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return new StardustError('MIC_NOT_FOUND', `No audio input matches ${device}; pick another.`, {
      cause: error,
    });
  }

  return new StardustError(
    'MIC_UNAVAILABLE',
    `Opening ${device} failed (${name || 'unknown error'}); close other apps using it or pick another.`,
    { cause: error },
  );
}

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
