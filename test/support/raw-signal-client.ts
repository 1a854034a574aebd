// A bare protocol client for server tests: it speaks the wire protocol directly over `ws`,
// so a test can send exactly the bytes it wants (forged, replayed, malformed) and read
// every frame the server sends back.
import WebSocket from 'ws';

import {
  encodeSignal,
  encodePayload,
  decodePayload,
  decodeSignal,
  randomNonce,
  SignalType,
  type SignalMessage,
} from '../../src/shared/codec.js';
import { createDelegation, type SessionDelegation } from '../../src/shared/delegation.js';
import {
  challengeSigningBytes,
  signalSigningBytes,
  signedFieldsOf,
} from '../../src/shared/signing.js';
import { ed25519KeyPair, sr25519Wallet, type TestWallet } from './signers.js';

export const TEST_GENESIS = new Uint8Array(32).fill(0x42);
export const TEST_ORIGIN = 'http://127.0.0.1:5173';

/** Options of {@link RawClient.connect}. */
export interface RawClientOptions {
  wallet?: TestWallet;
  /** Builds the delegation; defaults to a valid one for TEST_GENESIS and TEST_ORIGIN. */
  delegation?: (wallet: TestWallet, sessionPublicKey: Uint8Array) => Promise<SessionDelegation>;
  /** Origin header to send. */
  origin?: string;
  /** Session key pair; a fresh one by default. */
  session?: ReturnType<typeof ed25519KeyPair>;
  /** Stop after the challenge, without authenticating. */
  skipAuth?: boolean;
  now?: () => number;
}

/** A raw protocol client with a queue of received messages. */
export class RawClient {
  readonly socket: WebSocket;
  readonly wallet: TestWallet;
  readonly session: ReturnType<typeof ed25519KeyPair>;
  readonly received: SignalMessage[] = [];
  closeCode: number | undefined;
  closeReason = '';
  readonly closed: Promise<number>;
  challenge: Uint8Array = new Uint8Array(0);
  serverId = '';
  delegation: SessionDelegation | undefined;
  #waiters: Array<{ match: (m: SignalMessage) => boolean; resolve: (m: SignalMessage) => void }> =
    [];
  #now: () => number;

  private constructor(
    socket: WebSocket,
    wallet: TestWallet,
    now: () => number,
    session = ed25519KeyPair(),
  ) {
    this.socket = socket;
    this.session = session;
    this.wallet = wallet;
    this.#now = now;
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.closeCode = code;
        this.closeReason = reason.toString();
        resolve(code);
      });
    });
    socket.on('message', (data: Buffer) => {
      const message = decodeSignal(data);
      const index = this.#waiters.findIndex((waiter) => waiter.match(message));

      if (index >= 0) this.#waiters.splice(index, 1)[0]!.resolve(message);
      else this.received.push(message);
    });
  }

  /** Connects, reads the challenge and (unless skipAuth) authenticates. */
  static async connect(url: string, options: RawClientOptions = {}): Promise<RawClient> {
    const socket = new WebSocket(
      url,
      options.origin === undefined ? {} : { origin: options.origin },
    );
    const client = new RawClient(
      socket,
      options.wallet ?? sr25519Wallet(),
      options.now ?? Date.now,
      options.session,
    );
    const challenge = client.next(SignalType.AUTH_CHALLENGE);

    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });

    const payload = decodePayload(SignalType.AUTH_CHALLENGE, (await challenge).payload);

    client.challenge = payload.challenge!;
    client.serverId = payload.serverId!;

    if (options.skipAuth !== true) await client.authenticate(options.delegation);

    return client;
  }

  get address(): string {
    return this.wallet.address;
  }

  /** Sends AUTH_RESPONSE and returns the reply (AUTH_OK or ERROR). */
  async authenticate(
    build?: (wallet: TestWallet, sessionPublicKey: Uint8Array) => Promise<SessionDelegation>,
  ): Promise<SignalMessage> {
    this.delegation = await (build ?? defaultDelegation)(this.wallet, this.session.publicKey);

    const answer = this.nextOf([SignalType.AUTH_OK, SignalType.ERROR]);
    const challengeSignature = this.session.sign(
      challengeSigningBytes(this.challenge, this.delegation.account, this.serverId),
    );

    this.sendRaw(
      encodeSignal({
        type: SignalType.AUTH_RESPONSE,
        payload: encodePayload(SignalType.AUTH_RESPONSE, {
          delegation: this.delegation,
          challengeSignature,
        }),
      }),
    );

    return answer;
  }

  /** Builds a signed frame from `fields`, filling from, timestamp, nonce, session key. */
  frame(fields: Partial<SignalMessage>): Uint8Array {
    const message = {
      type: SignalType.HEARTBEAT,
      from: this.address,
      to: '',
      callId: '',
      roomId: '',
      payload: new Uint8Array(0),
      timestamp: BigInt(this.#now()),
      nonce: randomNonce(),
      requestId: 0,
      sessionKey: this.session.publicKey,
      signature: new Uint8Array(0),
      ...fields,
    };

    if (fields.signature === undefined) {
      message.signature = this.session.sign(signalSigningBytes(signedFieldsOf(message)));
    }

    return encodeSignal(message);
  }

  send(fields: Partial<SignalMessage>): Uint8Array {
    const frame = this.frame(fields);

    this.sendRaw(frame);

    return frame;
  }

  sendRaw(frame: Uint8Array | string): void {
    this.socket.send(frame);
  }

  /** Resolves with the next message of `type` (queued or future). */
  next(type: number): Promise<SignalMessage> {
    return this.nextOf([type]);
  }

  nextOf(types: number[]): Promise<SignalMessage> {
    return this.nextMatching(
      (message) => message.type !== undefined && types.includes(message.type),
    );
  }

  nextMatching(match: (message: SignalMessage) => boolean): Promise<SignalMessage> {
    const index = this.received.findIndex(match);

    if (index >= 0) return Promise.resolve(this.received.splice(index, 1)[0]!);

    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** Resolves with the code of the next ERROR. */
  async nextError(): Promise<string> {
    const error = await this.next(SignalType.ERROR);

    return decodePayload(SignalType.ERROR, error.payload).code!;
  }

  close(): Promise<number> {
    this.socket.close();

    return this.closed;
  }
}

export function defaultDelegation(
  wallet: TestWallet,
  sessionPublicKey: Uint8Array,
  now = Date.now(),
): Promise<SessionDelegation> {
  return createDelegation({
    wallet,
    sessionPublicKey,
    genesisHash: TEST_GENESIS,
    origin: TEST_ORIGIN,
    now,
  });
}
