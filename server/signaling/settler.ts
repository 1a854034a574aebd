/**
 * The settlement hook: the server reports every call it saw end, with the duration it
 * observed, so an operator's CallSettler account can submit `voiceCall.settle_call` for
 * calls that neither party ended on chain.
 */

/** A call the server saw end. */
export interface EndedCall {
  /** Signaling call id (hex). */
  callId: string;
  caller: string;
  callee: string;
  /**
   * The message that ended the call, or `vanished` when both parties lost every socket
   * and none came back within the server's `vanishGraceMs`.
   */
  reason: 'hangup' | 'cancel' | 'reject' | 'busy' | 'vanished';
  /** Milliseconds from accept to end; 0 for calls that never connected. */
  durationMs: number;
  /** Chain call id from CALL_CHAIN_LINK, 0x hex, when the caller sent one. */
  chainCallId?: string;
}

/** Receives ended calls. Errors are logged and do not affect signaling. */
export interface CallSettler {
  callEnded(call: EndedCall): void | Promise<void>;
}

/**
 * Returns the SS58 address (prefix 42) of the sr25519 account of a secret URI such as
 * `//CallSettler`. Loads @polkadot/keyring on first use.
 */
export async function settlerAddress(seed: string): Promise<string> {
  const [{ Keyring }, { cryptoWaitReady }] = await Promise.all([
    import('@polkadot/keyring'),
    import('@polkadot/util-crypto'),
  ]);

  await cryptoWaitReady();

  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(seed).address;
}
