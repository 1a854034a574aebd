// Server commands that browser tests call with `executeServerCommand(name, payload)` from
// @web/test-runner-commands. Each returns plain JSON.
import { analyzeOggOpus } from './opus-analysis.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

let shared: Promise<Stack> | undefined;

export const browserCommands: Record<string, (payload: never, sessionId: string) => unknown> = {
  /** Starts (once) the shared stack of servers and returns their URLs. */
  'stack-urls': async (payload: StackOptions) => {
    shared ??= startStack(payload);

    return (await shared).urls;
  },
  /** Decodes an Ogg Opus recording (base64) with opusdec and measures it with sox. */
  'analyze-ogg-opus': (payload: { base64: string }) => analyzeOggOpus(payload.base64),
  /** Environment facts a test may need to decide what to skip. */
  'test-env': () => ({
    netns: process.env.STARDUST_NETNS === '1',
    janus: process.env.STARDUST_JANUS === '1',
  }),
};

process.once('exit', () => {
  void shared?.then((stack) => stack.close());
});
