/**
 * Contacts (index 6): accounts a user blocked. Chat (index 7): text and voice messages with
 * an inbox and an outbox per account.
 *
 * The Chat interface is the devnet's own: the Stardust chain has a chat pallet whose exact
 * interface is not published, so this is an assumption for the chain team to confirm.
 */
import {
  MAX_CID_LENGTH,
  MAX_CONTENT_LENGTH,
  MAX_TRANSCRIPTION_LENGTH,
  MAX_WAVEFORM_LENGTH,
} from '../constants.js';
import type { CommonTypes } from '../metadata/common-types.js';
import type { TypeBuilder } from '../metadata/type-builder.js';
import { defineCall, ensureSigned, fail, type PalletDefinition } from '../runtime/pallet.js';
import type { Runtime } from '../runtime/runtime.js';

/** Whether `blocker` blocked `blocked`. */
export function isBlocked(rt: Runtime, blocker: string, blocked: string): boolean {
  return rt.has('Contacts', 'Blocked', [blocker, blocked]);
}

/** Defines the Contacts pallet. */
export function contactsPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const who = { name: 'who', type: c.accountId, typeName: 'T::AccountId' };

  return {
    name: 'Contacts',
    index: 6,
    docs: ['Accounts a user blocked: they cannot call or message that user.'],
    storage: [
      {
        name: 'Blocked',
        docs: ['`(blocker, blocked) → ()` for every block in force.'],
        keys: [
          { hasher: 'Blake2_128Concat', type: c.accountId },
          { hasher: 'Blake2_128Concat', type: c.accountId },
        ],
        value: t.unit,
      },
    ],
    calls: [
      defineCall<{ who: string }>({
        name: 'block',
        docs: [
          'Block `who`: its calls and messages to the sender fail with UserBlocked / SenderBlocked.',
        ],
        args: [who],
        dispatch: (rt, origin, args) => {
          const sender = ensureSigned(origin);

          if (args.who === sender) fail('Contacts', 'CannotBlockSelf');

          if (isBlocked(rt, sender, args.who)) fail('Contacts', 'AlreadyBlocked');

          rt.put('Contacts', 'Blocked', [sender, args.who], []);
          rt.deposit('Contacts', 'UserBlocked', { who: sender, blocked: args.who });
        },
      }),
      defineCall<{ who: string }>({
        name: 'unblock',
        docs: ['Lift a block the sender placed on `who`.'],
        args: [who],
        dispatch: (rt, origin, args) => {
          const sender = ensureSigned(origin);

          if (!isBlocked(rt, sender, args.who)) fail('Contacts', 'NotBlocked');

          rt.remove('Contacts', 'Blocked', [sender, args.who]);
          rt.deposit('Contacts', 'UserUnblocked', { who: sender, unblocked: args.who });
        },
      }),
    ],
    events: [
      {
        name: 'UserBlocked',
        docs: ['`who` blocked `blocked`.'],
        fields: [
          { name: 'who', type: c.accountId },
          { name: 'blocked', type: c.accountId },
        ],
      },
      {
        name: 'UserUnblocked',
        docs: ['`who` unblocked `unblocked`.'],
        fields: [
          { name: 'who', type: c.accountId },
          { name: 'unblocked', type: c.accountId },
        ],
      },
    ],
    errors: [
      { name: 'CannotBlockSelf', docs: ['An account cannot block itself.'] },
      { name: 'AlreadyBlocked', docs: ['The account is already blocked.'] },
      { name: 'NotBlocked', docs: ['The account is not blocked.'] },
    ],
    constants: [],
  };
}

interface VoiceMetadata {
  cid: string;
  duration: number;
  waveform: string;
  transcription: string | null;
  burnAfterReading: boolean;
}

type MessageType = 'Text' | 'Image' | 'File' | 'System' | { Voice: VoiceMetadata };

interface Message {
  id: bigint;
  sender: string;
  receiver: string;
}

/** Byte length of a 0x-hex string. */
export function hexLength(hex: string): number {
  return (hex.length - 2) / 2;
}

