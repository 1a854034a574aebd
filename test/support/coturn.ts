// coturn for relay tests: the launcher `stardust-voice dev` uses, and the TURN REST
// credentials a test computes to check what the signaling server hands out.
import { createHmac } from 'node:crypto';

export { startCoturn, type Coturn, type CoturnOptions } from '../../server/stack/coturn.js';

/**
 * Returns TURN REST credentials: username `${expiry}:${account}` (expiry in Unix seconds)
 * and password base64(HMAC-SHA1(secret, username)), as coturn's `use-auth-secret` expects.
 */
export function turnRestCredentials(
  secret: string,
  account: string,
  ttlSeconds: number,
  nowMs = Date.now(),
): { username: string; credential: string } {
  const username = `${Math.floor(nowMs / 1000) + ttlSeconds}:${account}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');

  return { username, credential };
}
