/**
 * The events of `<stardust-voice-recorder>`. Each bubbles and is composed, so a listener on
 * the document hears elements inside other shadow roots.
 */
import type { Recording } from '../../src/message/recorder.js';

/** Detail of {@link StardustVoiceRecordedEvent}. */
export interface StardustVoiceRecordedDetail {
  /** Seconds, as `HTMLMediaElement.duration` counts them. */
  duration: number;
  durationMs: number;
  /** Size of the Ogg Opus file in bytes. */
  size: number;
  /** The recording itself: bytes, MIME type, waveform, start time. */
  recording: Recording;
}

/** Dispatched when a recording is kept and shown for review, before it is sent. */
export class StardustVoiceRecordedEvent extends Event {
  static readonly type = 'stardust-voice-recorded';

  readonly detail: StardustVoiceRecordedDetail;

  constructor(recording: Recording) {
    super(StardustVoiceRecordedEvent.type, { bubbles: true, composed: true });
    this.detail = {
      duration: recording.durationMs / 1000,
      durationMs: recording.durationMs,
      size: recording.bytes.length,
      recording,
    };
  }
}

/** Detail of {@link StardustVoiceSentEvent}. */
export interface StardustVoiceSentDetail {
  /** CID of the envelope (or of the audio, for a public message) on IPFS, as on chain. */
  cid: string;
  /** Seconds. */
  duration: number;
  /** Hash of the block that includes the `chat.send_message` transaction. */
  blockHash: string;
  /** SS58 address of the recipient. */
  to: string;
  burn: boolean;
  /** True when the message was sent public (unencrypted). */
  public: boolean;
}

/** Dispatched when a message is on chain (its transaction is in a block). */
export class StardustVoiceSentEvent extends Event {
  static readonly type = 'stardust-voice-sent';

  readonly detail: StardustVoiceSentDetail;

  constructor(detail: StardustVoiceSentDetail) {
    super(StardustVoiceSentEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'stardust-voice-recorded': StardustVoiceRecordedEvent;
    'stardust-voice-sent': StardustVoiceSentEvent;
  }
}
