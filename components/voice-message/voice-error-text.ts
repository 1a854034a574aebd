/**
 * What the voice elements show a person for an error code, in the element's locale. Codes
 * without a sentence of their own show a general sentence; the code itself is shown next to
 * it for support requests.
 */
import type { ErrorCode } from '../../src/shared/errors.js';
import { msg } from '../shared/localize.js';

/** Returns the sentence for `code` in the locale being rendered. */
export function voiceErrorText(code: ErrorCode): string {
  switch (code) {
    case 'MIC_PERMISSION_DENIED':
      return msg('Microphone access was denied. Allow it in the browser and try again.');
    case 'MIC_NOT_FOUND':
      return msg('No microphone was found. Connect one and try again.');
    case 'MIC_UNAVAILABLE':
      return msg('The microphone is in use or unavailable. Close other apps using it.');
    case 'ENCODER_LOAD_FAILED':
      return msg('The audio encoder could not be loaded. Check your connection and reload.');
    case 'ENCODER_CONFIG_INVALID':
      return msg('The recorder settings are invalid.');
    case 'EMPTY_RECORDING':
      return msg('The recording contains no audio. Check the microphone and try again.');
    case 'RECORDING_FAILED':
      return msg('Recording failed. Try again.');
    case 'RECORDING_TOO_SHORT':
      return msg('Hold the button a little longer: a message lasts at least one second.');
    case 'ADDRESS_INVALID':
      return msg('The recipient address is invalid.');
    case 'KEY_BINDING_INVALID':
      return msg(
        'The recipient keys failed verification, so nothing was sent. The key directory may be compromised.',
      );
    case 'NO_RECIPIENT_DEVICES':
      return msg('The recipient has not set up voice messages on any device yet.');
    case 'WALLET_REJECTED':
      return msg('The wallet request was rejected.');
    case 'CONFIG_INVALID':
      return msg('Stardust Voice is not configured on this page.');
    case 'IPFS_UPLOAD_FAILED':
      return msg('Uploading failed. The message stays in the outbox and is retried.');
    case 'DECRYPT_FAILED':
      return msg('This message cannot be decrypted on this device.');
    case 'MESSAGE_UNAVAILABLE':
      return msg('The message cannot be downloaded right now.');
    case 'MESSAGE_BURNED':
      return msg('This message was burned after reading.');
    case 'PLAYBACK_BLOCKED':
      return msg('The browser blocked playback. Tap to play.');
    case 'PLAYBACK_FAILED':
      return msg('The message could not be played.');
    default:
      return msg('Something went wrong.');
  }
}