/** Defines the Chat pallet. */
export function chatPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const bytes = t.boundedVec(t.u8);
  const voiceMetadata = t.composite(
    ['pallet_chat', 'VoiceMetadata'],
    [
      { name: 'cid', type: bytes, typeName: 'BoundedVec<u8, MaxCidLength>' },
      { name: 'duration', type: t.u32, typeName: 'u32' },
      { name: 'waveform', type: bytes, typeName: 'BoundedVec<u8, MaxWaveformLength>' },
      {
        name: 'transcription',
        type: t.option(bytes),
        typeName: 'Option<BoundedVec<u8, MaxTranscriptionLength>>',
      },
      { name: 'burn_after_reading', type: t.bool, typeName: 'bool' },
    ],
  );
  const messageType = t.variant(
    ['pallet_chat', 'MessageType'],
    [
      { name: 'Text' },
      { name: 'Image' },
      { name: 'File' },
      { name: 'Voice', fields: [{ type: voiceMetadata, typeName: 'VoiceMetadata' }] },
      { name: 'System' },
    ],
  );
  const message = t.composite(
    ['pallet_chat', 'Message'],
    [
      { name: 'id', type: t.u64, typeName: 'u64' },
      { name: 'sender', type: c.accountId, typeName: 'T::AccountId' },
      { name: 'receiver', type: c.accountId, typeName: 'T::AccountId' },
      { name: 'message_type', type: messageType, typeName: 'MessageType' },
      { name: 'content', type: bytes, typeName: 'BoundedVec<u8, MaxContentLength>' },
      { name: 'sent_at', type: c.moment, typeName: 'T::Moment' },
      { name: 'block', type: c.blockNumber, typeName: 'BlockNumberFor<T>' },
    ],
  );
  const box = (name: string, docs: string) => ({
    name,
    docs: [docs],
    keys: [
      { hasher: 'Blake2_128Concat' as const, type: c.accountId },
      { hasher: 'Twox64Concat' as const, type: t.u64 },
    ],
    value: t.unit,
  });

  return {
    name: 'Chat',
    index: 7,
    docs: [
      'Text and voice messages between accounts (interface to be confirmed by the chain team).',
    ],
    storage: [
      { name: 'NextMessageId', docs: ['The id the next message gets.'], value: t.u64, default: 0n },
      {
        name: 'Messages',
        docs: ['Every message still in some inbox or outbox, by id.'],
        keys: [{ hasher: 'Twox64Concat', type: t.u64 }],
        value: message,
      },
      box('Inbox', '`(receiver, message id) → ()` for messages the receiver has not deleted.'),
      box('Outbox', '`(sender, message id) → ()` for messages the sender has not deleted.'),
    ],
    calls: [
      defineCall<{ receiver: string; message_type: MessageType; content: string }>({
        name: 'send_message',
        docs: ['Send a message; voice messages carry their metadata and leave `content` empty.'],
        args: [
          { name: 'receiver', type: c.accountId, typeName: 'T::AccountId' },
          { name: 'message_type', type: messageType, typeName: 'MessageType' },
          { name: 'content', type: bytes, typeName: 'BoundedVec<u8, MaxContentLength>' },
        ],
        dispatch: (rt, origin, { receiver, message_type, content }) => {
          const sender = ensureSigned(origin);

          if (hexLength(content) > MAX_CONTENT_LENGTH) fail('Chat', 'ContentTooLong');

          if (typeof message_type === 'object') checkVoiceMetadata(message_type.Voice);

          if (isBlocked(rt, receiver, sender)) fail('Chat', 'SenderBlocked');

          const id = rt.get<bigint>('Chat', 'NextMessageId')!;

          rt.put('Chat', 'NextMessageId', [], id + 1n);
          rt.put('Chat', 'Messages', [id], {
            id,
            sender,
            receiver,
            messageType: message_type,
            content,
            sentAt: rt.now,
            block: rt.blockNumber,
          });
          rt.put('Chat', 'Inbox', [receiver, id], []);
          rt.put('Chat', 'Outbox', [sender, id], []);
          rt.deposit('Chat', 'MessageSent', { id, sender, receiver, message_type });
        },
      }),
      defineCall<{ id: bigint }>({
        name: 'delete_message',
        docs: [
          "Remove a message from the sender's own inbox or outbox; the message goes when both boxes dropped it.",
        ],
        args: [{ name: 'id', type: t.u64, typeName: 'u64' }],
        dispatch: (rt, origin, { id }) => {
          const who = ensureSigned(origin);
          const found = rt.get<Message>('Chat', 'Messages', [id]);

          if (found === undefined) fail('Chat', 'MessageNotFound');

          if (found.sender !== who && found.receiver !== who) fail('Chat', 'Unauthorized');

          if (found.receiver === who) rt.remove('Chat', 'Inbox', [who, id]);

          if (found.sender === who) rt.remove('Chat', 'Outbox', [who, id]);

          if (
            !rt.has('Chat', 'Inbox', [found.receiver, id]) &&
            !rt.has('Chat', 'Outbox', [found.sender, id])
          ) {
            rt.remove('Chat', 'Messages', [id]);
          }

          rt.deposit('Chat', 'MessageDeleted', { id, who });
        },
      }),
    ],
    events: [
      {
        name: 'MessageSent',
        docs: [
          'A message was sent; voice messages carry their metadata, so the receiver gets the CID from the event.',
        ],
        fields: [
          { name: 'id', type: t.u64 },
          { name: 'sender', type: c.accountId },
          { name: 'receiver', type: c.accountId },
          { name: 'message_type', type: messageType },
        ],
      },
      {
        name: 'MessageDeleted',
        docs: ['`who` removed the message from its box.'],
        fields: [
          { name: 'id', type: t.u64 },
          { name: 'who', type: c.accountId },
        ],
      },
    ],
    errors: [
      { name: 'EmptyCid', docs: ['A voice message needs a CID.'] },
      { name: 'CidTooLong', docs: [`The CID is longer than ${MAX_CID_LENGTH} bytes.`] },
      {
        name: 'WaveformTooLong',
        docs: [`The waveform is longer than ${MAX_WAVEFORM_LENGTH} bytes.`],
      },
      {
        name: 'TranscriptionTooLong',
        docs: [`The transcription is longer than ${MAX_TRANSCRIPTION_LENGTH} bytes.`],
      },
      { name: 'ContentTooLong', docs: [`The content is longer than ${MAX_CONTENT_LENGTH} bytes.`] },
      { name: 'SenderBlocked', docs: ['The receiver blocked the sender.'] },
      { name: 'MessageNotFound', docs: ['No message has this id.'] },
      { name: 'Unauthorized', docs: ['Only the sender or the receiver may delete a message.'] },
    ],
    constants: [
      {
        name: 'MaxCidLength',
        type: t.u32,
        value: MAX_CID_LENGTH,
        docs: ['Maximum CID length in bytes.'],
      },
      {
        name: 'MaxWaveformLength',
        type: t.u32,
        value: MAX_WAVEFORM_LENGTH,
        docs: ['Maximum waveform length in bytes.'],
      },
      {
        name: 'MaxTranscriptionLength',
        type: t.u32,
        value: MAX_TRANSCRIPTION_LENGTH,
        docs: ['Maximum transcription length in bytes.'],
      },
      {
        name: 'MaxContentLength',
        type: t.u32,
        value: MAX_CONTENT_LENGTH,
        docs: ['Maximum content length in bytes.'],
      },
    ],
  };
}

function checkVoiceMetadata(metadata: VoiceMetadata): void {
  if (hexLength(metadata.cid) === 0) fail('Chat', 'EmptyCid');

  if (hexLength(metadata.cid) > MAX_CID_LENGTH) fail('Chat', 'CidTooLong');

  if (hexLength(metadata.waveform) > MAX_WAVEFORM_LENGTH) fail('Chat', 'WaveformTooLong');

  if (
    metadata.transcription !== null &&
    hexLength(metadata.transcription) > MAX_TRANSCRIPTION_LENGTH
  ) {
    fail('Chat', 'TranscriptionTooLong');
  }
}
