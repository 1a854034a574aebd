// Connects page members straight to an in-process RoomService, standing in for the
// signaling server's socket layer (authentication, signatures, routing), so the room
// service, Janus and the browser side can be tested without it. Requests are answered by
// request id, server messages are delivered to the account's members, and relayed frames
// reach the target with the sender's account.
import type { RoomService } from '../../../server/signaling/rooms/room-service.js';
import type {
  RoomServerPort,
  RoomSignal,
  RoomSocket,
} from '../../../server/signaling/rooms/ports.js';
import { voice } from '../../../proto/gen/voice.js';
import type { ErrorCode } from '../../../src/shared/errors.js';
import { accountKey } from '../../../src/shared/ss58.js';
import type { DeliveredMessage } from './room-harness.browser.js';
import type { RoomMemberHandle, RoomTransport } from './room-pages.js';

type Answer = DeliveredMessage | { error: { code: string; message: string; detail?: number } };

interface Pending {
  resolve(answer: Answer): void;
}

/** A {@link RoomTransport} whose server is a RoomService in this process. */
export class ServiceBridge implements RoomTransport {
  service: RoomService | undefined;
  readonly #members = new Map<string, RoomMemberHandle[]>();
  readonly #pending = new Map<number, Pending>();
  #nextRequest = 1;
  readonly port: RoomServerPort = {
    sendTo: async (account, type, payload, fields = {}) => {
      const pending =
        fields.requestId === undefined ? undefined : this.#pending.get(fields.requestId);

      if (pending !== undefined) {
        this.#pending.delete(fields.requestId!);

        if (type === voice.SignalType.ERROR) {
          const error = voice.ErrorMessage.decode(payload);

          pending.resolve({
            error: { code: error.code, message: error.message, detail: error.detail },
          });
        } else {
          pending.resolve(delivered(type, '', fields.roomId ?? '', payload, fields.requestId!));
        }

        return 1;
      }

      return this.#deliver(account, delivered(type, '', fields.roomId ?? '', payload, 0));
    },
    relayTo: async (account, frame) => {
      const relayed = JSON.parse(new TextDecoder().decode(frame)) as DeliveredMessage;

      return this.#deliver(account, relayed);
    },
    replyError: (_member, message, code: ErrorCode, text) => {
      this.#settle(message.requestId, { error: { code, message: text } });
    },
    replyAck: (_member, message) => {
      this.#settle(
        message.requestId,
        delivered(voice.SignalType.ACK, '', message.roomId, new Uint8Array(), message.requestId),
      );
    },
    now: () => Date.now(),
  };

  async handle(
    member: RoomMemberHandle,
    kind: 'send' | 'request',
    draft: { type: number; to?: string; roomId?: string; payload: number[] },
  ): Promise<Answer | null> {
    const key = accountKey(member.account);

    if (!this.#members.get(key)?.includes(member)) {
      this.#members.set(key, [...(this.#members.get(key) ?? []), member]);
    }

    const requestId = kind === 'request' ? this.#nextRequest++ : 0;
    const message: RoomSignal = {
      type: draft.type,
      from: member.account,
      to: draft.to ?? '',
      callId: '',
      roomId: draft.roomId ?? '',
      payload: Uint8Array.from(draft.payload),
      requestId,
    };
    const socket: RoomSocket = {
      account: member.account,
      accountKey: key,
      socketId: member.id,
      sessionKey: '00'.repeat(32),
    };
    const frame = new TextEncoder().encode(
      JSON.stringify(delivered(message.type!, member.account, message.roomId, message.payload, 0)),
    );
    const answered = new Promise<Answer>((resolve) => {
      if (requestId !== 0) this.#pending.set(requestId, { resolve });
    });

    await this.service!.handle(socket, message, frame, this.port);

    return requestId === 0 ? null : answered;
  }

  /** Tells the service that a member's socket closed. */
  async disconnect(member: RoomMemberHandle): Promise<void> {
    const key = accountKey(member.account);

    await this.service!.disconnected(
      {
        account: member.account,
        accountKey: key,
        socketId: member.id,
        sessionKey: '00'.repeat(32),
      },
      this.port,
    );
  }

  #settle(requestId: number, answer: Answer): void {
    const pending = this.#pending.get(requestId);

    this.#pending.delete(requestId);
    pending?.resolve(answer);
  }

  async #deliver(account: string, message: DeliveredMessage): Promise<number> {
    const targets =
      this.#members.get(/^[0-9a-f]{64}$/.test(account) ? account : accountKey(account)) ?? [];

    await Promise.all(
      targets.map((member) => member.page.deliver(member.id, message).catch(() => {})),
    );

    return targets.length;
  }
}

function delivered(
  type: number,
  from: string,
  roomId: string,
  payload: Uint8Array,
  requestId: number,
): DeliveredMessage {
  return { type, from, roomId, payload: [...payload], timestamp: Date.now(), requestId };
}
