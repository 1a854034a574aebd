// Drives the room service directly, without a signaling server: a recording server port
// that keeps every message the service sends, and fake timers. Used by the unit tests of
// the service's logic; the end-to-end tests run it inside the real signaling server.
import { voice } from '../../proto/gen/voice.js';
import type {
  RoomServerPort,
  RoomSignal,
  RoomSocket,
  RoomTimers,
} from '../../server/signaling/rooms/ports.js';
import type { ErrorCode } from '../../src/shared/errors.js';
import { accountKey, encodeAddress } from '../../src/shared/ss58.js';

/** One message the service sent. */
export interface SentMessage {
  account: string;
  type: number;
  payload: Uint8Array;
  roomId?: string;
  requestId?: number;
  /** For relayed frames: the original frame. */
  frame?: Uint8Array;
  /** For answers made through replyError and replyAck. */
  code?: ErrorCode;
  text?: string;
}

/** A server port that records instead of sending; every account counts as online. */
export class RecordingServer implements RoomServerPort {
  readonly sent: SentMessage[] = [];
  /** Accounts (public key hex) that count as offline for relays. */
  readonly offline = new Set<string>();
  #timers: RoomTimers;

  constructor(timers: RoomTimers) {
    this.#timers = timers;
  }

  async sendTo(
    account: string,
    type: number,
    payload: Uint8Array,
    fields: { roomId?: string; requestId?: number } = {},
  ): Promise<number> {
    this.sent.push({ account: key(account), type, payload, ...fields });

    return 1;
  }

  async relayTo(account: string, frame: Uint8Array): Promise<number> {
    if (this.offline.has(key(account))) return 0;

    this.sent.push({ account: key(account), type: -1, payload: new Uint8Array(), frame });

    return 1;
  }

  replyError(member: RoomSocket, message: RoomSignal, code: ErrorCode, text: string): void {
    this.sent.push({
      account: member.accountKey,
      type: voice.SignalType.ERROR,
      payload: new Uint8Array(),
      requestId: message.requestId,
      code,
      text,
    });
  }

  replyAck(member: RoomSocket, message: RoomSignal): void {
    this.sent.push({
      account: member.accountKey,
      type: voice.SignalType.ACK,
      payload: new Uint8Array(),
      requestId: message.requestId,
    });
  }

  now(): number {
    return this.#timers.now();
  }

  /** Messages to `account` of `type`, oldest first. */
  to(account: string, type: number): SentMessage[] {
    return this.sent.filter((message) => message.account === key(account) && message.type === type);
  }

  /** The answer to a request: the message carrying its request id. */
  answer(account: string, requestId: number): SentMessage | undefined {
    return this.sent.find(
      (message) => message.account === key(account) && message.requestId === requestId,
    );
  }
}

/** Timers that fire only when the test advances the clock. */
export class FakeTimers implements RoomTimers {
  time = 1_700_000_000_000;
  #next = 1;
  #timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;

    this.#timers.set(id, { at: this.time + ms, callback });

    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Moves the clock forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.time + ms;

    for (;;) {
      const due = [...this.#timers.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];

      if (due === undefined) break;

      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }

    this.time = end;
  }

  /** The number of pending timers. */
  get pending(): number {
    return this.#timers.size;
  }
}

/** Returns the address of a test account made from one repeated byte. */
export function testAddress(seed: number): string {
  return encodeAddress(new Uint8Array(32).fill(seed));
}

/** Returns the socket of a test account. */
export function socketOf(account: string, socketId = `socket-${account.slice(0, 6)}`): RoomSocket {
  return { account, accountKey: accountKey(account), socketId, sessionKey: 'ab'.repeat(32) };
}

function key(account: string): string {
  return /^[0-9a-f]{64}$/.test(account) ? account : accountKey(account);
}
