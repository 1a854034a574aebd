import { StardustError } from '../shared/errors.js';
import type { AudioSink, RoomMediaPlatform } from './types.js';

/**
 * Returns the room media of the browser: `RTCPeerConnection`, the microphone with the
 * browser's echo cancellation, noise suppression and gain control, and an `<audio>` element
 * per remote stream that is never attached to the document.
 *
 * @throws StardustError CONFIG_INVALID where WebRTC is missing (such as in Node).
 */
export function browserMediaPlatform(): RoomMediaPlatform {
  if (typeof RTCPeerConnection === 'undefined' || typeof navigator === 'undefined') {
    throw new StardustError(
      'CONFIG_INVALID',
      'Voice rooms need WebRTC (RTCPeerConnection), which this environment lacks; pass a media platform.',
    );
  }

  return {
    createPeerConnection: (configuration) => new RTCPeerConnection(configuration),
    getMicrophone: openMicrophone,
    play: playStream,
  };
}

async function openMicrophone(): Promise<MediaStreamTrack> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });

    return stream.getAudioTracks()[0]!;
  } catch (error) {
    throw microphoneError(error);
  }
}

/** Maps getUserMedia's DOMException names to the error table. */
export function microphoneError(error: unknown): StardustError {
  const name = error instanceof Error ? error.name : '';

  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new StardustError(
      'MIC_PERMISSION_DENIED',
      'The microphone was denied; allow it for this site to speak in the room.',
      { cause: error },
    );
  }

  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return new StardustError('MIC_NOT_FOUND', 'No microphone is available to speak in the room.', {
      cause: error,
    });
  }

  return new StardustError(
    'MIC_UNAVAILABLE',
    'The microphone could not be started; close other programs using it and try again.',
    { cause: error },
  );
}

function playStream(stream: MediaStream): AudioSink {
  const audio = new Audio();

  audio.autoplay = true;
  audio.srcObject = stream;
  // Playback may be refused without a user gesture; joining is one, so this normally plays.
  void audio.play().catch(() => {});

  return {
    setMuted(muted) {
      audio.muted = muted;
    },
    stop() {
      audio.pause();
      audio.srcObject = null;
    },
  };
}
