// A scripted stand-in for the signaling connection, for element tests that check rendering,
// controls and events of <stardust-room> without servers. It answers each request with
// what the test's handler returns and lets the test push server messages. The room's real
// path (signaling server, chain, Janus) is tested end to end in test/e2e.
import { voice } from '../../proto/gen/voice.js';
import type {
  RoomOutgoingSignal,
  RoomSignalingEvents,
  RoomSignalingPort,
  RoomSignalMessage,
} from '../../src/room/types.js';
import { StardustError } from '../../src/shared/errors.js';
import {
  encodeRoomState,
  type RoomMemberSnapshot,
  type RoomSnapshot,
} from '../../src/shared/room-wire.js';

/** What a request handler returns: an answer of `type` with `payload`, or nothing for ACK. */
export type FakeAnswer = { type: number; payload: Uint8Array } | undefined;

/** A {@link RoomSignalingPort} whose server is the test. */
export class FakeRoomSignaling implements RoomSignalingPort {
  readonly account: string;
  readonly iceServers: RTCIceServer[] = [];
  state = 'idle';
  /** Every request and message the session sent, oldest first. */
  readonly sent: RoomOutgoingSignal[] = [];
  /** Answers requests; throws a StardustError to answer with ERROR. */
  handler: (draft: RoomOutgoingSignal) => FakeAnswer | Promise<FakeAnswer> = () => undefined;
  #waiters = new Set<{ type: number; resolve(draft: RoomOutgoingSignal): void }>();
  #listeners: { [K in keyof RoomSignalingEvents]: Set<(context: RoomSignalingEvents[K]) => void> } =
    { message: new Set(), stateChange: new Set() };

  constructor(account: string) {
    this.account = account;
  }

  async connect(): Promise<void> {
    this.#setState('connected');
  }

  async send(draft: RoomOutgoingSignal): Promise<void> {
    this.sent.push(draft);
  }

  async request(draft: RoomOutgoingSignal): Promise<RoomSignalMessage> {
    this.sent.push(draft);

    for (const waiter of [...this.#waiters]) {
      if (waiter.type !== draft.type) continue;

      this.#waiters.delete(waiter);
      waiter.resolve(draft);
    }

    const answer = await this.handler(draft);

    return message(
      answer?.type ?? voice.SignalType.ACK,
      answer?.payload ?? new Uint8Array(),
      draft.roomId ?? '',
    );
  }

  on<K extends keyof RoomSignalingEvents>(
    event: K,
    listener: (context: RoomSignalingEvents[K]) => void,
  ): () => void {
    this.#listeners[event].add(listener);

    return () => this.#listeners[event].delete(listener);
  }

  /** Delivers a message to the session: the server's, or a peer's when `from` is set. */
  push(type: number, payload: Uint8Array, roomId: string, from = '', timestamp = Date.now()): void {
    for (const listener of this.#listeners.message) {
      listener({
        message: { ...message(type, payload, roomId), from, timestamp: BigInt(timestamp) },
        fromPeer: from !== '',
      });
    }
  }

  /** Delivers a ROOM_STATE. */
  pushState(roomId: string, state: RoomSnapshot): void {
    this.push(voice.SignalType.ROOM_STATE, encodeRoomState(state), roomId);
  }

  /** Simulates a lost or restored connection. */
  setState(state: string): void {
    this.#setState(state);
  }

  /** Resolves with the next request of `type` the session sends. */
  nextRequest(type: number): Promise<RoomOutgoingSignal> {
    return new Promise((resolve) => this.#waiters.add({ type, resolve }));
  }

  /** The requests of `type` the session sent. */
  requests(type: number): RoomOutgoingSignal[] {
    return this.sent.filter((draft) => draft.type === type);
  }

  #setState(state: string): void {
    const previous = this.state;

    this.state = state;

    for (const listener of this.#listeners.stateChange) listener({ state, previous });
  }
}

/** Returns an ERROR answer for the handler to throw. */
export function refuse(code: ConstructorParameters<typeof StardustError>[0], text = code): never {
  throw new StardustError(code, text);
}

/** A member of a scripted snapshot, with defaults for everything not given. */
export function member(
  account: string,
  overrides: Partial<RoomMemberSnapshot> = {},
): RoomMemberSnapshot {
  return {
    account,
    nickname: '',
    role: 'Listener',
    isMuted: true,
    isSpeaking: false,
    handRaised: false,
    serverMuted: true,
    connected: true,
    moderatorMuted: false,
    ...overrides,
  };
}

/** A scripted room state with defaults for everything not given. */
export function snapshot(overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    members: [],
    speakingMode: 'FreeSpeak',
    activeSpeakers: [],
    handQueue: [],
    turn: undefined,
    media: 'mesh',
    mediaState: 'ready',
    closed: false,
    maxMembers: 50,
    ...overrides,
  };
}

function message(type: number, payload: Uint8Array, roomId: string): RoomSignalMessage {
  return { type, from: '', to: '', roomId, payload, timestamp: BigInt(Date.now()), requestId: 0 };
}
