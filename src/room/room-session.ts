import { voice } from '../../proto/gen/voice.js';
import type { ChainClient } from '../chain/chain-client.js';
import type { Room } from '../chain/pallets/voice-room.js';
import type { ChainCall, TxResult, TxSender } from '../chain/types.js';
import { silentLogger, type Logger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import type { RoomRole, RoomSpeakingMode } from '../shared/room-rules.js';
import {
  decodeRoomKick,
  decodeRoomModeration,
  decodeRoomSpeaking,
  decodeRoomState,
  decodeRoomTip,
  encodeRoomJoin,
  encodeRoomKick,
  encodeRoomMode,
  encodeRoomMute,
  encodeRoomRaiseHand,
  encodeRoomRole,
  encodeRoomTip,
  type RoomSnapshot,
  type RoomTurnSnapshot,
} from '../shared/room-wire.js';
import { normalizeAddress, sameAccount } from '../shared/ss58.js';
import { LevelMeter, systemRoomClock, type RoomClock } from './level-meter.js';
import { browserMediaPlatform } from './media-platform.js';
import { MeshLinks } from './mesh-links.js';
import { ServerMediaLink } from './server-media-link.js';
import { TypedEmitter } from '../signaling/emitter.js';
import type {
  RoomJoinOptions,
  RoomMediaPlatform,
  RoomMemberView,
  RoomSessionEvents,
  RoomSessionReason,
  RoomSessionState,
  RoomSignalMessage,
  RoomSignalingPort,
} from './types.js';

const T = voice.SignalType;
const MAX_MEDIA_ATTEMPTS = 6;
/** Refusals after which rejoining the media cannot succeed. */
const FINAL_CODES = new Set(['ROOM_NOT_MEMBER', 'ROOM_NOT_FOUND', 'ROOM_CLOSED']);

/** Options of {@link RoomSession}. */
export interface RoomSessionOptions {
  /** The chain room id: 16 bytes as hex, with or without `0x`. */
  roomId: string;
  /** The signaling connection (a `SignalingClient`). */
  signaling: RoomSignalingPort;
  /** The chain connection, for the room's extrinsics and reads. Without it, no chain calls. */
  chain?: ChainClient;
  /**
   * Signs the room's extrinsics: the session proxy (no prompts) or the wallet itself.
   * Without it, moderator actions take effect at the server only, and the server reverts
   * role changes that never reach the chain.
   */
  sender?: TxSender;
  /** Signs tips (`balances.transferKeepAlive`): the wallet, since the proxy may not move funds. */
  tipSender?: TxSender;
  /** The name the room shows for this member; at most 64 characters. */
  nickname?: string;
  /** WebRTC, microphone and playback; the browser's by default. */
  platform?: RoomMediaPlatform;
  logger?: Logger;
  clock?: RoomClock;
}

/** The sequential turn, with its end on this page's clock. */
export interface RoomSessionTurn extends RoomTurnSnapshot {
  /** When the turn ends, on this page's clock (ms since the epoch). */
  endsAtLocal: number;
}

/**
 * One member's presence in one voice room: admission through signaling after the chain
 * membership, one connection to the room's media (or a mesh of connections), the own mute
 * switch, raised hands, speaking indicators, moderator commands, tips, and reconnects.
 *
 * States: idle → joining → joined ⇄ reconnecting → left | closed (a failed join returns to
 * idle). Commands settle when the server answered and, for chain actions, when the
 * extrinsic is in a block; the server applies moderator actions at once.
 */
export class RoomSession extends TypedEmitter<RoomSessionEvents> {
  /** The room id as bare lowercase hex. */
  readonly roomId: string;
  readonly #options: RoomSessionOptions;
  readonly #signaling: RoomSignalingPort;
  readonly #logger: Logger;
  readonly #clock: RoomClock;
  #platform: RoomMediaPlatform | undefined;
  #state: RoomSessionState = 'idle';
  #snapshot: RoomSnapshot | undefined;
  #clockOffset = 0;
  #activeSpeakers: string[] = [];
  #server: ServerMediaLink | undefined;
  #mesh: MeshLinks | undefined;
  #meter: LevelMeter | undefined;
  #microphone: MediaStreamTrack | undefined;
  #sending = false;
  #sendingChain: Promise<void> = Promise.resolve();
  #meshChain: Promise<void> = Promise.resolve();
  #connectingMedia = false;
  #mediaAttempts = 0;
  #retryTimer: unknown;
  #startUnmuted = false;
  #unsubscribe: Array<() => void> = [];
  #self: { raw: string; normalized: string } | undefined;

  /** @throws StardustError INVALID_ARGUMENT for a malformed room id. */
  constructor(options: RoomSessionOptions) {
    super();

    const match = /^(?:0x)?([0-9a-fA-F]{32})$/.exec(options.roomId ?? '');

    if (match === null) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        `Room id ${JSON.stringify(options.roomId)} is not 16 bytes of hex; pass the chain room id.`,
      );
    }

    this.roomId = match[1]!.toLowerCase();
    this.#options = options;
    this.#signaling = options.signaling;
    this.#logger = options.logger ?? silentLogger;
    this.#clock = options.clock ?? systemRoomClock;
    this.#platform = options.platform;
  }

  get state(): RoomSessionState {
    return this.#state;
  }

  /** The last room state from the server, or undefined before joining. */
  get snapshot(): RoomSnapshot | undefined {
    return this.#snapshot;
  }

  /** The members, with this session's own member marked. */
  get members(): RoomMemberView[] {
    const self = this.#selfAddress();

    return (this.#snapshot?.members ?? []).map((member) => ({
      ...member,
      isSelf: member.account === self,
    }));
  }

  /** This session's own member, once joined. */
  get self(): RoomMemberView | undefined {
    const self = this.#selfAddress();
    const member = this.#snapshot?.members.find((entry) => entry.account === self);

    return member === undefined ? undefined : { ...member, isSelf: true };
  }

  /** Members talking now, in the order they started. */
  get activeSpeakers(): string[] {
    return this.#activeSpeakers;
  }

  /** The sequential turn, if one runs. */
  get turn(): RoomSessionTurn | undefined {
    const turn = this.#snapshot?.turn;

    return turn === undefined
      ? undefined
      : { ...turn, endsAtLocal: turn.endsAt + this.#clockOffset };
  }

  /** Milliseconds left in the running turn (0 when none runs). */
  turnRemainingMs(): number {
    const turn = this.turn;

    return turn === undefined ? 0 : Math.max(0, turn.endsAtLocal - this.#clock.now());
  }

  /** True while this member sends audio: it may speak and its own switch is on. */
  get sending(): boolean {
    return this.#sending;
  }

  /** Returns the connection to the media server, or to one mesh member, for statistics. */
  peerConnection(account?: string): RTCPeerConnection | undefined {
    return account === undefined
      ? this.#server?.peerConnection
      : this.#mesh?.peerConnection(account);
  }

  /**
   * Reads the room from the chain: name, host, settings and member count.
   *
   * @throws StardustError CONFIG_INVALID without a chain client; ROOM_NOT_FOUND.
   */
  async details(): Promise<Room> {
    const room = await this.#requireChain().voiceRoom.room(this.#chainRoomId);

    if (room === null) {
      throw new StardustError('ROOM_NOT_FOUND', `Room ${this.roomId} does not exist on chain.`);
    }

    return room;
  }

  /**
   * Reads the room's entry fee from the chain, in planck, so that a page can confirm it
   * before {@link join} pays it. It is 0 for an account already in the room.
   *
   * @throws StardustError CONFIG_INVALID without a chain client; ROOM_NOT_FOUND.
   */
  async entryFee(): Promise<bigint> {
    const room = await this.details();
    const self = this.#signaling.account;
    const chain = this.#requireChain();

    if (self !== undefined && (await chain.voiceRoom.member(this.#chainRoomId, self)) !== null)
      return 0n;

    return room.config.entryFee;
  }

  /**
   * Joins the room: on chain first when not a member yet (paying the entry fee), then
   * admission at the signaling server, then media.
   *
   * @throws StardustError INVALID_STATE when already joining or joined; ROOM_CLOSED (also
   *   after this session saw the room close),
   *   ROOM_NOT_FOUND, ROOM_NOT_MEMBER, ROOM_FULL, ROOM_MEDIA_REFUSED (Janus code in
   *   `detail`), ROOM_MEDIA_UNAVAILABLE, chain and wallet codes.
   */
  async join(options: RoomJoinOptions = {}): Promise<void> {
    if (this.#state === 'joining' || this.#state === 'joined' || this.#state === 'reconnecting') {
      throw new StardustError('INVALID_STATE', `Room ${this.roomId} is already ${this.#state}.`);
    }

    if (this.#state === 'closed') {
      throw new StardustError(
        'ROOM_CLOSED',
        `Room ${this.roomId} was closed; it cannot be joined.`,
      );
    }

    this.#startUnmuted = options.startUnmuted === true;
    this.#setState('joining', undefined);

    try {
      this.#platform ??= browserMediaPlatform();
      this.#listen();
      await this.#signaling.connect();

      const self = this.#signaling.account;

      if (self === undefined)
        throw new StardustError('INVALID_STATE', 'The signaling client has no account.');

      if (options.joinOnChain !== false) await this.#ensureChainMember(self);

      await this.#admit(false);
      await this.#connectMedia();
      this.#setState('joined', undefined);
    } catch (error) {
      const failure = StardustError.from(
        error,
        'INTERNAL_ERROR',
        `Joining room ${this.roomId} failed.`,
      );

      this.#teardown();
      this.#setState(this.#snapshot?.closed === true ? 'closed' : 'idle', failure.code);

      throw failure;
    }
  }

  /**
   * Leaves the room: media first, then on chain (`leave_room`) unless `leaveOnChain` is
   * false.
   *
   * @throws chain and wallet codes of `leave_room`; the media is left either way.
   */
  async leave(options: { leaveOnChain?: boolean } = {}): Promise<void> {
    if (this.#state === 'idle' || this.#state === 'left' || this.#state === 'closed') return;

    try {
      await this.#signaling.request({ type: T.ROOM_LEAVE, roomId: this.roomId });
    } catch (error) {
      this.#logger.warn('the server did not confirm leaving the room', {
        roomId: this.roomId,
        error: String(error),
      });
    }

    this.#teardown();
    this.#setState('left', 'left');

    if (
      options.leaveOnChain !== false &&
      this.#options.chain !== undefined &&
      this.#options.sender !== undefined
    ) {
      await this.#send(await this.#options.chain.voiceRoom.leaveRoom());
    }
  }

  /**
   * Turns the own mute switch on or off. Muting stops sending at once; unmuting is refused
   * when the role or mode does not let this member speak.
   *
   * @throws StardustError ROOM_NOT_ALLOWED, INVALID_STATE.
   */
  async setMuted(muted: boolean): Promise<void> {
    this.#requireJoined();

    if (muted) this.#queueSending(false);

    await this.#request(T.ROOM_MUTE, encodeRoomMute({ account: '', muted }));
  }

  /** Raises or lowers this member's hand. @throws StardustError ROOM_NOT_ALLOWED. */
  async raiseHand(raised = true): Promise<void> {
    this.#requireJoined();
    await this.#request(T.ROOM_RAISE_HAND, encodeRoomRaiseHand({ raised }));
  }

  /**
   * Answers a raised hand (host or co-host). Approving makes the member a speaker at the
   * server at once and on chain with `set_role(Speaker)`.
   *
   * @throws StardustError ROOM_NOT_ALLOWED; chain codes.
   */
  async answerHand(account: string, approved: boolean): Promise<void> {
    this.#requireJoined();
    await this.#request(
      T.ROOM_RAISE_HAND,
      encodeRoomRaiseHand({ raised: false, account, approved }),
    );

    if (approved)
      await this.#chainAction((chain) =>
        chain.voiceRoom.setRole(this.#chainRoomId, account, 'Speaker'),
      );
  }

  /**
   * Mutes or unmutes another member at the server (host or co-host), and records it on
   * chain with `set_mute`.
   *
   * @throws StardustError ROOM_NOT_ALLOWED; chain codes.
   */
  async muteMember(account: string, muted: boolean): Promise<void> {
    this.#requireJoined();
    await this.#request(T.ROOM_MUTE, encodeRoomMute({ account, muted }));
    await this.#chainAction((chain) => chain.voiceRoom.setMute(this.#chainRoomId, account, muted));
  }

  /**
   * Removes a member (host or co-host): its media ends at once and `kick_user` removes it
   * on chain.
   *
   * @throws StardustError ROOM_NOT_ALLOWED; chain codes.
   */
  async kick(account: string): Promise<void> {
    this.#requireJoined();
    await this.#request(T.ROOM_KICK, encodeRoomKick({ account }));
    await this.#chainAction((chain) => chain.voiceRoom.kickUser(this.#chainRoomId, account));
  }

  /**
   * Gives a member a new role: at the server at once, on chain with `set_role`. The host
   * may make co-hosts, speakers and listeners; a co-host only speakers and listeners.
   *
   * @throws StardustError ROOM_NOT_ALLOWED; chain codes.
   */
  async setRole(account: string, role: RoomRole): Promise<void> {
    this.#requireJoined();
    await this.#request(T.ROOM_ROLE, encodeRoomRole({ account, role }));
    await this.#chainAction((chain) => chain.voiceRoom.setRole(this.#chainRoomId, account, role));
  }

  /**
   * Switches the speaking mode (host only), with the turn length for sequential mode.
   *
   * @throws StardustError ROOM_NOT_ALLOWED, INVALID_ARGUMENT for a turn length out of range;
   *   chain codes.
   */
  async setSpeakingMode(mode: RoomSpeakingMode, options: { turnMs?: number } = {}): Promise<void> {
    this.#requireJoined();
    await this.#request(T.ROOM_MODE, encodeRoomMode({ mode, turnMs: options.turnMs }));
    await this.#chainAction((chain) => chain.voiceRoom.setSpeakingMode(this.#chainRoomId, mode));
  }

  /** Ends the running turn: the holder yields, or a moderator skips. @throws ROOM_NOT_ALLOWED. */
  async skipTurn(): Promise<void> {
    this.#requireJoined();
    await this.#request(T.ROOM_TURN, new Uint8Array());
  }

  /**
   * Closes the room (host): media ends for everyone at once, and `close_room` returns the
   * creation deposit on chain.
   *
   * @throws StardustError ROOM_NOT_ALLOWED; chain codes.
   */
  async close(): Promise<void> {
    this.#requireJoined();
    await this.#request(T.ROOM_CLOSE, new Uint8Array());
    this.#end('closed', 'closed');
    await this.#chainAction((chain) => chain.voiceRoom.closeRoom(this.#chainRoomId));
  }

  /** Invites an account to a private room, on chain. @throws chain codes. */
  async invite(account: string): Promise<void> {
    await this.#chainAction((chain) => chain.voiceRoom.invite(this.#chainRoomId, account), true);
  }

  /**
   * Tips a member: the wallet signs `balances.transferKeepAlive` (one prompt), and once the
   * transfer is in a block the server checks it and shows the tip to the room.
   *
   * @throws StardustError CONFIG_INVALID without a tip sender; wallet and chain codes;
   *   ROOM_TIP_UNVERIFIED.
   */
  async tip(to: string, amount: bigint): Promise<void> {
    this.#requireJoined();

    const chain = this.#requireChain();
    const tipSender = this.#options.tipSender;

    if (tipSender === undefined) {
      throw new StardustError('CONFIG_INVALID', 'Tips need a tipSender: the wallet signs them.');
    }

    const result = await tipSender.send(await chain.balances.transferKeepAlive(to, amount));

    await this.#request(
      T.ROOM_TIP,
      encodeRoomTip({ to, amount, blockHash: result.blockHash ?? `0x${'00'.repeat(32)}` }),
    );
  }

  /** Leaves media without chain calls and releases everything; the session cannot be reused. */
  dispose(): void {
    if (this.#state === 'joined' || this.#state === 'reconnecting') {
      void this.#signaling.send({ type: T.ROOM_LEAVE, roomId: this.roomId }).catch(() => {});
    }

    this.#teardown();

    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();

    if (this.#state !== 'closed') this.#setState('left', 'left');

    this.removeAllListeners();
  }

  async #ensureChainMember(self: string): Promise<void> {
    const chain = this.#options.chain;

    if (chain === undefined || this.#options.sender === undefined) return;

    if ((await chain.voiceRoom.member(this.#chainRoomId, self)) !== null) return;

    await this.#send(await chain.voiceRoom.joinRoom(this.#chainRoomId));
  }

  /** Sends ROOM_JOIN and applies the room state the server returns. */
  async #admit(resume: boolean): Promise<void> {
    const answer = await this.#signaling.request({
      type: T.ROOM_JOIN,
      roomId: this.roomId,
      payload: encodeRoomJoin({
        nickname: (this.#options.nickname ?? '').slice(0, 64),
        canSend: true,
        startUnmuted: this.#startUnmuted,
        resume,
      }),
    });

    this.#applyState(decodeRoomState(answer.payload), answer.timestamp);
  }

  async #connectMedia(): Promise<void> {
    const snapshot = this.#snapshot!;
    const self = this.#signaling.account!;

    this.#closeMedia();
    this.#connectingMedia = true;

    try {
      if (snapshot.media === 'janus') {
        const link = new ServerMediaLink({
          roomId: this.roomId,
          signaling: this.#signaling,
          platform: this.#platform!,
          logger: this.#logger,
          onFailed: (reason) => this.#mediaFailed(link, reason),
        });

        this.#server = link;
        await link.connect();
      } else {
        this.#mesh = new MeshLinks({
          roomId: this.roomId,
          self,
          signaling: this.#signaling,
          platform: this.#platform!,
          logger: this.#logger,
        });
        this.#startMeter();

        const others = snapshot.members.filter((m) => m.connected && !sameAccount(m.account, self));

        await Promise.all(others.map((member) => this.#mesh!.connectTo(member.account)));
      }
    } finally {
      this.#connectingMedia = false;
    }

    this.#mediaAttempts = 0;
    this.#sending = false;
    this.#syncSending();
  }

  #applyState(snapshot: RoomSnapshot, timestamp: bigint): void {
    const previous = this.#snapshot;

    this.#snapshot = snapshot;
    this.#clockOffset = this.#clock.now() - Number(timestamp);

    if (snapshot.media === 'janus') this.#setSpeakers(snapshot.activeSpeakers);

    this.emit('roomState', { state: snapshot });

    if (snapshot.closed) {
      this.#end('closed', 'closed');

      return;
    }

    if (this.#state !== 'joined' && this.#state !== 'reconnecting') return;

    this.#syncMesh(snapshot);
    this.#syncSending();
    this.#followMediaState(previous, snapshot);
  }

  /** Reconnects media when the server lost it or its media server came back. */
  #followMediaState(previous: RoomSnapshot | undefined, snapshot: RoomSnapshot): void {
    if (snapshot.mediaState === 'reconnecting') {
      this.#closeMedia();
      this.#setState('reconnecting', 'media');

      return;
    }

    const self = this.self;
    const before = previous?.members.find((member) => member.account === self?.account);
    // Only a change from connected counts: states sent before the join completed lag behind.
    const lost =
      snapshot.media === 'janus' && before?.connected === true && self?.connected === false;
    const back = previous?.mediaState === 'reconnecting';

    if (
      (lost || back || this.#state === 'reconnecting') &&
      !this.#connectingMedia &&
      this.#signaling.state === 'connected'
    ) {
      void this.#reconnectMedia();
    }
  }

  async #reconnectMedia(): Promise<void> {
    if (this.#connectingMedia) return;

    this.#clock.clearTimeout(this.#retryTimer);
    this.#setState('reconnecting', 'media');
    this.#mediaAttempts += 1;

    try {
      await this.#connectMedia();

      if (this.#state === 'reconnecting') this.#setState('joined', undefined);
    } catch (error) {
      const failure = StardustError.from(
        error,
        'INTERNAL_ERROR',
        `Reconnecting to room ${this.roomId} failed.`,
      );

      this.emit('error', { error: failure });

      // The server no longer admits this member: retrying cannot help.
      if (FINAL_CODES.has(failure.code)) {
        this.#end(failure.code === 'ROOM_CLOSED' ? 'closed' : 'left', 'removed');

        return;
      }

      if (this.#mediaAttempts >= MAX_MEDIA_ATTEMPTS) {
        this.#end('left', failure.code);

        return;
      }

      // Capped exponential backoff with full jitter: up to 0.5 s, 1 s, 2 s … 15 s.
      const delay = Math.random() * Math.min(15_000, 500 * 2 ** (this.#mediaAttempts - 1));

      this.#retryTimer = this.#clock.setTimeout(() => void this.#reconnectMedia(), delay);
    }
  }

  #mediaFailed(link: ServerMediaLink, reason: string): void {
    if (link !== this.#server || this.#state !== 'joined') return;

    this.#logger.warn('room media failed; joining its media again', {
      roomId: this.roomId,
      reason,
    });
    void this.#reconnectMedia();
  }

  #syncMesh(snapshot: RoomSnapshot): void {
    const mesh = this.#mesh;

    if (mesh === undefined) return;

    const self = this.#signaling.account!;
    const others = snapshot.members.filter((m) => m.connected && !sameAccount(m.account, self));

    mesh.keepOnly(others.map((member) => member.account));
    // The server cannot silence a mesh member; this browser does, for everyone it must not hear.
    mesh.setInaudible(others.filter((m) => m.serverMuted || m.isMuted).map((m) => m.account));
  }

  /** Sends the microphone exactly while this member may speak and its switch is on. */
  #syncSending(): void {
    const self = this.self;
    const active =
      this.#state === 'joined' || this.#state === 'reconnecting' || this.#state === 'joining';

    this.#queueSending(active && self !== undefined && !self.isMuted && !self.serverMuted);
  }

  #queueSending(send: boolean): void {
    this.#sendingChain = this.#sendingChain
      .then(() => this.#setSending(send))
      .catch((error: unknown) => {
        this.emit('error', {
          error: StardustError.from(error, 'MIC_UNAVAILABLE', 'Starting to send audio failed.'),
        });
      });
  }

  async #setSending(send: boolean): Promise<void> {
    if (send === this.#sending && (this.#server !== undefined || this.#mesh !== undefined)) return;

    let track: MediaStreamTrack | null = null;

    if (send) {
      this.#microphone ??= await this.#platform!.getMicrophone();
      track = this.#microphone;
    }

    await this.#server?.setTrack(track);
    await this.#mesh?.setTrack(track);
    this.#sending = send && (this.#server !== undefined || this.#mesh !== undefined);
  }

  #listen(): void {
    if (this.#unsubscribe.length > 0) return;

    this.#unsubscribe.push(
      this.#signaling.on('message', ({ message, fromPeer }) => this.#onMessage(message, fromPeer)),
      this.#signaling.on('stateChange', ({ state }) => this.#onSignalingState(state)),
    );
  }

  #onMessage(message: RoomSignalMessage, fromPeer: boolean): void {
    if (message.roomId.replace(/^0x/, '').toLowerCase() !== this.roomId) return;

    try {
      if (fromPeer) this.#onPeerMessage(message);
      else this.#onServerMessage(message);
    } catch (error) {
      this.emit('error', {
        error: StardustError.from(error, 'PROTOCOL_DECODE', 'A room message could not be read.'),
      });
    }
  }

  #onServerMessage(message: RoomSignalMessage): void {
    switch (message.type) {
      case T.ROOM_STATE:
        this.#applyState(decodeRoomState(message.payload), message.timestamp);
        break;
      case T.ROOM_SPEAKING:
        if (this.#snapshot?.media === 'janus')
          this.#setSpeakers(decodeRoomSpeaking(message.payload));
        break;
      case T.ROOM_MODERATION: {
        const { action, target } = decodeRoomModeration(message.payload);

        this.emit('moderation', { action, target });
        break;
      }
      case T.ROOM_KICK: {
        const self = this.#signaling.account;
        const target = decodeRoomKick(message.payload).account;

        if (self !== undefined && sameAccount(target, self)) this.#end('left', 'kicked');
        break;
      }
      case T.ROOM_LEAVE:
        this.#end('left', 'removed');
        break;
      default:
        break;
    }
  }

  #onPeerMessage(message: RoomSignalMessage): void {
    if (message.type === T.ROOM_TIP) {
      const tip = decodeRoomTip(message.payload);

      this.emit('tip', {
        from: message.from,
        to: tip.to,
        amount: tip.amount,
        blockHash: tip.blockHash,
      });

      return;
    }

    const mesh = this.#mesh;
    const negotiation =
      message.type === T.SDP_OFFER ||
      message.type === T.SDP_ANSWER ||
      message.type === T.ICE_CANDIDATE;

    if (mesh === undefined || !negotiation) return;

    // One message at a time: a candidate must not overtake the offer it belongs to.
    this.#meshChain = this.#meshChain
      .then(() => mesh.onSignal(message))
      .catch((error: unknown) =>
        this.#logger.warn('a mesh negotiation message failed', {
          from: message.from,
          error: String(error),
        }),
      );
  }

  #onSignalingState(state: string): void {
    if (state === 'connected') {
      if (this.#state === 'reconnecting') void this.#resume();

      return;
    }

    if (this.#state === 'joined') this.#setState('reconnecting', 'signaling');
  }

  /** After a signaling reconnect: keeps the media if the server still has it, else rejoins. */
  async #resume(): Promise<void> {
    try {
      await this.#admit(true);

      const self = this.self;
      const mediaUp = this.#server !== undefined || this.#mesh !== undefined;

      if (this.#snapshot?.mediaState === 'ready' && self?.connected === true && mediaUp) {
        if (this.#state === 'reconnecting') this.#setState('joined', undefined);

        return;
      }

      if (this.#snapshot?.mediaState === 'ready') await this.#reconnectMedia();
    } catch (error) {
      const failure = StardustError.from(
        error,
        'INTERNAL_ERROR',
        `Rejoining room ${this.roomId} failed.`,
      );

      this.emit('error', { error: failure });

      if (failure.code.startsWith('ROOM_') && failure.code !== 'ROOM_MEDIA_DISCONNECTED') {
        this.#end(failure.code === 'ROOM_CLOSED' ? 'closed' : 'left', failure.code);
      }
    }
  }

  #startMeter(): void {
    const self = this.#signaling.account!;

    this.#meter?.stop();
    this.#meter = new LevelMeter({
      clock: this.#clock,
      sources: () => {
        const sources = new Map<
          string,
          { pc: RTCPeerConnection; direction: 'inbound' | 'outbound' }
        >();
        const mesh = this.#mesh;

        for (const account of mesh?.peers ?? []) {
          const muted = this.#snapshot?.members.find((m) => sameAccount(m.account, account));

          if (muted?.serverMuted || muted?.isMuted) continue;

          sources.set(account, { pc: mesh!.peerConnection(account)!, direction: 'inbound' });
        }

        const first = mesh?.peers[0];

        if (this.#sending && first !== undefined) {
          sources.set(self, { pc: mesh!.peerConnection(first)!, direction: 'outbound' });
        }

        return sources;
      },
      onChange: (talking) => this.#setSpeakers(talking),
    });
    this.#meter.start();
  }

  #setSpeakers(activeSpeakers: string[]): void {
    if (activeSpeakers.join() === this.#activeSpeakers.join()) return;

    this.#activeSpeakers = activeSpeakers;
    this.emit('speaking', { activeSpeakers });
  }

  /** Ends the session's media for good, with the state and reason the room gave. */
  #end(state: 'left' | 'closed', reason: RoomSessionReason): void {
    if (this.#state === 'left' || this.#state === 'closed') return;

    this.#teardown();
    this.#setState(state, reason);
  }

  #closeMedia(): void {
    this.#meter?.stop();
    this.#meter = undefined;
    this.#server?.close();
    this.#server = undefined;
    this.#mesh?.close();
    this.#mesh = undefined;
    this.#sending = false;
    this.#setSpeakers([]);
  }

  #teardown(): void {
    this.#clock.clearTimeout(this.#retryTimer);
    this.#closeMedia();
    this.#microphone?.stop();
    this.#microphone = undefined;
  }

  #setState(state: RoomSessionState, reason: RoomSessionReason | undefined): void {
    const previous = this.#state;

    if (previous === state) return;

    this.#state = state;
    this.#logger.info('room session state', { roomId: this.roomId, state, previous, reason });
    this.emit('stateChange', { state, previous, reason });
  }

  /**
   * Returns this session's account with prefix 42, as the server writes every account in
   * room states; decoded once, since states arrive with every change in the room.
   */
  #selfAddress(): string | undefined {
    const account = this.#signaling.account;

    if (account === undefined) return undefined;

    if (this.#self?.raw !== account)
      this.#self = { raw: account, normalized: normalizeAddress(account) };

    return this.#self.normalized;
  }

  /** The room id as the chain wrappers take it: 0x-prefixed hex. */
  get #chainRoomId(): string {
    return `0x${this.roomId}`;
  }

  #requireJoined(): void {
    if (this.#state !== 'joined' && this.#state !== 'reconnecting') {
      throw new StardustError(
        'INVALID_STATE',
        `Join room ${this.roomId} first; it is ${this.#state}.`,
      );
    }
  }

  #requireChain(): ChainClient {
    const chain = this.#options.chain;

    if (chain === undefined) {
      throw new StardustError(
        'CONFIG_INVALID',
        'This room session has no chain client; pass `chain`.',
      );
    }

    return chain;
  }

  async #request(type: number, payload: Uint8Array): Promise<void> {
    await this.#signaling.request({ type, roomId: this.roomId, payload });
  }

  /**
   * Sends a room extrinsic when a chain client and a sender are configured. `required`
   * turns their absence into CONFIG_INVALID; otherwise the action stays signaling-only.
   */
  async #chainAction(
    build: (chain: ChainClient) => Promise<ChainCall<unknown>>,
    required = false,
  ): Promise<void> {
    const chain = this.#options.chain;

    if (chain === undefined || this.#options.sender === undefined) {
      if (required)
        throw new StardustError(
          'CONFIG_INVALID',
          'This room action is a chain call; pass `chain` and `sender`.',
        );

      return;
    }

    await this.#send(await build(chain));
  }

  async #send<R>(call: ChainCall<R>): Promise<TxResult<R>> {
    return this.#options.sender!.send(call);
  }
}
