/**
 * The voice message elements, loaded with `import()` when a page first uses
 * `<stardust-voice-recorder>` or `<stardust-voice-message>` (see `defineElements`), so pages
 * without them never download the recorder, the player or their strings.
 */
import { StardustVoiceMessage } from './voice-message.js';
import { StardustVoiceRecorder } from '../voice-recorder/voice-recorder.js';

/** The classes of the lazily loaded voice tags. */
export const VOICE_ELEMENTS: Readonly<Record<string, CustomElementConstructor>> = {
  'stardust-voice-recorder': StardustVoiceRecorder,
  'stardust-voice-message': StardustVoiceMessage,
};
