// Promises of call events for Node tests of the call layer.
import type { CallManager } from '../../src/call/call-manager.js';
import type { CallSession, CallStateContext } from '../../src/call/call-session.js';

/** Resolves with the context of the transition that ends `session`. */
export function ended(session: CallSession): Promise<CallStateContext> {
  return new Promise((resolve) => {
    const off = session.on('stateChange', (context) => {
      if (context.state !== 'ended') return;

      off();
      resolve(context);
    });
  });
}

/** Resolves when the next session `manager` creates ends, subscribed before it can end. */
export function nextSessionEnded(manager: CallManager): Promise<CallStateContext> {
  return new Promise((resolve) =>
    manager.once('session', ({ session }) => void ended(session).then(resolve)),
  );
}
