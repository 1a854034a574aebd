/**
 * `proto`: SignalMessage encode and decode throughput with the generated protobuf code,
 * against JSON.stringify / JSON.parse of the same data as the floor.
 */
import Long from 'long';

import { voice } from '../proto/gen/voice.js';
import type { BenchEntry } from './entry.js';
import { round, throughput } from './entry.js';

const BATCH = 1000;

export const protoBench: BenchEntry = {
  async run() {
    // A typical ICE candidate message: the most frequent frame during call setup.
    const candidate = voice.IceCandidate.encode({
      candidate:
        'candidate:842163049 1 udp 1677729535 127.0.0.1 54321 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag 4ZcD network-cost 999',
      sdpMid: '0',
      sdpMlineIndex: 0,
    }).finish();
    const fields = {
      type: voice.SignalType.ICE_CANDIDATE,
      from: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      to: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
      callId: '5f1c9a0e3b7d4c2a8e6f0b1d2c3a4f5e',
      payload: candidate,
      timestamp: Long.fromNumber(Date.now()),
      nonce: new Uint8Array(16).fill(7),
      sessionKey: new Uint8Array(32).fill(9),
      signature: new Uint8Array(64).fill(3),
    };
    // The JSON floor carries the same data, binary fields as base64 as a JSON API would.
    const jsonFields = {
      ...fields,
      timestamp: fields.timestamp.toString(),
      payload: Buffer.from(candidate).toString('base64'),
      nonce: Buffer.from(fields.nonce).toString('base64'),
      sessionKey: Buffer.from(fields.sessionKey).toString('base64'),
      signature: Buffer.from(fields.signature).toString('base64'),
    };
    const encoded = voice.SignalMessage.encode(fields).finish();
    const json = JSON.stringify(jsonFields);

    const encodePerS = throughput(() => {
      for (let i = 0; i < BATCH; i += 1) voice.SignalMessage.encode(fields).finish();

      return BATCH;
    });
    const jsonEncodePerS = throughput(() => {
      for (let i = 0; i < BATCH; i += 1) JSON.stringify(jsonFields);

      return BATCH;
    });
    const decodePerS = throughput(() => {
      for (let i = 0; i < BATCH; i += 1) voice.SignalMessage.decode(encoded);

      return BATCH;
    });
    const jsonDecodePerS = throughput(() => {
      for (let i = 0; i < BATCH; i += 1) JSON.parse(json);

      return BATCH;
    });

    return {
      encode_per_s: Math.round(encodePerS),
      json_encode_per_s: Math.round(jsonEncodePerS),
      encode_ratio: round(encodePerS / jsonEncodePerS),
      decode_per_s: Math.round(decodePerS),
      json_decode_per_s: Math.round(jsonDecodePerS),
      decode_ratio: round(decodePerS / jsonDecodePerS),
      frame_bytes: encoded.length,
      json_bytes: json.length,
      floors: {
        json_encode_per_s: 'JSON.stringify of the same message, binary fields as base64',
        json_decode_per_s: 'JSON.parse of the same message',
      },
    };
  },
};
