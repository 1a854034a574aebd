/**
 * The outbox's delivery step on chain: `chat.send_message(receiver, Voice(metadata))` with
 * only the CID and the burn flag for encrypted messages, then the live notice to the
 * receiver. Before a retry, the sender's chat outbox on chain is searched for the CID, so a
 * transaction that landed while its result was lost is not sent again.
 */
import type { ChatPallet } from '../chain/pallets/chat.js';
import type { TxSender } from '../chain/types.js';
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { sameAccount } from '../shared/ss58.js';
import type { OutboxDelivery } from './outbox.js';
import type { OutboxRecord } from './store/message-store.js';

/** The live notice sent after the transaction is in a block. */
export interface VoiceNotice {
  /** SS58 address of the receiver. */
  to: string;
  cid: string;
  burn: boolean;
  blockHash: string;
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
  /** How many of the sender's latest chain messages `findDelivered` searches; 50 by default. */
  searchDepth?: number;
  logger?: Logger;
}

/** Returns the outbox delivery step that sends voice messages on chain. */
export function chainDelivery(options: ChainDeliveryOptions): OutboxDelivery {
  const logger = options.logger ?? silentLogger;
  const depth = options.searchDepth ?? 50;

  return {
    async deliver(item: OutboxRecord) {
      const call = await options.chat.sendVoiceMessage(item.to, {
        cid: item.id,
        duration: 0,
        waveform: new Uint8Array(0),
        transcription: null,
        burnAfterReading: item.burn,
      });
      const result = await options.sender.send(call, { waitFor: 'inBlock' });
      const receipt: Record<string, string> = {
        txHash: result.txHash,
        blockHash: result.blockHash ?? '',
      };

      if (result.value !== undefined) receipt.messageId = String(result.value.messageId);

      if (options.notify !== undefined) {
        try {
          await options.notify({
            to: item.to,
            cid: item.id,
            burn: item.burn,
            blockHash: receipt.blockHash!,
          });
        } catch (error) {
          logger.warn('voice message notice failed; the receiver gets the chain event', {
            cid: item.id,
            error,
          });
        }
      }

      return receipt;
    },

    async findDelivered(item: OutboxRecord) {
      const ids = await options.chat.outbox(options.sender.account);

      for (const id of ids.slice(-depth).reverse()) {
        const message = await options.chat.message(id);

        if (
          message !== null &&
          message.messageType.type === 'Voice' &&
          message.messageType.metadata.cid === item.id &&
          sameAccount(message.receiver, item.to)
        ) {
          return { messageId: String(id), block: String(message.block) };
        }
      }

      return null;
    },
  };
}
