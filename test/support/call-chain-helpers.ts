// Helpers for tests of the call chain recorder against the devnet: raw JSON-RPC for the
// devnet's dev_* methods, and waiting for a call record to reach a state.
import WebSocket from 'ws';

import type { CallChainRecord, CallChainRecorder } from '../../src/call/call-chain.js';
import type { CallSession } from '../../src/call/call-session.js';

/** Sends one JSON-RPC request over a fresh WebSocket (for the devnet's dev_* methods). */
export function devnetRpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const socket = new WebSocket(url);

  return new Promise((resolve, reject) => {
    socket.once('open', () =>
      socket.send(JSON.stringify({ id: 1, jsonrpc: '2.0', method, params })),
    );
    socket.once('message', (data) => {
      const reply = JSON.parse(String(data)) as { result?: unknown; error?: unknown };

      socket.close();

      if (reply.error !== undefined) reject(new Error(JSON.stringify(reply.error)));
      else resolve(reply.result);
    });
    socket.once('error', reject);
  });
}

/**
 * Resolves with a copy of the first record of `session` that `done` accepts, the current one
 * included. The copy keeps the values of that moment, because the recorder updates its records.
 */
export function recordReaches(
  recorder: CallChainRecorder,
  session: CallSession,
  done: (record: CallChainRecord) => boolean,
): Promise<CallChainRecord> {
  const current = recorder.record(session);

  if (current !== null && done(current)) return Promise.resolve({ ...current });

  return new Promise((resolve) => {
    const off = recorder.on('record', () => {
      const record = recorder.record(session)!;

      if (!done(record)) return;

      off();
      resolve({ ...record });
    });
  });
}
