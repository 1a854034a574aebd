// Server commands that browser tests call with `executeServerCommand(name, payload)` from
// @web/test-runner-commands. Each returns plain JSON.
import { startChopsticks, type Chopsticks } from './chopsticks.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

// One stack per distinct set of options, shared by every test that asks for the same set.
const stacks = new Map<string, Promise<Stack>>();
let chopsticks: Promise<Chopsticks> | undefined;
/** PID of the chopsticks child, so the exit handler can stop it synchronously. */
let chopsticksPid: number | undefined;

function ensureChopsticks(): Promise<Chopsticks> {
  chopsticks ??= startChopsticks().then((chain) => {
    chopsticksPid = chain.pid;

    return chain;
  });

  return chopsticks;
}

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
  /** Starts (once) chopsticks with the Rococo Asset Hub genesis and returns its URL. */
  'chopsticks-url': async () => {
    return (await ensureChopsticks()).url;
  },
  /** Gives an account a free balance on that chopsticks (`{ address, amount }`, planck text). */
  'chopsticks-fund': async (payload: { address: string; amount: string }) => {
    const chain = await ensureChopsticks();

    await chain.rpc('dev_setStorage', [
      {
        System: {
          Account: [[[payload.address], { providers: 1, data: { free: payload.amount } }]],
        },
      },
    ]);

    return true;
  },
  /** Environment facts a test may need to decide what to skip. */
  'test-env': () => ({
    netns: process.env.STARDUST_NETNS === '1',
    janus: process.env.STARDUST_JANUS === '1',
  }),
};

process.once('exit', () => {
  for (const stack of stacks.values()) void stack.then((started) => started.close());

  // By PID and synchronously: promise callbacks no longer run in an exit handler.
  if (chopsticksPid !== undefined) process.kill(chopsticksPid, 'SIGTERM');
});
