import type { ApiPromise } from '@polkadot/api';
import { pino, type Logger } from 'pino';

import { StardustError } from '../../../src/shared/errors.js';
import { isRoomRole, isSpeakingMode } from '../../../src/shared/room-rules.js';
import { normalizeAddress } from '../../../src/shared/ss58.js';
import type {
  ChainRoomInfo,
  ChainRoomMember,
  ChainTransfer,
  RoomChain,
  RoomChainEvent,
} from './room-chain.js';

/** Options of {@link PolkadotRoomChain.connect}. */
export interface PolkadotRoomChainOptions {
  /** WebSocket URL of the node, such as `ws://127.0.0.1:9944`. */
  url: string;
  logger?: Logger;
  /** Time to connect and load the metadata, in ms; 15,000 by default. */
  connectTimeoutMs?: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface EventShape {
  section: string;
  method: string;
  data: { toJSON(): Json; names?: string[] | null };
}

/**
 * {@link RoomChain} over `@polkadot/api`: reads VoiceRoom storage and follows the events of
 * every new block. The server keeps one of these per process.
 */
export class PolkadotRoomChain implements RoomChain {
  readonly #api: ApiPromise;
  readonly #logger: Logger;

  private constructor(api: ApiPromise, logger: Logger) {
    this.#api = api;
    this.#logger = logger;
  }

  /**
   * Connects to the node and checks that it has the VoiceRoom pallet.
   *
   * @throws StardustError CHAIN_UNREACHABLE when the node does not answer in time,
   *   CHAIN_PALLET_MISSING when it lacks VoiceRoom.
   */
  static async connect(options: PolkadotRoomChainOptions): Promise<PolkadotRoomChain> {
    const logger = options.logger ?? pino({ enabled: false });
    const { ApiPromise, WsProvider } = await import('@polkadot/api');
    const provider = new WsProvider(options.url, 1_000);
    const timeoutMs = options.connectTimeoutMs ?? 15_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StardustError(
              'CHAIN_UNREACHABLE',
              `The chain node at ${options.url} did not answer within ${timeoutMs} ms; check the URL and that the node runs.`,
            ),
          ),
        timeoutMs,
      );
    });

    try {
      const api = await Promise.race([ApiPromise.create({ provider, noInitWarn: true }), timeout]);

      if (api.query.voiceRoom?.roomMembers === undefined) {
        await api.disconnect();
        throw new StardustError(
          'CHAIN_PALLET_MISSING',
          `The chain at ${options.url} has no VoiceRoom pallet; rooms need a Stardust runtime or the devnet.`,
        );
      }

      return new PolkadotRoomChain(api, logger.child({ component: 'room-chain' }));
    } catch (error) {
      // Without this the provider keeps reconnecting and keeps the process alive.
      await provider.disconnect().catch(() => {});

      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async room(roomId: string): Promise<ChainRoomInfo | null> {
    const value = (await this.#api.query.voiceRoom!.rooms!(prefixed(roomId))).toJSON() as Json;

    return value === null ? null : toRoomInfo(value);
  }

  async member(roomId: string, account: string): Promise<ChainRoomMember | null> {
    const value = (
      await this.#api.query.voiceRoom!.roomMembers!(prefixed(roomId), account)
    ).toJSON() as Json;

    return value === null ? null : toMember(value);
  }

  async members(roomId: string): Promise<ChainRoomMember[]> {
    const entries = await this.#api.query.voiceRoom!.roomMembers!.entries(prefixed(roomId));

    return entries
      .map(([, value]) => value.toJSON() as Json)
      .filter((value) => value !== null)
      .map(toMember);
  }

  subscribe(listener: (event: RoomChainEvent) => void, onResync?: () => void): () => void {
    let stopped = false;
    let unsubscribe: (() => void) | undefined;
    let lostConnection = false;
    const onDisconnected = () => {
      lostConnection = true;
    };

    const onConnected = () => {
      if (!lostConnection) return;

      lostConnection = false;
      this.#logger.warn('chain connection is back: re-reading room memberships');
      onResync?.();
    };

    this.#api.on('disconnected', onDisconnected);
    this.#api.on('connected', onConnected);

    void (async () => {
      const stop = await this.#api.query.system!.events!((records: unknown) => {
        for (const record of records as Array<{ event: EventShape }>) {
          const event = toRoomEvent(record.event);

          if (event === undefined) continue;

          try {
            listener(event);
          } catch (error) {
            this.#logger.error({ err: error, event: event.kind }, 'room event listener threw');
          }
        }
      });

      if (stopped) (stop as unknown as () => void)();
      else unsubscribe = stop as unknown as () => void;
    })().catch((error: unknown) =>
      this.#logger.error({ err: error }, 'subscribing to chain events failed'),
    );

    return () => {
      stopped = true;
      unsubscribe?.();
      this.#api.off('disconnected', onDisconnected);
      this.#api.off('connected', onConnected);
    };
  }

  async transfers(blockHash: string): Promise<ChainTransfer[]> {
    const at = await this.#api.at(blockHash);
    const records = (await at.query.system!.events!()) as unknown as Array<{ event: EventShape }>;
    const transfers: ChainTransfer[] = [];

    for (const { event } of records) {
      if (event.section !== 'balances' || event.method !== 'Transfer') continue;

      const [from, to, amount] = event.data.toJSON() as [string, string, number | string];

      transfers.push({
        from: normalizeAddress(from),
        to: normalizeAddress(to),
        amount: BigInt(amount),
      });
    }

    return transfers;
  }

  async close(): Promise<void> {
    await this.#api.disconnect();
  }
}

