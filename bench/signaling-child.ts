/**
 * Child processes of the signaling benchmark, each started under a raised `ulimit -n`:
 *
 * - `server OPTIONS_JSON`: our signaling server;
 * - `relay`: a bare `ws` relay that forwards each sender's frames to its paired receiver,
 *   the floor of the relay benchmark;
 * - `idle URL COUNT`: COUNT authenticated connections that stay idle.
 *
 * They talk to the benchmark over the IPC channel: `{ ready, url }` once listening or
 * connected, and `{ memory }` (after a forced GC) when asked `measure`.
 */
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';

import WebSocket, { WebSocketServer } from 'ws';

import {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  SignalType,
} from '../src/shared/codec.js';
import { createDelegation } from '../src/shared/delegation.js';
import { challengeSigningBytes } from '../src/shared/signing.js';
import { encodeAddress } from '../src/shared/ss58.js';
import { startSignalingServer } from '../server/signaling/server.js';

const [mode, ...args] = process.argv.slice(2);

function send(message: object): void {
  process.send!(message);
}

function memory(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;

  for (let i = 0; i < 3; i += 1) gc?.();

  return process.memoryUsage();
}

process.on('message', (message: unknown) => {
  if (message === 'measure') send({ memory: memory() });

  if (message === 'exit') process.exit(0);
});
process.on('disconnect', () => process.exit(0));

if (mode === 'server') {
  const server = await startSignalingServer({
    ...JSON.parse(args[0]!),
    port: 0,
    logLevel: 'silent',
  });

  send({ ready: true, url: server.url });
} else if (mode === 'relay') {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  const receivers = new Map<string, WebSocket>();

  wss.on('connection', (socket, request) => {
    const params = new URL(request.url ?? '/', 'http://x').searchParams;
    const pair = params.get('pair')!;

    if (params.get('role') === 'receive') receivers.set(pair, socket);
    else socket.on('message', (data: Buffer) => receivers.get(pair)?.send(data));
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  send({ ready: true, url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/` });
} else if (mode === 'idle') {
  const sockets = await openIdle(args[0]!, Number(args[1]));

  send({ ready: true, count: sockets.length });
} else {
  throw new Error(`unknown mode ${mode}`);
}

/** Opens `count` authenticated connections, 200 at a time. */
async function openIdle(url: string, count: number): Promise<WebSocket[]> {
  const genesisHash = new Uint8Array(32).fill(0x42);
  const sockets: WebSocket[] = [];

  for (let start = 0; start < count; start += 200) {
    const batch = Array.from({ length: Math.min(200, count - start) }, () =>
      connectOne(url, genesisHash),
    );

    sockets.push(...(await Promise.all(batch)));
  }

  return sockets;
}

async function connectOne(url: string, genesisHash: Uint8Array): Promise<WebSocket> {
  const wallet = ed25519Key();
  const session = ed25519Key();
  const socket = new WebSocket(url);
  const delegation = await createDelegation({
    wallet: {
      address: encodeAddress(wallet.publicKey),
      keyType: 'ed25519',
      signRaw: async (bytes) => ({ signature: wallet.sign(bytes), wrapped: false }),
    },
    sessionPublicKey: session.publicKey,
    genesisHash,
    origin: 'http://127.0.0.1:5173',
    now: Date.now(),
  });

  await new Promise<void>((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      const message = decodeSignal(data);

      if (message.type === SignalType.AUTH_CHALLENGE) {
        const challenge = decodePayload(SignalType.AUTH_CHALLENGE, message.payload);
        const challengeSignature = session.sign(
          challengeSigningBytes(challenge.challenge!, delegation.account, challenge.serverId!),
        );

        socket.send(
          encodeSignal({
            type: SignalType.AUTH_RESPONSE,
            payload: encodePayload(SignalType.AUTH_RESPONSE, { delegation, challengeSignature }),
          }),
        );
      } else if (message.type === SignalType.AUTH_OK) {
        resolve();
      } else {
        reject(
          new Error(
            `authentication failed: ${JSON.stringify(decodePayload(SignalType.ERROR, message.payload))}`,
          ),
        );
      }
    });
    socket.once('error', reject);
  });

  return socket;
}

/** Generates an Ed25519 key pair that signs with node:crypto. */
function ed25519Key(): { publicKey: Uint8Array; sign(bytes: Uint8Array): Uint8Array } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const key = createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));

  return {
    publicKey: new Uint8Array(raw),
    sign: (bytes) => new Uint8Array(sign(null, bytes, key)),
  };
}
