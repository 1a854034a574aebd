import { voice } from '../../proto/gen/voice.js';
import type { Logger } from '../client/logger.js';
import { decodeCandidate, decodeSdp, encodeCandidate, encodeSdp } from '../shared/room-wire.js';
import { accountKey } from '../shared/ss58.js';
import type {
  AudioSink,
  RoomMediaPlatform,
  RoomSignalMessage,
  RoomSignalingPort,
} from './types.js';

const T = voice.SignalType;

/** Options of {@link MeshLinks}. */
export interface MeshLinksOptions {
  roomId: string;
  /** This member's SS58 address. */
  self: string;
  signaling: RoomSignalingPort;
  platform: RoomMediaPlatform;
  logger: Logger;
}

interface PeerLink {
  pc: RTCPeerConnection;
  /** Undefined on the answering side until the offer created the audio transceiver. */
  sender: RTCRtpSender | undefined;
  sink: AudioSink | undefined;
  /** Candidates that arrived before the remote description. */
  pending: RTCIceCandidateInit[];
}

/**
 * The peer mesh of a room without a media server: one connection to each other member,
 * negotiated with SDP_OFFER, SDP_ANSWER and ICE_CANDIDATE messages that carry the room id
 * and are signed end to end. A member who joins offers to everyone already there. When two
 * members offer to each other at once, the one with the higher account key gives way.
 *
 * The server cannot silence anyone here: every member's browser mutes the members the room
 * state holds muted, and a well-behaved sender sends nothing then.
 */
export class MeshLinks {
  readonly #options: MeshLinksOptions;
  readonly #links = new Map<string, PeerLink>();
  readonly #selfKey: string;
  #track: MediaStreamTrack | null = null;
  #inaudible = new Set<string>();
  #closed = false;

  constructor(options: MeshLinksOptions) {
    this.#options = options;
    this.#selfKey = accountKey(options.self);
  }

  /** The members with a connection, by SS58 address. */
  get peers(): string[] {
    return [...this.#links.keys()];
  }

  /** Returns the connection to one member, for statistics. */
  peerConnection(account: string): RTCPeerConnection | undefined {
    return this.#links.get(account)?.pc;
  }

  /** Offers a connection to a member already in the room. */
  async connectTo(account: string): Promise<void> {
    if (this.#closed || this.#links.has(account)) return;

    const link = this.#create(account);

    link.sender = link.pc.addTransceiver('audio', { direction: 'sendrecv' }).sender;
    void link.sender.replaceTrack(this.#track);

    const offer = await link.pc.createOffer();

    await link.pc.setLocalDescription(offer);
    await this.#send(T.SDP_OFFER, account, encodeSdp({ type: 'offer', sdp: offer.sdp! }));
  }

  /** Handles a verified SDP or ICE message of this room from another member. */
  async onSignal(message: RoomSignalMessage): Promise<void> {
    if (this.#closed) return;

    const from = message.from;

    if (message.type === T.ICE_CANDIDATE) return this.#addCandidate(from, message.payload);

    const sdp = decodeSdp(message.payload);

    if (sdp.type === 'answer') {
      await this.#links.get(from)?.pc.setRemoteDescription({ type: 'answer', sdp: sdp.sdp });
      await this.#flushCandidates(from);

      return;
    }

    const existing = this.#links.get(from);

    // Both offered: the member with the lower key keeps its offer, and the other accepts it.
    if (existing?.pc.signalingState === 'have-local-offer' && this.#selfKey < accountKey(from))
      return;

    this.#drop(from);

    const link = this.#create(from);

    await link.pc.setRemoteDescription({ type: 'offer', sdp: sdp.sdp });

    // The offer created the audio transceiver; adding one before it would go unnegotiated.
    const transceiver = link.pc.getTransceivers()[0]!;

    transceiver.direction = 'sendrecv';
    link.sender = transceiver.sender;
    await link.sender.replaceTrack(this.#track);
    await this.#flushCandidates(from);

    const answer = await link.pc.createAnswer();

    await link.pc.setLocalDescription(answer);
    await this.#send(T.SDP_ANSWER, from, encodeSdp({ type: 'answer', sdp: answer.sdp! }));
  }

  /** Keeps connections only to the given members (those with media in the room). */
  keepOnly(accounts: Iterable<string>): void {
    const keep = new Set(accounts);

    for (const account of [...this.#links.keys()]) if (!keep.has(account)) this.#drop(account);
  }

  /** Sends `track` to every member, or nothing with `null`, without renegotiation. */
  async setTrack(track: MediaStreamTrack | null): Promise<void> {
    this.#track = track;
    await Promise.all([...this.#links.values()].map((link) => link.sender?.replaceTrack(track)));
  }

  /** Mutes the audio of the given members at this browser, and unmutes everyone else. */
  setInaudible(accounts: Iterable<string>): void {
    this.#inaudible = new Set(accounts);

    for (const [account, link] of this.#links) link.sink?.setMuted(this.#inaudible.has(account));
  }

  /** Closes every connection. */
  close(): void {
    this.#closed = true;

    for (const account of [...this.#links.keys()]) this.#drop(account);
  }

  #create(account: string): PeerLink {
    const pc = this.#options.platform.createPeerConnection({
      iceServers: this.#options.signaling.iceServers,
    });
    const link: PeerLink = { pc, sender: undefined, sink: undefined, pending: [] };

    pc.addEventListener('track', (event) => {
      link.sink?.stop();
      link.sink = this.#options.platform.play(event.streams[0] ?? new MediaStream([event.track]));
      link.sink.setMuted(this.#inaudible.has(account));
    });
    pc.addEventListener('icecandidate', (event) => {
      const candidate = event.candidate?.toJSON();

      if (candidate === undefined) return;

      void this.#send(
        T.ICE_CANDIDATE,
        account,
        encodeCandidate({
          candidate: candidate.candidate ?? '',
          sdpMid: candidate.sdpMid ?? undefined,
          sdpMLineIndex: candidate.sdpMLineIndex ?? undefined,
          usernameFragment: candidate.usernameFragment ?? undefined,
        }),
      );
    });
    this.#links.set(account, link);

    return link;
  }

  async #addCandidate(from: string, payload: Uint8Array): Promise<void> {
    const link = this.#links.get(from);

    if (link === undefined) return;

    const candidate = decodeCandidate(payload);

    if (link.pc.remoteDescription === null) {
      link.pending.push(candidate);

      return;
    }

    await link.pc.addIceCandidate(candidate);
  }

  async #flushCandidates(from: string): Promise<void> {
    const link = this.#links.get(from);

    if (link === undefined) return;

    for (const candidate of link.pending.splice(0)) await link.pc.addIceCandidate(candidate);
  }

  #drop(account: string): void {
    const link = this.#links.get(account);

    if (link === undefined) return;

    link.sink?.stop();
    link.pc.close();
    this.#links.delete(account);
  }

  async #send(type: number, to: string, payload: Uint8Array): Promise<void> {
    try {
      await this.#options.signaling.send({ type, to, roomId: this.#options.roomId, payload });
    } catch (error) {
      this.#options.logger.warn('sending a mesh negotiation message failed', {
        to,
        type,
        error: String(error),
      });
    }
  }
}
