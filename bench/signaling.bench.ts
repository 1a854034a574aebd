/**
 * `signaling`: relay throughput and latency with every server check on, against a bare `ws`
 * relay that forwards the same frames, and the same in strict mode. It also measures the
 * receiving SDK's verification rate in Chromium, the memory per idle authenticated
 * connection at 5,000 connections, and the real histogram of a 200-client reconnect storm.
 *
 * Servers and the idle connections run in child processes under a raised `ulimit -n`; the
 * measuring clients run here, so both relays face the same client cost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import WebSocket from 'ws';

import { encodePayload, SignalType } from '../src/shared/codec.js';
import { SignalingClient, type WebSocketFactory } from '../src/signaling/signaling-client.js';
import { memorySessionStorage, SessionManager } from '../src/wallet/session.js';
import { startSignalingServer } from '../server/signaling/server.js';
import { launchChromium } from '../test/support/browser.js';
import { startStaticServer } from '../test/support/static-server.js';
import { RawClient, TEST_GENESIS, TEST_ORIGIN } from '../test/support/raw-signal-client.js';
import { ed25519Wallet } from '../test/support/signers.js';
import type { BenchEntry } from './entry.js';
import { quantile, round } from './entry.js';

const PAIRS = 4;
const FRAMES_PER_PAIR = 10_000;
const WINDOW = 200;
const IDLE_CONNECTIONS = 5000;
const STORM_CLIENTS = 200;
const STORM_DOWN_MS = 2000;
const UNLIMITED = { perSecond: 1e9, burst: 1e9 };
const CHILD = fileURLToPath(new URL('./signaling-child.ts', import.meta.url));

interface Child {
  process: ChildProcess;
  ready: { url?: string; count?: number };
  request<T>(message: string, key: string): Promise<T>;
  stop(): Promise<void>;
}

/** Starts a child of signaling-child.ts with `ulimit -n` raised for 5,000+ sockets. */
async function startChild(args: string[]): Promise<Child> {
  const command = `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "${process.execPath}" --import tsx --expose-gc "${CHILD}" "$@"`;
  const child = spawn('sh', ['-c', command, 'sh', ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Child['ready']>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`benchmark child ${args[0]} exited with ${code}`)),
    );
    child.on('message', (message: { ready?: boolean }) => {
      if (message.ready === true) resolve(message as Child['ready']);
    });
  });

  return {
    process: child,
    ready,
    request: (message, key) =>
      new Promise((resolve) => {
        const listener = (answer: Record<string, unknown>): void => {
          if (!(key in answer)) return;

          child.off('message', listener);
          resolve(answer[key] as never);
        };

        child.on('message', listener);
        child.send(message);
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();

        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface RelayResult {
  msgsPerS: number;
  latencies: number[];
}

/** Opens one sender and one receiver per pair on `url`; `setup` makes them able to talk. */
async function relayRun(
  openPair: (
    pair: number,
  ) => Promise<{ sender: WebSocket; receiver: WebSocket; frames: Uint8Array[] }>,
): Promise<RelayResult> {
  const pairs = await Promise.all(Array.from({ length: PAIRS }, (_, pair) => openPair(pair)));
  const latencies: number[] = [];
  const started = performance.now();

  await Promise.all(
    pairs.map(
      ({ sender, receiver, frames }) =>
        new Promise<void>((resolve) => {
          const sentAt = new Float64Array(frames.length);
          let next = 0;
          let received = 0;
          const pump = (): void => {
            while (next < frames.length && next - received < WINDOW) {
              sentAt[next] = performance.now();
              sender.send(frames[next]!);
              next += 1;
            }
          };

          receiver.on('message', () => {
            latencies.push(performance.now() - sentAt[received]!);
            received += 1;

            if (received === frames.length) resolve();
            else pump();
          });
          pump();
        }),
    ),
  );

  const elapsed = performance.now() - started;

  for (const { sender, receiver } of pairs) {
    sender.terminate();
    receiver.terminate();
  }

  return { msgsPerS: (PAIRS * FRAMES_PER_PAIR * 1000) / elapsed, latencies };
}

/** Generates an Ed25519 session key pair that signs with node:crypto. */
function nodeKeyPair(): { publicKey: Uint8Array; sign(bytes: Uint8Array): Uint8Array } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');

  return {
    publicKey: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)),
    sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
  };
}

/** Builds one signed ICE candidate frame per message of a call from `caller` to `callee`. */
function candidateFrames(caller: RawClient, callee: RawClient, callId: string): Uint8Array[] {
  const payload = encodePayload(SignalType.ICE_CANDIDATE, {
    candidate:
      'candidate:842163049 1 udp 1677729535 127.0.0.1 54321 typ srflx raddr 0.0.0.0 rport 0 generation 0',
    sdpMid: '0',
    sdpMlineIndex: 0,
  });

  return Array.from({ length: FRAMES_PER_PAIR }, () =>
    caller.frame({ type: SignalType.ICE_CANDIDATE, to: callee.address, callId, payload }),
  );
}

