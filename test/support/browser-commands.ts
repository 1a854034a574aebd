// Server commands that browser tests call with `executeServerCommand(name, payload)` from
// @web/test-runner-commands. Each returns plain JSON.
import { startStack, type Stack, type StackOptions } from './stack.js';

// One stack per distinct set of options, shared by every test that asks for the same set.
const stacks = new Map<string, Promise<Stack>>();

export const browserCommands: Record<string, (payload: never, sessionId: string) => unknown> = {
  /** Starts (once) the shared stack of servers and returns their URLs. */
  'stack-urls': async (payload: StackOptions) => {
    const key = JSON.stringify(payload ?? {});
    let stack = stacks.get(key);

    if (stack === undefined) {
      stack = startStack(payload);
      stacks.set(key, stack);
    }

    return (await stack).urls;
  },
  /** Environment facts a test may need to decide what to skip. */
  'test-env': () => ({
    netns: process.env.STARDUST_NETNS === '1',
    janus: process.env.STARDUST_JANUS === '1',
  }),
};

process.once('exit', () => {
  for (const stack of stacks.values()) void stack.then((started) => started.close());
});
