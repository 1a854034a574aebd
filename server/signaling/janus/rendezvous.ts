import { createHash } from 'node:crypto';

/**
 * Returns `servers` ordered by preference for `roomId`, by rendezvous (highest random
 * weight) hashing: each server scores sha256(name, room id) and the highest score comes
 * first. Every signaling instance computes the same order from the same names, and adding
 * or removing a server moves only the rooms that rank it first.
 */
export function rankServers(roomId: string, servers: readonly string[]): string[] {
  return servers
    .map((name) => ({ name, score: score(name, roomId) }))
    .sort(byScoreThenName)
    .map(({ name }) => name);
}

function byScoreThenName(
  a: { name: string; score: bigint },
  b: { name: string; score: bigint },
): number {
  if (a.score !== b.score) return a.score > b.score ? -1 : 1;

  return a.name.localeCompare(b.name);
}

function score(server: string, roomId: string): bigint {
  // A zero byte separates the parts, so ("ab", "c") and ("a", "bc") hash differently.
  return createHash('sha256')
    .update(server)
    .update('\0')
    .update(roomId)
    .digest()
    .readBigUInt64BE(0);
}
