/**
 * The voice message pieces that ride on signaling: the key directory reached with
 * KEYS_PUBLISH / KEYS_LOOKUP requests, the live VOICE_MESSAGE notice, and the canonical
 * device binding of `src/shared/device-keys.ts` that the server and senders both check.
 */
import { voice } from '../../proto/gen/voice.js';
import { SignalType } from '../shared/codec.js';
import {
  deviceBindingBytes,
  prekeySigningBytes,
  verifyDeviceBundle,
} from '../shared/device-keys.js';
import type { SignalingClient } from '../signaling/signaling-client.js';
import type { VoiceNotice } from './chain-delivery.js';
import type { DeviceBinding, KeyDirectoryClient } from './voice-messages.js';

/** The canonical device binding: wallet statement, prekey bytes and bundle checks. */
export const canonicalDeviceBinding: DeviceBinding = {
  statement: (fields) => deviceBindingBytes(fields),
  prekeyBytes: (fields) => prekeySigningBytes(fields),
  verify: (bundle, now) => verifyDeviceBundle(bundle as never, { now }),
};

/** Returns a client of the signaling server's key directory, sending through `client`. */
export function signalingKeyDirectory(
  client: Pick<SignalingClient, 'request'>,
): KeyDirectoryClient {
  return {
    async publish(bundle) {
      await client.request({
        type: SignalType.KEYS_PUBLISH,
        payload: voice.KeysPublish.encode({ bundle }).finish(),
      });
    },
    async lookup(account, claimPrekeys) {
      const answer = await client.request({
        type: SignalType.KEYS_LOOKUP,
        payload: voice.KeysLookup.encode({ account, claimPrekeys }).finish(),
      });
      const result = voice.KeysResult.decode(answer.payload);

      return { devices: result.devices, prekeysLeft: result.prekeysLeft };
    },
  };
}

/** Sends the live VOICE_MESSAGE notice; rejects with PEER_NOT_FOUND when the receiver is offline. */
export function signalingNotifier(
  client: Pick<SignalingClient, 'request'>,
): (notice: VoiceNotice) => Promise<void> {
  return async (notice) => {
    await client.request({
      type: SignalType.VOICE_MESSAGE,
      to: notice.to,
      payload: voice.VoiceMessageNotice.encode({
        cid: notice.cid,
        burn: notice.burn,
        blockHash: notice.blockHash,
        public: notice.public !== undefined,
        durationMs: notice.public?.durationMs ?? 0,
        waveform: notice.public?.waveform ?? new Uint8Array(0),
      }).finish(),
    });
  };
}

/** A live VOICE_MESSAGE notice from a verified peer. */
export interface ReceivedVoiceNotice {
  /** SS58 address of the sender, verified against its session delegation. */
  from: string;
  cid: string;
  burn: boolean;
  /** Hex hash of the block with the transaction, or "" when the sender did not know it yet. */
  blockHash: string;
  /** Public messages only: duration and waveform as the sender put them on chain. */
  public: { durationMs: number; waveform: Uint8Array } | null;
}

/**
 * Calls `listener` for every VOICE_MESSAGE notice a peer sends to this client, and returns
 * the unsubscribe function. The chain event confirms the message later.
 */
export function onVoiceNotice(
  client: Pick<SignalingClient, 'on'>,
  listener: (notice: ReceivedVoiceNotice) => void,
): () => void {
  return client.on('message', ({ message, fromPeer }) => {
    if (!fromPeer || message.type !== SignalType.VOICE_MESSAGE) return;

    const notice = voice.VoiceMessageNotice.decode(message.payload);

    if (notice.cid === '') return;

    listener({
      from: message.from,
      cid: notice.cid,
      burn: notice.burn,
      blockHash: notice.blockHash,
      public: notice.public
        ? { durationMs: notice.durationMs, waveform: notice.waveform.slice() }
        : null,
    });
  });
}
