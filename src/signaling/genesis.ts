/**
 * Reads a chain's genesis hash with one JSON-RPC call (`chain_getBlockHash(0)`) over a
 * short-lived WebSocket, so a page can name its chain in the session delegation without
 * loading @polkadot/api.
 */
import { fromHex } from '../shared/bytes.js';
import { StardustError } from '../shared/errors.js';
import type { WebSocketFactory } from './signaling-client.js';

/**
 * Returns the genesis hash of the node at `url`.
 * @throws StardustError CHAIN_UNREACHABLE when the node does not reply within `timeoutMs`.
 */
export function fetchGenesisHash(
  url: string,
  WebSocketClass?: WebSocketFactory,
  timeoutMs = 10_000,
): Promise<Uint8Array> {
  const Factory = WebSocketClass ?? (globalThis.WebSocket as unknown as WebSocketFactory);

  return new Promise((resolve, reject) => {
    const socket = new Factory(url);
    const fail = (reason: string): void => {
      clearTimeout(timer);
      socket.onclose = null;
      socket.close();
      reject(
        new StardustError(
          'CHAIN_UNREACHABLE',
          `Could not read the genesis hash from ${url}: ${reason}.`,
        ),
      );
    };

    const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);

    socket.onopen = () =>
      socket.send(
        JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'chain_getBlockHash', params: [0] }),
      );
    socket.onmessage = (event) => {
      const text =
        typeof event.data === 'string'
          ? event.data
          : new TextDecoder().decode(event.data as ArrayBuffer);
      const result = (JSON.parse(text) as { result?: unknown }).result;

      if (typeof result !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(result)) {
        fail('the node returned no block hash');

        return;
      }

      clearTimeout(timer);
      socket.onclose = null;
      socket.close();
      resolve(fromHex(result));
    };

    socket.onclose = () => fail('the connection closed');
  });
}
