// Records speech from the fake microphone for browser tests that need a real recording.
import { VoiceRecorder, type Recording } from '../../../src/message/recorder.js';

/** Records `ms` of the fake microphone's speech. */
export async function recordSpeech(ms: number): Promise<Recording> {
  const recorder = new VoiceRecorder();

  await recorder.start();
  await new Promise<void>((resolve) => {
    const off = recorder.on('level', ({ elapsedMs }) => {
      if (elapsedMs >= ms) {
        off();
        resolve();
      }
    });
  });

  const recording = await recorder.stop();

  recorder.dispose();

  return recording;
}
