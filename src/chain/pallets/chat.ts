import { StardustError } from '../../shared/errors.js';
import { accountArg, bytesArg, uintArg } from '../args.js';
import type { ChainCall, PlainValue } from '../types.js';
import {
  asAddress,
  asBigInt,
  asBoolean,
  asBytes,
  asNumber,
  asRecord,
  asText,
  asVariant,
  optional,
} from './convert.js';
import { findEvent, Pallet } from './pallet.js';

/**
 * The on-chain metadata of a voice message. Encrypted messages carry only the CID and the burn
 * flag (duration 0, empty waveform, no transcription); public ones fill the rest.
 */
export interface VoiceMetadata {
  /** IPFS CID as text, at most 128 bytes. */
  cid: string;
  /** Seconds. */
  duration: number;
  /** Peaks 0–255, at most 128 bytes. */
  waveform: Uint8Array;
  /** At most 1024 bytes of UTF-8, or null. */
  transcription: string | null;
  burnAfterReading: boolean;
}

/** The kind of a chat message. */
export type MessageType =
  { type: 'Text' | 'Image' | 'File' | 'System' } | { type: 'Voice'; metadata: VoiceMetadata };

/** A message from `Messages`. */
export interface ChatMessage {
  id: bigint;
  sender: string;
  receiver: string;
  messageType: MessageType;
  /** Raw content bytes (empty for voice messages). */
  content: Uint8Array;
  /** Chain time of sending, ms since the epoch. */
  sentAt: number;
  /** Block number of sending. */
  block: number;
}

const MAX_CID_BYTES = 128;
const MAX_WAVEFORM_BYTES = 128;
const MAX_TRANSCRIPTION_BYTES = 1024;
const MAX_CONTENT_BYTES = 1024;

/** Typed wrapper of the Chat pallet (an interface still to be confirmed by the chain team). */
export class ChatPallet extends Pallet {
  readonly name = 'chat';

  /**
   * `send_message(receiver, message_type, content)`; the outcome is the new message id.
   * @throws StardustError INVALID_ARGUMENT for an empty CID or a field over its bound.
   */
  async sendMessage(
    receiver: string,
    messageType: MessageType,
    content: Uint8Array | string = new Uint8Array(),
  ): Promise<ChainCall<{ messageId: bigint }>> {
    const args = [
      accountArg(receiver),
      messageTypeArg(messageType),
      bytesArg(content, MAX_CONTENT_BYTES, 'content'),
    ];

    return this.build('sendMessage', args, (events) => {
      const fields = findEvent(events, this.name, 'MessageSent');

      if (fields === undefined) {
        throw new StardustError(
          'CHAIN_PALLET_MISSING',
          'The block has no chat.MessageSent event for the message; the runtime differs from the Stardust interface.',
        );
      }

      return { messageId: asBigInt(fields['id']!, 'MessageSent.id') };
    });
  }

  /** Sends a voice message: `sendMessage` with `MessageType::Voice` and empty content. */
  async sendVoiceMessage(
    receiver: string,
    metadata: VoiceMetadata,
  ): Promise<ChainCall<{ messageId: bigint }>> {
    return this.sendMessage(receiver, { type: 'Voice', metadata });
  }

  /** `delete_message(id)`: removes the message from the signer's own box. */
  async deleteMessage(id: bigint): Promise<ChainCall> {
    if (typeof id !== 'bigint' || id < 0n || id >= 1n << 64n) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        `Invalid id: expected a u64 bigint, got ${String(id)}.`,
      );
    }

    return this.build('deleteMessage', [id]);
  }

  /** Reads `Messages(id)`; null when it does not exist. */
  async message(id: bigint): Promise<ChatMessage | null> {
    const entry = await this.storage('messages');

    return optional(this.plain(await entry(id)), toChatMessage);
  }

  /** Reads the message ids of `Inbox(account, *)`, ascending. */
  async inbox(account: string): Promise<bigint[]> {
    return this.#ids('inbox', account);
  }

  /** Reads the message ids of `Outbox(account, *)`, ascending. */
  async outbox(account: string): Promise<bigint[]> {
    return this.#ids('outbox', account);
  }

  /** Reads `NextMessageId`. */
  async nextMessageId(): Promise<bigint> {
    const entry = await this.storage('nextMessageId');

    return asBigInt(this.plain(await entry()), 'nextMessageId');
  }

  async #ids(item: string, account: string): Promise<bigint[]> {
    const entry = await this.storage(item);
    const keys = await entry.keys(accountArg(account));

    return keys
      .map(({ args }) => asBigInt(this.plain(args[1]!), `${item} id`))
      .sort(compareBigInts);
  }
}

function messageTypeArg(messageType: MessageType): Record<string, unknown> {
  if (messageType?.type !== 'Voice') {
    const type = messageType?.type;

    if (!['Text', 'Image', 'File', 'System'].includes(type)) {
      throw new StardustError('INVALID_ARGUMENT', `Invalid messageType: ${JSON.stringify(type)}.`);
    }

    return { [type]: null };
  }

  const { metadata } = messageType;
  const cid = bytesArg(metadata.cid, MAX_CID_BYTES, 'metadata.cid');

  if (cid === '0x') {
    throw new StardustError('INVALID_ARGUMENT', 'Invalid metadata.cid: must not be empty.');
  }

  return {
    Voice: {
      cid,
      duration: uintArg(metadata.duration, 32, 'metadata.duration'),
      waveform: bytesArg(metadata.waveform, MAX_WAVEFORM_BYTES, 'metadata.waveform'),
      transcription:
        metadata.transcription === null || metadata.transcription === undefined
          ? null
          : bytesArg(metadata.transcription, MAX_TRANSCRIPTION_BYTES, 'metadata.transcription'),
      burnAfterReading: metadata.burnAfterReading === true,
    },
  };
}

/** Converts a plain `MessageType`. */
export function toMessageType(value: PlainValue): MessageType {
  const type = asVariant<MessageType['type']>(value, 'MessageType');

  if (type !== 'Voice') return { type } as MessageType;

  const metadata = asRecord(asRecord(value, 'MessageType')['value']!, 'VoiceMetadata');

  return {
    type,
    metadata: {
      cid: asText(metadata['cid']!, 'cid'),
      duration: asNumber(metadata['duration']!, 'duration'),
      waveform: asBytes(metadata['waveform']!, 'waveform'),
      transcription: optional(metadata['transcription']!, (v) => asText(v, 'transcription')),
      burnAfterReading: asBoolean(metadata['burnAfterReading']!, 'burnAfterReading'),
    },
  };
}

/** Converts a plain `Message` struct. */
export function toChatMessage(value: PlainValue): ChatMessage {
  const message = asRecord(value, 'Message');

  return {
    id: asBigInt(message['id']!, 'id'),
    sender: asAddress(message['sender']!, 'sender'),
    receiver: asAddress(message['receiver']!, 'receiver'),
    messageType: toMessageType(message['messageType']!),
    content: asBytes(message['content']!, 'content'),
    sentAt: asNumber(message['sentAt']!, 'sentAt'),
    block: asNumber(message['block']!, 'block'),
  };
}

function compareBigInts(a: bigint, b: bigint): number {
  if (a === b) return 0;

  return a < b ? -1 : 1;
}
