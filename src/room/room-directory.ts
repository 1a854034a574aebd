import type { ChainClient } from '../chain/chain-client.js';
import { toRoom, type Room } from '../chain/pallets/voice-room.js';
import { toPlain } from '../chain/plain.js';
import type { TxSender } from '../chain/types.js';
import { StardustError } from '../shared/errors.js';
import type { CreateRoomOptions, RoomSummary } from './types.js';

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
   * @throws StardustError CONFIG_INVALID without a sender; INVALID_ARGUMENT for a bad name
   *   or member limit; chain and wallet codes (such as TX_FAILED with
   *   `voiceRoom.TooManyRooms` or `AlreadyInRoom`).
   */
  async create(options: CreateRoomOptions): Promise<string> {
    if (this.#sender === undefined) {
      throw new StardustError('CONFIG_INVALID', 'Creating a room is a chain call; pass `sender`.');
    }

    const call = await this.#chain.voiceRoom.createRoom(options.name, {
      maxMembers: options.maxMembers ?? 50,
      isPublic: options.isPublic ?? true,
      entryFee: options.entryFee ?? 0n,
      speakingMode: options.speakingMode ?? 'FreeSpeak',
    });
    const result = await this.#sender.send(call);

    return result.value!.roomId;
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
