// One simulated client of the load scenario. It builds and signs real signaling frames with
// node:crypto keys and sends them either to a signaling server (authenticated, routed by the
// server) or to the bare relay of bare-relay.ts (the floor: the same frames forwarded by
// target ids in a small header, with no checks).
import WebSocket from 'ws';

import { toHex } from '../../../src/shared/bytes.js';
import {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  randomNonce,
  type SignalMessage,
  SignalType,
} from '../../../src/shared/codec.js';
import { createDelegation, type SessionDelegation } from '../../../src/shared/delegation.js';
import {
  challengeSigningBytes,
  signalSigningBytes,
  signedFieldsOf,
} from '../../../src/shared/signing.js';
import { nodeEd25519KeyPair, nodeEd25519Wallet } from '../node-signers.js';
import type { TestWallet } from '../signers.js';

/** How the peer reaches the others. */
export type LoadMode = 'signaling' | 'bare';

/** Receives every message from another peer, with the time it arrived (performance.now()). */
export type LoadHandler = (message: SignalMessage, receivedAt: number) => void;

/** Options of {@link LoadPeer.connect}. */
export interface LoadPeerOptions {
  mode: LoadMode;
  /** Signaling URL, or the bare relay's URL. */
  url: string;
  /** The peer's number, which the bare relay routes by. */
  index: number;
  genesisHash: Uint8Array;
  /** Interval of HEARTBEAT in signaling mode; 15 s, as the SDK sends them. */
  heartbeatMs?: number;
}

/** A simulated client: signed frames out, decoded frames in. */
export class LoadPeer {
  readonly index: number;
  readonly mode: LoadMode;
  readonly wallet: TestWallet;
  readonly address: string;
  /** ERROR codes the server answered this peer with, and how often. */
  readonly errors = new Map<string, number>();
  #socket!: WebSocket;
  #handler: LoadHandler = () => {};
  #serverHandler: (message: SignalMessage) => void = () => {};
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #nextRequest = 1;
  readonly #session = nodeEd25519KeyPair();

  private constructor(index: number, mode: LoadMode) {
    this.index = index;
    this.mode = mode;
    this.wallet = nodeEd25519Wallet();
    this.address = this.wallet.address;
  }

  /** Opens the socket and, in signaling mode, authenticates. */
  static async connect(options: LoadPeerOptions): Promise<LoadPeer> {
    const peer = new LoadPeer(options.index, options.mode);
    const url = options.mode === 'bare' ? `${options.url}?id=${options.index}` : options.url;

    peer.#socket = new WebSocket(url, { perMessageDeflate: false });
    peer.#socket.binaryType = 'nodebuffer';
    // The challenge can arrive in the same chunk as the upgrade response, so in the same
    // tick as `open`: listen before that.
    peer.#socket.on('message', (data: Buffer) => peer.#receive(data));

    const authenticated =
      options.mode === 'signaling' ? peer.#authenticate(options.genesisHash) : Promise.resolve();

    await new Promise<void>((resolve, reject) => {
      peer.#socket.once('open', () => resolve());
      peer.#socket.once('error', reject);
    });
    await authenticated;

    if (options.mode === 'signaling') {
      peer.#heartbeat = setInterval(
        () => peer.send({ type: SignalType.HEARTBEAT }, []),
        options.heartbeatMs ?? 15_000,
      );
    }

    return peer;
  }

  /** Sets the receiver of messages from other peers. */
  onMessage(handler: LoadHandler): void {
    this.#handler = handler;
  }

  /**
   * Signs and sends a message; `targets` are the peer numbers the bare relay forwards it to
   * (the signaling server routes by the message itself). Returns the nonce in hex.
   */
  send(fields: Partial<SignalMessage>, targets: number[]): string {
    const message: SignalMessage = {
      type: SignalType.HEARTBEAT,
      from: this.address,
      to: '',
      callId: '',
      roomId: '',
      payload: new Uint8Array(0),
      timestamp: BigInt(Date.now()),
      nonce: randomNonce(),
      requestId: 0,
      sessionKey: this.#session.publicKey,
      signature: new Uint8Array(0),
      ...fields,
    };

    message.signature = this.#session.sign(signalSigningBytes(signedFieldsOf(message)));

    const frame = encodeSignal(message);

    this.#socket.send(this.mode === 'bare' ? bareFrame(targets, frame) : frame);

    return toHex(message.nonce);
  }

  /** Sends a message with a request id and resolves with the server's answer. */
  request(fields: Partial<SignalMessage>): Promise<SignalMessage> {
    const requestId = this.#nextRequest;

    this.#nextRequest += 1;

    const answer = new Promise<SignalMessage>((resolve) => {
      const previous = this.#serverHandler;

      this.#serverHandler = (message) => {
        if (message.requestId === requestId) {
          this.#serverHandler = previous;
          resolve(message);
        } else {
          previous(message);
        }
      };
    });

    this.send({ ...fields, requestId }, []);

    return answer;
  }

  async close(): Promise<void> {
    clearInterval(this.#heartbeat);

    if (this.#socket.readyState === WebSocket.CLOSED) return;

    await new Promise<void>((resolve) => {
      this.#socket.once('close', () => resolve());
      this.#socket.close();
    });
  }

  #receive(data: Buffer): void {
    const receivedAt = performance.now();
    let message: SignalMessage;

    try {
      message = decodeSignal(data);
    } catch {
      this.#count('UNDECODABLE');

      return;
    }

    if (message.from !== '') {
      this.#handler(message, receivedAt);

      return;
    }

    if (message.type === SignalType.ERROR) {
      this.#count(decodePayload(SignalType.ERROR, message.payload).code ?? 'ERROR');
    }

    this.#serverHandler(message);
  }

  #count(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  #authenticate(genesisHash: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#serverHandler = (message) => {
        if (message.type === SignalType.AUTH_CHALLENGE) {
          void this.#answer(message, genesisHash).catch(reject);
        } else if (message.type === SignalType.AUTH_OK) {
          this.#serverHandler = () => {};

          resolve();
        } else {
          reject(new Error(`peer ${this.index} was refused: ${describeError(message)}`));
        }
      };
    });
  }

  async #answer(challengeMessage: SignalMessage, genesisHash: Uint8Array): Promise<void> {
    const challenge = decodePayload(SignalType.AUTH_CHALLENGE, challengeMessage.payload);
    const delegation: SessionDelegation = await createDelegation({
      wallet: this.wallet,
      sessionPublicKey: this.#session.publicKey,
      genesisHash,
      origin: 'http://127.0.0.1:5173',
      now: Date.now(),
    });
    const challengeSignature = this.#session.sign(
      challengeSigningBytes(challenge.challenge!, delegation.account, challenge.serverId!),
    );

    this.#socket.send(
      encodeSignal({
        type: SignalType.AUTH_RESPONSE,
        payload: encodePayload(SignalType.AUTH_RESPONSE, { delegation, challengeSignature }),
      }),
    );
  }
}

/** `[u16 target count][u32 target…][frame]`, the bare relay's routing header. */
function bareFrame(targets: number[], frame: Uint8Array): Buffer {
  const header = Buffer.alloc(2 + 4 * targets.length);

  header.writeUInt16LE(targets.length, 0);
  targets.forEach((target, index) => header.writeUInt32LE(target, 2 + 4 * index));

  return Buffer.concat([header, frame]);
}

function describeError(message: SignalMessage): string {
  if (message.type !== SignalType.ERROR) return `type ${message.type}`;

  return decodePayload(SignalType.ERROR, message.payload).code ?? 'ERROR';
}
