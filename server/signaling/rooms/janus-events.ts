import type { Logger } from 'pino';

import { accountKey } from '../../../src/shared/ss58.js';
import type { JanusPool } from '../janus/pool.js';
import type { JanusEvents } from '../janus/types.js';
import type { LiveRoom } from './live-room.js';

/**
 * Applies the Janus pool's events to the served rooms. Talking changes become speaking
 * indicators, and a member whose media ended is marked disconnected. The rooms of a lost
 * Janus server stay in the `reconnecting` media state until it is back and they are
 * restored. Returns the function that stops.
 */
export function watchJanusEvents(
  pool: JanusPool,
  rooms: ReadonlyMap<string, LiveRoom>,
  logger: Logger,
): () => void {
  const onTalking = ({ roomId, memberId, talking }: JanusEvents['talking'][0]) => {
    const room = rooms.get(roomId);
    const session = room?.sessions.get(memberId);

    if (room === undefined || session === undefined) return;

    if (room.policy.setTalking(session.account, talking)) room.speakingChanged();
  };

  const onLeft = ({ roomId, memberId, reason }: JanusEvents['memberLeft'][0]) => {
    const room = rooms.get(roomId);
    const session = room?.sessions.get(memberId);

    if (room === undefined || session === undefined || reason === 'connection-lost') return;

    room.janus?.mediaEnded(memberId);

    if (room.policy.has(session.account)) room.policy.setConnected(session.account, false);

    room.changed();
  };

  const onDisconnected = ({ server }: JanusEvents['disconnected'][0]) => {
    for (const room of rooms.values()) {
      if (room.janus?.server !== server) continue;

      room.mediaState = 'reconnecting';

      for (const session of room.sessions.values()) {
        room.janus.mediaEnded(accountKey(session.account));

        if (room.policy.has(session.account)) room.policy.setConnected(session.account, false);
      }

      room.changed();
      logger.warn(
        { roomId: room.id, server },
        'media server lost: members reconnect when it is back',
      );
    }
  };

  const onReconnected = ({ server, recreatedRooms }: JanusEvents['reconnected'][0]) => {
    for (const room of rooms.values()) {
      if (room.janus?.server !== server || room.mediaState === 'ready') continue;

      void room.janus
        .restore(recreatedRooms.includes(room.id))
        .then(() => {
          room.mediaState = 'ready';
          room.changed();
          logger.info({ roomId: room.id, server }, 'media server back: members rejoin');
        })
        .catch((error: unknown) =>
          logger.error({ err: error, roomId: room.id, server }, 'restoring a Janus room failed'),
        );
    }
  };

  pool.on('talking', onTalking);
  pool.on('memberLeft', onLeft);
  pool.on('disconnected', onDisconnected);
  pool.on('reconnected', onReconnected);

  return () => {
    pool.off('talking', onTalking);
    pool.off('memberLeft', onLeft);
    pool.off('disconnected', onDisconnected);
    pool.off('reconnected', onReconnected);
  };
}