function prefixed(roomId: string): string {
  return roomId.startsWith('0x') ? roomId : `0x${roomId}`;
}

function bare(hex: string): string {
  return (hex.startsWith('0x') ? hex.slice(2) : hex).toLowerCase();
}

/** Reads the JSON of a `Room` struct as polkadot-js returns it (camelCase keys). */
export function toRoomInfo(value: Json): ChainRoomInfo {
  const room = value as Record<string, Json>;
  const config = room.config as Record<string, Json>;
  const mode = config.speakingMode;

  if (!isSpeakingMode(mode)) throw shape('Room.config.speakingMode', mode);

  return {
    id: bare(String(room.id)),
    name: utf8OfHex(String(room.name)),
    host: normalizeAddress(String(room.host)),
    maxMembers: Number(config.maxMembers),
    isPublic: config.isPublic === true,
    speakingMode: mode,
    memberCount: Number(room.memberCount),
    isActive: room.isActive === true,
  };
}

/** Reads the JSON of a `RoomMember` struct. */
export function toMember(value: Json): ChainRoomMember {
  const member = value as Record<string, Json>;
  const role = member.role;

  if (!isRoomRole(role)) throw shape('RoomMember.role', role);

  return {
    account: normalizeAddress(String(member.account)),
    role,
    isMuted: member.isMuted === true,
  };
}

/** Returns the room event of a chain event, or undefined for events rooms do not follow. */
export function toRoomEvent(event: EventShape): RoomChainEvent | undefined {
  if (event.section !== 'voiceRoom') return undefined;

  const data = event.data.toJSON() as Json[];
  const roomId = bare(String(data[0]));
  const account = (index: number) => normalizeAddress(String(data[index]));

  switch (event.method) {
    case 'UserJoined':
      return { kind: 'joined', roomId, account: account(1) };
    case 'UserLeft':
      return { kind: 'left', roomId, account: account(1) };
    case 'UserKicked':
      return { kind: 'kicked', roomId, account: account(1), by: account(2) };
    case 'UserMuted':
      return { kind: 'muted', roomId, account: account(1), muted: data[2] === true };
    case 'RoleChanged': {
      const role = data[2];

      return isRoomRole(role) ? { kind: 'role', roomId, account: account(1), role } : undefined;
    }
    case 'HostChanged':
      return { kind: 'host', roomId, account: account(1) };
    case 'SpeakingModeChanged': {
      const mode = data[1];

      return isSpeakingMode(mode) ? { kind: 'mode', roomId, mode } : undefined;
    }
    case 'RoomClosed':
      return { kind: 'closed', roomId };
    default:
      return undefined;
  }
}

function utf8OfHex(hex: string): string {
  return new TextDecoder().decode(Buffer.from(bare(hex), 'hex'));
}

function shape(what: string, value: unknown): StardustError {
  return new StardustError(
    'CHAIN_PALLET_MISSING',
    `The chain's ${what} is ${JSON.stringify(value)}, which the Stardust VoiceRoom interface does not define; the runtime differs from it.`,
  );
}
