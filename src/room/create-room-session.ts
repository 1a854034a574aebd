import type { TxSender } from '../chain/types.js';
import { namedLogger } from '../client/logger.js';
import type { StardustClient } from '../client/stardust-client.js';
import { RoomSession } from './room-session.js';

/** Options of {@link createRoomSession}. */
export interface ClientRoomOptions {
  /**
   * Signs the room's extrinsics: the session proxy, or the wallet for a prompt each. Without
   * it the room's chain calls are skipped and moderator actions take effect at the server
   * only.
   */
  sender?: TxSender;
  /** Signs tips (`balances.transferKeepAlive`): the wallet. */
  tipSender?: TxSender;
  /** The name the room shows for this member. */
  nickname?: string;
}

/**
 * Returns a new session in the voice room `roomId` over the client's signaling and chain
 * connections, logging through the client's logger.
 *
 * @throws StardustError INVALID_STATE before `client.useWallet()`; INVALID_ARGUMENT for a
 *   malformed room id.
 */
export function createRoomSession(
  client: StardustClient,
  roomId: string,
  options: ClientRoomOptions = {},
): RoomSession {
  return new RoomSession({
    roomId,
    signaling: client.signaling,
    chain: client.chain,
    ...options,
    logger: namedLogger(client.logger, 'room'),
  });
}
