/**
 * The outbox's delivery step on chain: `chat.send_message(receiver, Voice(metadata))`, and
 * the live notice to the receiver. Encrypted messages put only the CID and the burn flag on
 * chain; public ones also fill the duration, waveform and transcription.
 *
 * The notice goes out as soon as the transaction is in the pool (stage `ready`), so the
 * receiver learns of the message before its block. The chain event confirms it later. Before
 * a retry, the sender's chat outbox on chain is searched for the CID, so a transaction that
 * landed while its result was lost is not sent again.
 */
import type { ChatPallet, VoiceMetadata } from '../chain/pallets/chat.js';
import type { TxProgress, TxSender } from '../chain/types.js';
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { sameAccount } from '../shared/ss58.js';
import { itemCid, type OutboxDelivery } from './outbox.js';
import type { OutboxRecord } from './store/message-store.js';

/** The live notice sent once the transaction is in the pool. */
export interface VoiceNotice {
  /** SS58 address of the receiver. */
  to: string;
  cid: string;
  burn: boolean;
  /** Hex hash of the block with the transaction, or "" when it is not in a block yet. */
  blockHash: string;
  /** Public messages only: the metadata that is on chain as well. */
  public?: { durationMs: number; waveform: Uint8Array };
}

/** Options of {@link chainDelivery}. */
export interface ChainDeliveryOptions {
  chat: Pick<ChatPallet, 'sendVoiceMessage' | 'outbox' | 'message'>;
  /** Signs and sends as the sending account (the wallet or its session proxy). */
  sender: TxSender;
  /**
   * Sends the live `VOICE_MESSAGE` notice over signaling. A failure is logged and does not
   * fail the delivery: the chain event reaches the receiver anyway.
   */
  notify?: (notice: VoiceNotice) => Promise<void>;
  /** Called with each stage of an item's transaction: signing, ready, inBlock, failed. */
  onProgress?: (item: OutboxRecord, progress: TxProgress) => void;
  /** How many of the sender's latest chain messages `findDelivered` searches; 50 by default. */
  searchDepth?: number;
  logger?: Logger;
}

/** Returns the on-chain `VoiceMetadata` of an outbox item. */
export function chainMetadata(item: OutboxRecord): VoiceMetadata {
  if (item.public !== true) {
    return {
      cid: itemCid(item),
      duration: 0,
      waveform: new Uint8Array(0),
      transcription: null,
      burnAfterReading: item.burn,
    };
  }

  return {
    cid: itemCid(item),
    // Whole seconds, rounded up: a public message never has duration 0, which is how
    // readers tell it from an encrypted one.
    duration: Math.max(1, Math.ceil(item.durationMs / 1000)),
    waveform: item.waveform ?? new Uint8Array(0),
    transcription: item.transcription ?? null,
    burnAfterReading: false,
  };
}

/** Returns the outbox delivery step that sends voice messages on chain. */
export function chainDelivery(options: ChainDeliveryOptions): OutboxDelivery {
  const logger = options.logger ?? silentLogger;
  const depth = options.searchDepth ?? 50;

  async function notify(item: OutboxRecord, blockHash: string): Promise<void> {
    if (options.notify === undefined) return;

    const notice: VoiceNotice = { to: item.to, cid: itemCid(item), burn: item.burn, blockHash };

    if (item.public === true) {
      notice.public = {
        durationMs: item.durationMs,
        waveform: item.waveform ?? new Uint8Array(0),
      };
    }

    try {
      await options.notify(notice);
    } catch (error) {
      logger.warn('voice message notice failed; the receiver gets the chain event', {
        cid: notice.cid,
        to: item.to,
        error,
      });
    }
  }

  return {
    async deliver(item: OutboxRecord) {
      const call = await options.chat.sendVoiceMessage(item.to, chainMetadata(item));
      let noticeSent: Promise<void> | null = null;
      const result = await options.sender.send(call, {
        waitFor: 'inBlock',
        onProgress: (progress) => {
          // The transaction passed the pool's checks (signature, nonce, fees): tell the
          // receiver now rather than a block later.
          // NOTE: it can still fail in its block; the receiver then holds a notice that no
          // chain event confirms until the outbox's retry lands.
          if (progress.stage === 'ready' && noticeSent === null) noticeSent = notify(item, '');

          options.onProgress?.(item, progress);
        },
      });
      const receipt: Record<string, string> = {
        txHash: result.txHash,
        blockHash: result.blockHash ?? '',
      };

      if (result.value !== undefined) receipt.messageId = String(result.value.messageId);

      // A sender that reports no `ready` stage gets the notice after inclusion instead.
      await (noticeSent ?? notify(item, receipt.blockHash!));

      return receipt;
    },

    async findDelivered(item: OutboxRecord) {
      const cid = itemCid(item);
      const ids = await options.chat.outbox(options.sender.account);

      for (const id of ids.slice(-depth).reverse()) {
        const message = await options.chat.message(id);

        if (
          message !== null &&
          message.messageType.type === 'Voice' &&
          message.messageType.metadata.cid === cid &&
          sameAccount(message.receiver, item.to)
        ) {
          return { messageId: String(id), block: String(message.block) };
        }
      }

      return null;
    },
  };
}
