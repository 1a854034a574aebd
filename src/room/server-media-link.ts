import type { Logger } from '../client/logger.js';
import { voice } from '../../proto/gen/voice.js';
import { StardustError } from '../shared/errors.js';
import { decodeRoomJsep, encodeRoomJsep, encodeRoomTrickle } from '../shared/room-wire.js';
import type { AudioSink, RoomMediaPlatform, RoomSignalingPort } from './types.js';

/** Options of {@link ServerMediaLink}. */
export interface ServerMediaLinkOptions {
  roomId: string;
  signaling: RoomSignalingPort;
  platform: RoomMediaPlatform;
  logger: Logger;
  /** Called when the connection fails for good or closes from the far side. */
  onFailed(reason: string): void;
  /** Time the server may take to answer the offer, in ms; 15,000 by default. */
  answerTimeoutMs?: number;
}

/**
 * The member's one connection to the room's media server (Janus), negotiated through
 * signaling: the offer goes out as ROOM_JSEP and the answer comes back the same way;
 * candidates trickle as ROOM_TRICKLE. The browser never talks to Janus's API.
 *
 * The audio sender is negotiated from the start but carries no track until the member may
 * speak, so a listener sends nothing and unmuting needs no renegotiation.
 */
export class ServerMediaLink {
  readonly #options: ServerMediaLinkOptions;
  #pc: RTCPeerConnection | undefined;
  #sender: RTCRtpSender | undefined;
  #sink: AudioSink | undefined;
  #track: MediaStreamTrack | null = null;
  #closed = false;
  #restarting = false;

  constructor(options: ServerMediaLinkOptions) {
    this.#options = options;
  }

  /** The peer connection, for statistics. */
  get peerConnection(): RTCPeerConnection | undefined {
    return this.#pc;
  }

  /**
   * Creates the connection, sends the offer and applies the server's answer. Resolves once
   * the answer is applied; ICE connects right after.
   *
   * @throws StardustError with the server's code (ROOM_MEDIA_REFUSED with the Janus code,
   *   ROOM_MEDIA_TIMEOUT, …), SIGNAL_TIMEOUT, SIGNAL_DISCONNECTED.
   */
  async connect(): Promise<void> {
    const { platform, signaling } = this.#options;
    const pc = platform.createPeerConnection({ iceServers: signaling.iceServers });
    const queued: Array<RTCIceCandidateInit | null> = [];
    let offerSent = false;

    this.#pc = pc;
    this.#sender = pc.addTransceiver('audio', { direction: 'sendrecv' }).sender;
    pc.addEventListener('track', (event) =>
      this.#play(event.streams[0] ?? new MediaStream([event.track])),
    );
    pc.addEventListener('icecandidate', (event) => {
      const candidate = event.candidate?.toJSON() ?? null;

      if (offerSent) this.#trickle(candidate);
      else queued.push(candidate);
    });
    pc.addEventListener('connectionstatechange', () => this.#onConnectionState(pc));

    try {
      if (this.#track !== null) await this.#sender.replaceTrack(this.#track);

      const offer = await pc.createOffer();

      await pc.setLocalDescription(offer);

      const answer = this.#exchange(offer.sdp!, false);

      offerSent = true;

      for (const candidate of queued.splice(0)) this.#trickle(candidate);

      await pc.setRemoteDescription(await answer);
    } catch (error) {
      this.close();

      throw StardustError.from(
        error,
        'INTERNAL_ERROR',
        `Connecting to the media of room ${this.#options.roomId} failed.`,
      );
    }
  }

  /** Sends `track`, or nothing with `null`. Takes effect at once, without renegotiation. */
  async setTrack(track: MediaStreamTrack | null): Promise<void> {
    this.#track = track;
    await this.#sender?.replaceTrack(track);
  }

  /** Mutes or unmutes the room's mix at this member. */
  setPlaybackMuted(muted: boolean): void {
    this.#sink?.setMuted(muted);
  }

  /**
   * Restarts ICE on the existing connection, as after a network change.
   *
   * @throws StardustError from the server, or INVALID_STATE when not connected.
   */
  async restartIce(): Promise<void> {
    const pc = this.#pc;

    if (pc === undefined || this.#closed) {
      throw new StardustError('INVALID_STATE', 'The room media is not connected; join again.');
    }

    const offer = await pc.createOffer({ iceRestart: true });

    await pc.setLocalDescription(offer);
    await pc.setRemoteDescription(await this.#exchange(offer.sdp!, true));
  }

  /** Closes the connection and stops playback. The microphone track is the caller's. */
  close(): void {
    this.#closed = true;
    this.#sink?.stop();
    this.#sink = undefined;
    this.#pc?.close();
  }

  async #exchange(sdp: string, iceRestart: boolean): Promise<RTCSessionDescriptionInit> {
    const answer = await this.#options.signaling.request(
      {
        type: voice.SignalType.ROOM_JSEP,
        roomId: this.#options.roomId,
        payload: encodeRoomJsep({ type: 'offer', sdp, iceRestart }),
      },
      { timeoutMs: this.#options.answerTimeoutMs ?? 15_000 },
    );
    const jsep = decodeRoomJsep(answer.payload);

    if (jsep.type !== 'answer') {
      throw new StardustError(
        'PROTOCOL_DECODE',
        'The server answered an offer with another offer.',
      );
    }

    return { type: 'answer', sdp: jsep.sdp };
  }

  #trickle(candidate: RTCIceCandidateInit | null): void {
    const payload =
      candidate === null || candidate.candidate === ''
        ? encodeRoomTrickle({ completed: true })
        : encodeRoomTrickle({
            candidate: {
              candidate: candidate.candidate ?? '',
              sdpMid: candidate.sdpMid ?? undefined,
              sdpMLineIndex: candidate.sdpMLineIndex ?? undefined,
              usernameFragment: candidate.usernameFragment ?? undefined,
            },
          });

    this.#options.signaling
      .send({ type: voice.SignalType.ROOM_TRICKLE, roomId: this.#options.roomId, payload })
      .catch((error: unknown) =>
        this.#options.logger.debug('sending an ICE candidate failed', { error: String(error) }),
      );
  }

  #play(stream: MediaStream): void {
    this.#sink?.stop();
    this.#sink = this.#options.platform.play(stream);
  }

  #onConnectionState(pc: RTCPeerConnection): void {
    if (this.#closed || pc !== this.#pc) return;

    if (pc.connectionState === 'failed' && !this.#restarting) {
      // One ICE restart; if that fails too the session joins again with a new connection.
      this.#restarting = true;
      this.restartIce()
        .catch((error: unknown) => this.#options.onFailed(`ICE restart failed: ${String(error)}`))
        .finally(() => {
          this.#restarting = false;
        });
    } else if (pc.connectionState === 'closed') {
      this.#options.onFailed('connection closed');
    }
  }
}
