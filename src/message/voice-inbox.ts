/**
 * The voice messages an account received, from chain storage (`chat.Inbox` and
 * `chat.Messages`) and, while watched, from `chat.MessageSent` events of new blocks.
 */
import type { ChatPallet, VoiceMetadata } from '../chain/pallets/chat.js';
import { toMessageType } from '../chain/pallets/chat.js';
import { asAddress, asBigInt } from '../chain/pallets/convert.js';
import type { BlockEvents } from '../chain/chain-client.js';
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { sameAccount } from '../shared/ss58.js';
import { Emitter } from './emitter.js';

/** One received voice message. */
export interface InboxEntry {
  messageId: bigint;
  /** SS58 address of the sender. */
  sender: string;
  /** CID of the envelope (or of the audio, for a public message). */
  cid: string;
  burn: boolean;
  /** Chain time of sending in ms, when read from storage; null from an event. */
  sentAt: number | null;
  /** Hash of the block that carried it, when known from an event. */
  blockHash: string | null;
  /**
   * Metadata of a message sent public (unencrypted); null for encrypted messages, whose
   * duration and waveform are inside the envelope.
   */
  publicMetadata: { durationS: number; waveform: Uint8Array; transcription: string | null } | null;
}

/** Events of {@link VoiceInbox}. */
export interface VoiceInboxEvents extends Record<string, unknown> {
  /** A new voice message arrived in a block. */
  message: { entry: InboxEntry };
}

/** Options of {@link VoiceInbox}. */
export interface VoiceInboxOptions {
  /** SS58 address of the receiving account. */
  account: string;
  chain: {
    chat: Pick<ChatPallet, 'inbox' | 'message'>;
    subscribeEvents(listener: (context: BlockEvents) => void): Promise<() => void>;
  };
  logger?: Logger;
}

/** The received voice messages of one account. */
export class VoiceInbox extends Emitter<VoiceInboxEvents> {
  readonly #account: string;
  readonly #chain: VoiceInboxOptions['chain'];
  readonly #logger: Logger;

  constructor(options: VoiceInboxOptions) {
    super();
    this.#account = options.account;
    this.#chain = options.chain;
    this.#logger = options.logger ?? silentLogger;
  }

  /** Reads every voice message in the account's chain inbox, oldest first. */
  async list(): Promise<InboxEntry[]> {
    const entries: InboxEntry[] = [];

    for (const id of await this.#chain.chat.inbox(this.#account)) {
      const message = await this.#chain.chat.message(id);

      if (message === null || message.messageType.type !== 'Voice') continue;

      entries.push(toEntry(id, message.sender, message.messageType.metadata, message.sentAt, null));
    }

    return entries;
  }

  /** Emits `message` for every voice message to the account in new blocks until unsubscribed. */
  watch(): Promise<() => void> {
    return this.#chain.subscribeEvents(({ blockHash, events }) => {
      for (const event of events) {
        if (event.pallet !== 'chat' || event.name !== 'MessageSent') continue;

        try {
          const fields = event.fields;

          if (!sameAccount(asAddress(fields['receiver']!, 'receiver'), this.#account)) continue;

          const type = toMessageType(fields['messageType']!);

          if (type.type !== 'Voice') continue;

          const entry = toEntry(
            asBigInt(fields['id']!, 'id'),
            asAddress(fields['sender']!, 'sender'),
            type.metadata,
            null,
            blockHash,
          );

          this.emit('message', { entry });
        } catch (error) {
          this.#logger.warn('skipped a malformed chat.MessageSent event', { blockHash, error });
        }
      }
    });
  }
}

/** Returns the public part of a message's chain metadata, or null for an encrypted one. */
export function publicMetadataOf(metadata: VoiceMetadata): InboxEntry['publicMetadata'] {
  // Encrypted messages put only the CID and the burn flag on chain.
  const isPublic =
    metadata.duration > 0 || metadata.waveform.length > 0 || metadata.transcription !== null;

  if (!isPublic) return null;

  return {
    durationS: metadata.duration,
    waveform: metadata.waveform,
    transcription: metadata.transcription,
  };
}

function toEntry(
  messageId: bigint,
  sender: string,
  metadata: VoiceMetadata,
  sentAt: number | null,
  blockHash: string | null,
): InboxEntry {
  return {
    messageId,
    sender,
    cid: metadata.cid,
    burn: metadata.burnAfterReading,
    sentAt,
    blockHash,
    publicMetadata: publicMetadataOf(metadata),
  };
}