async function ourRelay(strict: boolean): Promise<RelayResult> {
  const server = await startChild([
    'server',
    JSON.stringify({
      genesisHash: `0x${'42'.repeat(32)}`,
      verifyEveryMessage: strict,
      socketRate: UNLIMITED,
      accountRate: UNLIMITED,
      maxNoncesPerAccount: 1e6,
    }),
  ]);

  try {
    return await relayRun(async (pair) => {
      // node:crypto signs the 10,000 frames of a pair in well under a second, so none is
      // stale (older than the 30 s window) when it is sent.
      const caller = await RawClient.connect(server.ready.url!, { session: nodeKeyPair() });
      const callee = await RawClient.connect(server.ready.url!, { session: nodeKeyPair() });
      const callId = `bench${pair}`;

      caller.send({
        type: SignalType.CALL_INVITE,
        to: callee.address,
        callId,
        payload: encodePayload(SignalType.CALL_INVITE, { delegation: caller.delegation }),
      });
      await callee.next(SignalType.CALL_INVITE);
      callee.send({ type: SignalType.CALL_ACCEPT, to: caller.address, callId });
      await caller.next(SignalType.CALL_ACCEPT);

      return {
        sender: caller.socket,
        receiver: callee.socket,
        frames: candidateFrames(caller, callee, callId),
      };
    });
  } finally {
    await server.stop();
  }
}

async function bareRelay(): Promise<RelayResult> {
  const relay = await startChild(['relay']);
  const signer = await RawClient.connect((await startChildless()).url, { session: nodeKeyPair() });

  try {
    return await relayRun(async (pair) => {
      const open = async (role: string): Promise<WebSocket> => {
        const socket = new WebSocket(`${relay.ready.url}?pair=${pair}&role=${role}`);

        await new Promise((resolve) => socket.once('open', resolve));

        return socket;
      };

      const receiver = await open('receive');

      return {
        sender: await open('send'),
        receiver,
        frames: candidateFrames(signer, signer, `bench${pair}`),
      };
    });
  } finally {
    await signer.close();
    await childless?.close();
    await relay.stop();
  }
}

// The bare relay needs signed frames of the same size as ours: a throwaway in-process
// server only authenticates the client that signs them.
let childless: Awaited<ReturnType<typeof startSignalingServer>> | undefined;

async function startChildless(): Promise<{ url: string }> {
  childless = await startSignalingServer({
    port: 0,
    genesisHash: TEST_GENESIS,
    logLevel: 'silent',
  });

  return { url: childless.url };
}

