import type { Logger } from 'pino';

import { voice } from '../../../proto/gen/voice.js';
import { StardustError } from '../../../src/shared/errors.js';
import {
  decodeRoomKick,
  decodeRoomMode,
  decodeRoomMute,
  decodeRoomRaiseHand,
  decodeRoomRole,
  decodeRoomTip,
  encodeRoomModeration,
} from '../../../src/shared/room-wire.js';
import { accountKey, sameAccount } from '../../../src/shared/ss58.js';
import type { LiveRoom } from './live-room.js';
import type { RoomSignal, RoomSocket, RoomTimers } from './ports.js';
import type { RoomChain, RoomChainEvent } from './room-chain.js';

const T = voice.SignalType;

/** The room service functions {@link RoomRequests} calls. */
export interface RoomRequestsHost {
  chain: RoomChain;
  timers: RoomTimers;
  logger: Logger;
  kickHoldMs: number;
  roleConfirmMs: number;
  endMedia(room: LiveRoom, key: string, how: 'leave' | 'kick' | 'dropped'): Promise<void>;
  closeRoom(room: LiveRoom): Promise<void>;
  refreshMember(room: LiveRoom, account: string): Promise<void>;
  send(account: string, type: number, payload: Uint8Array): void;
  relay(account: string, frame: Uint8Array): Promise<number>;
}

/**
 * The requests of members with media (mute, hands, roles, kicks, modes, turns, close, tips,
 * mesh negotiation) and the chain's VoiceRoom events, applied to one served room.
 *
 * Moderator actions take effect at once, checked against the roles the server read from
 * the chain. The moderator's browser sends the matching extrinsic, and its event confirms
 * what the server already applied.
 */
export class RoomRequests {
  readonly #host: RoomRequestsHost;
  #roleChecks = new Map<string, unknown>();

  constructor(host: RoomRequestsHost) {
    this.#host = host;
  }

  /**
   * Handles a request of a member with media; returns false for a type it does not handle.
   *
   * @throws StardustError with the code to answer with.
   */
  async handle(
    socket: RoomSocket,
    message: RoomSignal,
    frame: Uint8Array,
    room: LiveRoom,
  ): Promise<boolean> {
    const actor = socket.account;

    switch (message.type) {
      case T.ROOM_MUTE:
        this.#mute(room, actor, message.payload);
        break;
      case T.ROOM_RAISE_HAND:
        this.#hand(room, actor, message.payload);
        break;
      case T.ROOM_ROLE: {
        const { account, role } = decodeRoomRole(message.payload);

        room.policy.requestRole(actor, account, role);
        this.#confirmLater(room, account);
        this.#moderation(room, 'role', account);
        break;
      }
      case T.ROOM_KICK:
        await this.#kick(room, actor, decodeRoomKick(message.payload).account);
        break;
      case T.ROOM_MODE: {
        const { mode, turnMs } = decodeRoomMode(message.payload);

        room.policy.requestMode(actor, mode, turnMs);
        this.#moderation(room, 'mode', '');
        break;
      }
      case T.ROOM_TURN:
        room.policy.skipTurn(actor);
        break;
      case T.ROOM_CLOSE:
        room.policy.checkClose(actor);
        await this.#host.closeRoom(room);

        return true;
      case T.ROOM_TIP:
        await this.#tip(room, actor, message.payload, frame);

        return true;
      default:
        return false;
    }

    room.changed();

    return true;
  }

  /**
   * Relays a mesh member's SDP or ICE candidate to another member with media in the same
   * room. The receiving browser checks the sender's signature; the server checks membership.
   *
   * @throws StardustError INVALID_STATE for a Janus room, ROOM_NOT_MEMBER for a target
   *   without media in the room, PEER_NOT_FOUND when the target has no live socket.
   */
  async meshRelay(
    socket: RoomSocket,
    message: RoomSignal,
    frame: Uint8Array,
    room: LiveRoom,
  ): Promise<void> {
    if (room.media !== 'mesh') {
      throw new StardustError(
        'INVALID_STATE',
        `Room ${room.id} uses Janus: send ROOM_JSEP and ROOM_TRICKLE to the server instead.`,
      );
    }

    const target = message.to;

    if (
      target.length === 0 ||
      !room.sessions.has(keyOf(target)) ||
      sameAccount(target, socket.account)
    ) {
      throw new StardustError(
        'ROOM_NOT_MEMBER',
        `${target || 'An empty address'} is not another member with media in room ${room.id}.`,
      );
    }

    const delivered = await this.#host.relay(target, frame);

    if (delivered === 0) {
      throw new StardustError('PEER_NOT_FOUND', `${target} has no live session right now.`);
    }
  }

  /**
   * Refuses a member kicked over signaling until the chain confirms the kick or the hold
   * runs out.
   *
   * @throws StardustError ROOM_NOT_MEMBER while the hold lasts.
   */
  checkKickHold(room: LiveRoom, key: string, account: string): void {
    const until = room.kickHolds.get(key);

    if (until === undefined) return;

    if (until <= this.#host.timers.now()) {
      room.kickHolds.delete(key);

      return;
    }

    throw new StardustError('ROOM_NOT_MEMBER', `${account} was kicked from room ${room.id}.`);
  }

