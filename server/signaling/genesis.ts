/**
 * Reads the genesis hash from a chain node with one plain JSON-RPC call
 * (`chain_getBlockHash(0)`), over WebSocket or HTTP, without loading @polkadot/api.
 */
import WebSocket from 'ws';

/**
 * Returns the genesis hash of the node at `url` (ws, wss, http or https).
 * @throws Error when the node cannot be reached in `timeoutMs` or answers with an error.
 */
export async function fetchGenesisHash(url: string, timeoutMs = 10_000): Promise<Uint8Array> {
  const request = { id: 1, jsonrpc: '2.0', method: 'chain_getBlockHash', params: [0] };
  const protocol = new URL(url).protocol;
  const response =
    protocol === 'ws:' || protocol === 'wss:'
      ? await overWebSocket(url, request, timeoutMs)
      : await overHttp(url, request, timeoutMs);
  const result = (response as { result?: unknown; error?: { message?: string } }).result;

  if (typeof result !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(result)) {
    const reason =
      (response as { error?: { message?: string } }).error?.message ??
      'no block hash in the answer';

    throw new Error(`chain_getBlockHash(0) on ${url} failed: ${reason}`);
  }

  return new Uint8Array(Buffer.from(result.slice(2), 'hex'));
}

async function overHttp(url: string, request: object, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(timeoutMs),
  });

  return response.json();
}

function overWebSocket(url: string, request: object, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`chain node ${url} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);

    socket.once('open', () => socket.send(JSON.stringify(request)));
    socket.once('message', (data) => {
      clearTimeout(timer);
      socket.close();

      try {
        resolve(JSON.parse(data.toString()));
      } catch (error) {
        reject(error);
      }
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`chain node ${url} unreachable: ${error.message}`));
    });
  });
}