/** Verifications per second by the SDK's peer path, and by bare WebCrypto, in Chromium. */
async function peerVerifies(): Promise<{ sdk: number; webcrypto: number }> {
  const bundle = await build({
    stdin: {
      contents: `
        import { signalSigningBytes } from './src/shared/signing.ts';
        import { Ed25519Verifier } from './src/signaling/ed25519-web.ts';
        window.benchVerify = async (durationMs) => {
          const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
          const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
          const fields = { type: 12, from: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', to: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', callId: '00112233445566778899aabbccddeeff', roomId: '', timestamp: 1700000000000n, nonce: new Uint8Array(16), sessionKey: publicKey, payload: new Uint8Array(120) };
          const bytes = signalSigningBytes(fields);
          const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, bytes));
          const verifier = new Ed25519Verifier();
          const rate = async (body) => {
            let count = 0;
            const start = performance.now();
            while (performance.now() - start < durationMs) { await body(); count += 1; }
            return (count * 1000) / (performance.now() - start);
          };
          const sdk = await rate(() => verifier.verify(signalSigningBytes(fields), signature, publicKey));
          const webcrypto = await rate(() => crypto.subtle.verify({ name: 'Ed25519' }, pair.publicKey, signature, bytes));
          return { sdk, webcrypto };
        };`,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  // WebCrypto needs a secure context: a page on 127.0.0.1, not about:blank.
  const pages = await startStaticServer({
    pages: {
      '/verify.html': {
        body: '<!doctype html><title>verify</title>',
        headers: { 'content-type': 'text/html' },
      },
    },
  });
  const browser = await launchChromium();

  try {
    const page = await browser.newPage();

    await page.goto(`${pages.origin}/verify.html`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });

    return await page.evaluate(() =>
      (
        window as unknown as {
          benchVerify(ms: number): Promise<{ sdk: number; webcrypto: number }>;
        }
      ).benchVerify(2000),
    );
  } finally {
    await browser.close();
    await pages.close();
  }
}

/** Memory of the server process per idle authenticated connection. */
async function bytesPerConnection(): Promise<{ rss: number; heap: number }> {
  const server = await startChild([
    'server',
    JSON.stringify({ genesisHash: `0x${'42'.repeat(32)}` }),
  ]);

  try {
    const before = await server.request<NodeJS.MemoryUsage>('measure', 'memory');
    const idle = await startChild(['idle', server.ready.url!, String(IDLE_CONNECTIONS)]);
    const after = await server.request<NodeJS.MemoryUsage>('measure', 'memory');

    await idle.stop();

    return {
      rss: (after.rss - before.rss) / IDLE_CONNECTIONS,
      heap:
        (after.heapUsed + after.external - before.heapUsed - before.external) / IDLE_CONNECTIONS,
    };
  } finally {
    await server.stop();
  }
}

/** 200 real clients lose their server (1012), find it down for 2 s, and come back. */
async function reconnectStorm(): Promise<Record<string, unknown>> {
  let server = await startSignalingServer({
    port: 0,
    genesisHash: TEST_GENESIS,
    logLevel: 'silent',
  });
  const port = Number(new URL(server.url).port);
  const attempts: number[] = [];
  let restartAt = 0;
  const Counted = class extends WebSocket {
    constructor(url: string) {
      super(url);
      attempts.push(performance.now() - restartAt);
    }
  } as unknown as WebSocketFactory;
  const clients = Array.from(
    { length: STORM_CLIENTS },
    () =>
      new SignalingClient({
        url: server.url,
        WebSocket: Counted,
        session: new SessionManager({
          wallet: ed25519Wallet(),
          genesisHash: TEST_GENESIS,
          origin: TEST_ORIGIN,
          storage: memorySessionStorage(),
        }),
      }),
  );

  await Promise.all(clients.map((client) => client.connect()));

  const back = clients.map((client) =>
    client.once('authenticated').then(() => performance.now() - restartAt),
  );

  attempts.length = 0;
  restartAt = performance.now();
  await server.close();
  await new Promise((resolve) => setTimeout(resolve, STORM_DOWN_MS));
  server = await startSignalingServer({ port, genesisHash: TEST_GENESIS, logLevel: 'silent' });

  const reconnected = await Promise.all(back);

  await Promise.all(clients.map((client) => client.close()));
  await server.close();

  const histogram: Record<string, number> = {};

  for (const at of attempts) {
    const bucket = `${Math.floor(at / 500) * 500}`;

    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
  }

  return {
    storm_clients: STORM_CLIENTS,
    storm_down_ms: STORM_DOWN_MS,
    storm_attempts: attempts.length,
    storm_max_100ms_pct: round((100 * maxInWindow(attempts, 100)) / attempts.length),
    storm_reconnected_p50_ms: Math.round(quantile(reconnected, 0.5)),
    storm_reconnected_p99_ms: Math.round(quantile(reconnected, 0.99)),
    storm_histogram_500ms: histogram,
  };
}

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;

  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1;

    best = Math.max(best, end - start + 1);
  }

  return best;
}

export const signalingBench: BenchEntry = {
  async run() {
    const bare = await bareRelay();
    const ours = await ourRelay(false);
    const strict = await ourRelay(true);
    const verifies = await peerVerifies();
    const memory = await bytesPerConnection();
    const storm = await reconnectStorm();

    return {
      pairs: PAIRS,
      frames: PAIRS * FRAMES_PER_PAIR,
      msgs_per_s: Math.round(ours.msgsPerS),
      ws_msgs_per_s: Math.round(bare.msgsPerS),
      ratio_vs_ws: round(ours.msgsPerS / bare.msgsPerS),
      p50_ms: round(quantile(ours.latencies, 0.5), 3),
      p99_ms: round(quantile(ours.latencies, 0.99), 3),
      ws_p50_ms: round(quantile(bare.latencies, 0.5), 3),
      ws_p99_ms: round(quantile(bare.latencies, 0.99), 3),
      strict_msgs_per_s: Math.round(strict.msgsPerS),
      strict_ratio_vs_ws: round(strict.msgsPerS / bare.msgsPerS),
      peer_verifies_per_s: Math.round(verifies.sdk),
      webcrypto_verifies_per_s: Math.round(verifies.webcrypto),
      peer_verify_ratio: round(verifies.sdk / verifies.webcrypto),
      idle_connections: IDLE_CONNECTIONS,
      bytes_per_conn: Math.round(memory.rss),
      heap_bytes_per_conn: Math.round(memory.heap),
      ...storm,
      floors: {
        ws_msgs_per_s: `bare ws relay (one process, no checks) forwarding the same signed frames, ${PAIRS} pairs, window ${WINDOW}`,
        ws_p50_ms: 'latency of the same bare ws relay',
        webcrypto_verifies_per_s:
          'crypto.subtle.verify Ed25519 alone over prebuilt bytes in the same Chromium',
        bytes_per_conn: `RSS growth of the server process after GC, over ${IDLE_CONNECTIONS} idle authenticated connections`,
        storm_max_100ms_pct:
          'share of reconnection attempts in the busiest 100 ms window (test bound: under 10)',
      },
    };
  },
};
