import type { ChainClient } from '../chain/chain-client.js';
import { ChainError } from '../chain/chain-error.js';
import { toRoom, type Room } from '../chain/pallets/voice-room.js';
import { toPlain } from '../chain/plain.js';
import type { TxSender } from '../chain/types.js';
import { StardustError } from '../shared/errors.js';
import { checkMaxMembers, maxMembersFor } from '../shared/room-rules.js';
import { sameAccount } from '../shared/ss58.js';
import { RoomAlreadyJoinedError } from './room-already-joined-error.js';
import type { CreateRoomOptions, CurrentRoom, RoomSummary } from './types.js';

/** Options of {@link RoomDirectory}. */
export interface RoomDirectoryOptions {
  chain: ChainClient;
  /** Signs `create_room`; needed only by {@link RoomDirectory.create}. */
  sender?: TxSender;
}

/**
 * The rooms on chain: the public open rooms with their member counts, and creating a room.
 * Reads `VoiceRoom.Rooms`; the list changes with the chain's VoiceRoom events.
 */
export class RoomDirectory {
  readonly #chain: ChainClient;
  readonly #sender: TxSender | undefined;

  constructor(options: RoomDirectoryOptions) {
    this.#chain = options.chain;
    this.#sender = options.sender;
  }

  /** Lists the open public rooms, fullest first, then by name. */
  async listPublic(): Promise<RoomSummary[]> {
    const rooms = await this.#rooms();

    return rooms
      .filter((room) => room.isActive && room.config.isPublic)
      .map(toSummary)
      .sort((a, b) => b.memberCount - a.memberCount || a.name.localeCompare(b.name));
  }

  /**
   * Creates a room; the creator joins as host and 1 DUST (the chain's `RoomCreationDeposit`)
   * is reserved until the room closes. Resolves with the new room's id.
   *
   * Settings are checked before anything is signed: the name, and the member limit against
   * `options.media` (at most 6 in a peer mesh, 50 with a media server).
   *
   * @throws StardustError CONFIG_INVALID without a sender; INVALID_ARGUMENT for a bad name
   *   or member limit; {@link RoomAlreadyJoinedError} ROOM_ALREADY_JOINED, with the room's
   *   id, when the sender's account is in an open room already; chain and wallet codes (such
   *   as TX_FAILED with `voiceRoom.TooManyRooms`).
   */
  async create(options: CreateRoomOptions): Promise<string> {
    const sender = this.#sender;

    if (sender === undefined) {
      throw new StardustError('CONFIG_INVALID', 'Creating a room is a chain call; pass `sender`.');
    }

    const media = options.media ?? 'janus';
    const maxMembers = options.maxMembers ?? maxMembersFor(media);

    checkRoomName(options.name);
    checkMaxMembers(maxMembers, media);
    await this.#refuseWhenInRoom(sender.account);

    const call = await this.#chain.voiceRoom.createRoom(options.name, {
      maxMembers,
      isPublic: options.isPublic ?? true,
      entryFee: options.entryFee ?? 0n,
      speakingMode: options.speakingMode ?? 'FreeSpeak',
    });

    try {
      const result = await sender.send(call);

      return result.value!.roomId;
    } catch (error) {
      // Another tab or device can join or create a room between the check and the block.
      if (isAlreadyInRoom(error)) await this.#refuseWhenInRoom(sender.account, error);

      throw error;
    }
  }

  /**
   * Reads the open room `account` is in (`UserCurrentRoom`), with its name and whether the
   * account hosts it; null when it is in none.
   */
  async currentRoom(account: string): Promise<CurrentRoom | null> {
    const roomId = await this.#chain.voiceRoom.currentRoom(account);

    if (roomId === null) return null;

    const room = await this.#chain.voiceRoom.room(roomId);

    return {
      roomId,
      name: room?.name ?? '',
      isHost: room !== null && sameAccount(room.host, account),
    };
  }

  /**
   * Closes room `roomId` (`close_room`, signed by the sender, who must host it): every member
   * leaves and the creation deposit returns.
   *
   * @throws StardustError CONFIG_INVALID without a sender; chain codes such as
   *   ROOM_NOT_ALLOWED when the sender is not the host.
   */
  async closeRoom(roomId: string): Promise<void> {
    await this.#requireSender().send(await this.#chain.voiceRoom.closeRoom(roomId));
  }

  /**
   * Leaves the room the sender is in (`leave_room`). A host who leaves hands the room to the
   * earliest co-host, or the room closes.
   *
   * @throws StardustError CONFIG_INVALID without a sender; ROOM_NOT_MEMBER when it is in none.
   */
  async leaveRoom(): Promise<void> {
    await this.#requireSender().send(await this.#chain.voiceRoom.leaveRoom());
  }

  #requireSender(): TxSender {
    if (this.#sender === undefined) {
      throw new StardustError('CONFIG_INVALID', 'Changing a room is a chain call; pass `sender`.');
    }

    return this.#sender;
  }

  /** Throws {@link RoomAlreadyJoinedError} when `account` is in an open room. */
  async #refuseWhenInRoom(account: string, cause?: unknown): Promise<void> {
    const current = await this.currentRoom(account);

    if (current !== null) {
      throw new RoomAlreadyJoinedError(account, current.roomId, current.isHost, cause);
    }
  }

  /** Reads every `VoiceRoom.Rooms` entry: open and closed rooms, public and private. */
  async #rooms(): Promise<Room[]> {
    const api = await this.#chain.requireStorage('voiceRoom', 'rooms');
    const entries = await api.query.voiceRoom!.rooms!.entries();

    return entries
      .map(([, value]) => toPlain(value, this.#chain.ss58Prefix))
      .filter((value) => value !== null)
      .map(toRoom);
  }

  /**
   * Calls `listener` whenever a block has VoiceRoom events that change the list. Returns the
   * function that stops.
   */
  async watch(listener: () => void): Promise<() => void> {
    return this.#chain.subscribeEvents(({ events }) => {
      if (events.some((event) => event.pallet === 'voiceRoom')) listener();
    });
  }
}

function toSummary(room: Room): RoomSummary {
  return {
    id: room.id,
    name: room.name,
    host: room.host,
    memberCount: room.memberCount,
    maxMembers: room.config.maxMembers,
    isPublic: room.config.isPublic,
    entryFee: room.config.entryFee,
    speakingMode: room.config.speakingMode,
  };
}

/**
 * Checks a room name against the chain's bound.
 *
 * @throws StardustError INVALID_ARGUMENT unless the name has 1 to 64 bytes of UTF-8.
 */
function checkRoomName(name: string): void {
  const bytes = new TextEncoder().encode(name).length;

  if (bytes >= 1 && bytes <= 64) return;

  throw new StardustError(
    'INVALID_ARGUMENT',
    `The room name has ${bytes} bytes of UTF-8; give it 1 to 64.`,
  );
}

/** Returns true for a dispatch failure with `voiceRoom.AlreadyInRoom`. */
function isAlreadyInRoom(error: unknown): boolean {
  const info = error instanceof ChainError ? error.moduleError : null;

  return info?.pallet === 'voiceRoom' && info.name === 'AlreadyInRoom';
}
