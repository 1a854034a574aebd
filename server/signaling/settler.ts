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
  /** Why the server considers it ended. */
  reason: 'hangup' | 'cancel' | 'reject' | 'busy';
  /** Milliseconds from accept to end; 0 for calls that never connected. */
  durationMs: number;
  /** Chain call id from CALL_CHAIN_LINK, hex, when the caller sent one. */
  chainCallId?: string;
}

/** Receives ended calls. Errors are logged and do not affect signaling. */
export interface CallSettler {
  callEnded(call: EndedCall): void | Promise<void>;
}
