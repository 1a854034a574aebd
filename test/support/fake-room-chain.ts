// A fake of the room service's chain port, for unit tests of the service's own logic
// (admission, moderation, turns on a fake clock). It holds rooms and members in memory and
// emits the events a test tells it to. The end-to-end room tests use the real devnet.
import type {
  ChainRoomInfo,
  ChainRoomMember,
  ChainTransfer,
  RoomChain,
  RoomChainEvent,
} from '../../server/signaling/rooms/room-chain.js';
import { accountKey } from '../../src/shared/ss58.js';

/** A {@link RoomChain} in memory: rooms, members, transfers per block and scripted events. */
export class FakeRoomChain implements RoomChain {
  readonly rooms = new Map<string, ChainRoomInfo>();
  readonly roomMembers = new Map<string, Map<string, ChainRoomMember>>();
  readonly blocks = new Map<string, ChainTransfer[]>();
  /** Reads that are held until a test releases them. */
  stalled = false;
  #listeners = new Set<(event: RoomChainEvent) => void>();
  #resyncs = new Set<() => void>();

  /** Adds a room with its members (the first is usually the host). */
  addRoom(info: ChainRoomInfo, members: ChainRoomMember[]): void {
    this.rooms.set(info.id, info);
    this.roomMembers.set(
      info.id,
      new Map(members.map((member) => [accountKey(member.account), member])),
    );
  }

  /** Changes storage and emits the event, as a block would. */
  emit(event: RoomChainEvent, change?: () => void): void {
    change?.();

    for (const listener of this.#listeners) listener(event);
  }

  /** Removes a member from storage and emits its leave or kick. */
  removeMember(roomId: string, account: string, kind: 'left' | 'kicked' = 'left'): void {
    this.emit(
      kind === 'left' ? { kind, roomId, account } : { kind, roomId, account, by: account },
      () => this.roomMembers.get(roomId)?.delete(accountKey(account)),
    );
  }

  /** Calls the resync listeners, as after a reconnect. */
  resync(): void {
    for (const listener of this.#resyncs) listener();
  }

  async room(roomId: string): Promise<ChainRoomInfo | null> {
    await this.#maybeStall();

    return this.rooms.get(roomId) ?? null;
  }

  async member(roomId: string, account: string): Promise<ChainRoomMember | null> {
    await this.#maybeStall();

    return this.roomMembers.get(roomId)?.get(accountKey(account)) ?? null;
  }

  async members(roomId: string): Promise<ChainRoomMember[]> {
    await this.#maybeStall();

    return [...(this.roomMembers.get(roomId)?.values() ?? [])];
  }

  subscribe(listener: (event: RoomChainEvent) => void, onResync?: () => void): () => void {
    this.#listeners.add(listener);

    if (onResync !== undefined) this.#resyncs.add(onResync);

    return () => {
      this.#listeners.delete(listener);

      if (onResync !== undefined) this.#resyncs.delete(onResync);
    };
  }

  async transfers(blockHash: string): Promise<ChainTransfer[]> {
    return this.blocks.get(blockHash) ?? [];
  }

  async close(): Promise<void> {}

  async #maybeStall(): Promise<void> {
    if (this.stalled) await new Promise(() => {});
  }
}
