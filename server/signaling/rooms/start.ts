import { pino, type Logger } from 'pino';

import { JanusPool } from '../janus/pool.js';
import type { JanusServerConfig, TalkingOptions } from '../janus/types.js';
import type { RoomHandler } from '../room-handler.js';
import { PolkadotRoomChain } from './polkadot-room-chain.js';
import { RoomService, type RoomServiceOptions } from './room-service.js';

/** Options of {@link startRoomHandler}. */
export interface RoomHandlerOptions {
  /** WebSocket URL of the chain node memberships are read from. */
  chainUrl: string;
  /** Janus servers for room media; without any, rooms of up to six use the peer mesh. */
  janus?: JanusServerConfig[];
  /** The server secret each room's Janus secret is derived from; see {@link RoomServiceOptions}. */
  secretKey?: string;
  talking?: TalkingOptions;
  logger?: Logger;
  /** Further options of the room service. */
  service?: Partial<RoomServiceOptions>;
}

/** A room handler that owns its chain connection and Janus pool. */
export interface StartedRoomHandler extends RoomHandler {
  readonly service: RoomService;
  readonly pool: JanusPool | undefined;
}

/**
 * Connects to the chain (and to Janus, when configured) and returns the room handler for
 * `startSignalingServer({ roomHandler })`. Its `close()`, which the signaling server calls
 * when it stops, closes both.
 *
 * A Janus server that cannot be reached at start does not stop the handler: the pool keeps
 * reconnecting, and joins fail with ROOM_MEDIA_DISCONNECTED meanwhile.
 *
 * @throws StardustError CHAIN_UNREACHABLE, CHAIN_PALLET_MISSING.
 */
export async function startRoomHandler(options: RoomHandlerOptions): Promise<StartedRoomHandler> {
  const logger = options.logger ?? pino({ enabled: false });
  const chain = await PolkadotRoomChain.connect({ url: options.chainUrl, logger });
  let pool: JanusPool | undefined;

  if (options.janus !== undefined && options.janus.length > 0) {
    pool = new JanusPool({ servers: options.janus, logger, talking: options.talking });

    try {
      await pool.connect();
    } catch (error) {
      logger.warn({ err: error }, 'no Janus server reachable yet; rooms wait for one');
    }
  }

  const service = new RoomService({
    chain,
    janus: pool,
    janusSecretKey: options.secretKey,
    talking: options.talking,
    logger,
    ...options.service,
  });

  return {
    service,
    pool,
    handle: (member, message, frame, server) => service.handle(member, message, frame, server),
    disconnected: (member, server) => service.disconnected(member, server),
    async close() {
      await service.close();
      await pool?.close();
      await chain.close();
    },
  };
}