  /** Applies one VoiceRoom event of the chain to a served room. */
  async chainEvent(room: LiveRoom, event: RoomChainEvent): Promise<void> {
    const policy = room.policy;

    switch (event.kind) {
      case 'joined':
        return this.#host.refreshMember(room, event.account);
      case 'left':
      case 'kicked': {
        const key = keyOf(event.account);

        room.kickHolds.delete(key);
        await this.#host.endMedia(room, key, event.kind === 'kicked' ? 'kick' : 'dropped');
        policy.removeMember(event.account);
        break;
      }
      case 'muted':
        if (!policy.has(event.account)) return;

        policy.setChainMuted(event.account, event.muted);
        break;
      case 'role':
        if (!policy.has(event.account)) return this.#host.refreshMember(room, event.account);

        policy.setRole(event.account, event.role);
        break;
      case 'host':
        if (!policy.has(event.account)) return this.#host.refreshMember(room, event.account);

        policy.setRole(event.account, 'Host');
        break;
      case 'mode':
        policy.setMode(event.mode);
        break;
      case 'closed':
        return this.#host.closeRoom(room);
    }

    room.changed();
  }

  #mute(room: LiveRoom, actor: string, payload: Uint8Array): void {
    const { account, muted } = decodeRoomMute(payload);

    if (account.length === 0 || sameAccount(account, actor)) {
      room.policy.setSelfMuted(actor, muted);

      return;
    }

    room.policy.moderateMute(actor, account, muted);
    this.#moderation(room, muted ? 'mute' : 'unmute', account);
  }

  #hand(room: LiveRoom, actor: string, payload: Uint8Array): void {
    const { raised, account, approved } = decodeRoomRaiseHand(payload);

    if (account.length === 0 || sameAccount(account, actor)) {
      room.policy.raiseHand(actor, raised);

      return;
    }

    const answer = room.policy.answerHand(actor, account, approved === true);

    if (answer.approved) this.#confirmLater(room, answer.account);

    this.#moderation(room, answer.approved ? 'approve_hand' : 'decline_hand', answer.account);
  }

  async #kick(room: LiveRoom, actor: string, target: string): Promise<void> {
    room.policy.checkKick(actor, target);

    const key = keyOf(target);

    room.kickHolds.set(key, this.#host.timers.now() + this.#host.kickHoldMs);
    this.#moderation(room, 'kick', target);
    await this.#host.endMedia(room, key, 'kick');
    room.policy.removeMember(target);
  }

  /**
   * Checks a tip against the chain, then relays the tipper's signed ROOM_TIP to everyone
   * with media in the room.
   *
   * @throws StardustError ROOM_NOT_MEMBER when the recipient is not in the room,
   *   ROOM_TIP_UNVERIFIED when the block has no matching transfer.
   */
  async #tip(room: LiveRoom, actor: string, payload: Uint8Array, frame: Uint8Array): Promise<void> {
    const tip = decodeRoomTip(payload);

    if (!room.policy.has(tip.to)) {
      throw new StardustError(
        'ROOM_NOT_MEMBER',
        `The tip's recipient ${tip.to} is not in room ${room.id}.`,
      );
    }

    const transfers = await this.#host.chain.transfers(tip.blockHash);
    const found = transfers.some(
      (transfer) =>
        sameAccount(transfer.from, actor) &&
        sameAccount(transfer.to, tip.to) &&
        transfer.amount === tip.amount,
    );

    if (!found) {
      throw new StardustError(
        'ROOM_TIP_UNVERIFIED',
        `Block ${tip.blockHash} has no transfer of ${tip.amount} planck from ${actor} to ${tip.to}.`,
      );
    }

    await Promise.all(
      [...room.sessions.values()].map((session) => this.#host.relay(session.account, frame)),
    );
  }

  /** Tells the room about a moderator's action, for its members' screens. */
  #moderation(room: LiveRoom, action: string, target: string): void {
    room.broadcast(T.ROOM_MODERATION, encodeRoomModeration({ action, target, ok: true, code: '' }));
  }

  /**
   * Reads the member's role from the chain once the moderator's extrinsic had time to land,
   * so that a change the chain never made does not outlive it.
   */
  #confirmLater(room: LiveRoom, account: string): void {
    const id = `${room.id}:${keyOf(account)}`;
    const timers = this.#host.timers;

    timers.clearTimeout(this.#roleChecks.get(id));
    this.#roleChecks.set(
      id,
      timers.setTimeout(() => {
        this.#roleChecks.delete(id);

        if (room.closed || !room.policy.has(account)) return;

        this.#host
          .refreshMember(room, account)
          .catch((error: unknown) =>
            this.#host.logger.warn(
              { err: error, roomId: room.id, account },
              'confirming a role on chain failed',
            ),
          );
      }, this.#host.roleConfirmMs),
    );
  }
}

function keyOf(account: string): string {
  try {
    return accountKey(account);
  } catch (error) {
    throw StardustError.from(
      error,
      'ADDRESS_INVALID',
      `${JSON.stringify(account.slice(0, 64))} is not an SS58 address.`,
    );
  }
}
