/**
 * TURN REST credentials (the coturn `use-auth-secret` scheme): the username is
 * `<expiry unix seconds>:<account>` and the password is base64(HMAC-SHA1(secret, username)),
 * so coturn checks them with the shared `static-auth-secret` and no database.
 */
import { createHmac } from 'node:crypto';

/** TURN credentials for one account. */
export interface TurnGrant {
  iceServers: Array<{ urls: string[]; username: string; credential: string }>;
  /** Milliseconds since the Unix epoch. */
  expiresAt: number;
}

/** Issues credentials valid for `ttlMs` from `now` for every URL in `urls`. */
export function issueTurnCredentials(
  secret: string,
  urls: readonly string[],
  account: string,
  now: number,
  ttlMs: number,
): TurnGrant {
  const expirySeconds = Math.floor((now + ttlMs) / 1000);
  const username = `${expirySeconds}:${account}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');

  return {
    iceServers: urls.length === 0 ? [] : [{ urls: [...urls], username, credential }],
    expiresAt: expirySeconds * 1000,
  };
}
