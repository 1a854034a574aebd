import type { Logger } from 'pino';

import { StardustError } from '../../../src/shared/errors.js';
import { JanusConnection, type WebSocketClass } from './connection.js';
import { RoomMediaError, type RoomMediaContext } from './errors.js';
import { JanusSession, type JanusHandle } from './session.js';
import type { BridgeState, ReconnectPolicy } from './types.js';

/** The live parts of a link: the connection, its session and the plugin's admin handle. */
export interface LinkLive {
  connection: JanusConnection;
  session: JanusSession;
  admin: JanusHandle;
}

/** Options of {@link JanusLink}. */
export interface JanusLinkOptions {
  url: string;
  name: string;
  plugin: string;
  apiSecret?: string;
  WebSocket?: WebSocketClass;
  requestTimeoutMs: number;
  keepaliveIntervalMs: number;
  reconnect: ReconnectPolicy;
  logger: Logger;
  /** Called with each new admin handle, to listen to its events. */
  onAttached(live: LinkLive): void;
  /** Called when a ready link loses its connection, before reconnecting starts. */
  onLost(error: unknown): void;
  /** Called after a reconnect, before the link is ready again; a throw retries the reconnect. */
  onReconnected(live: LinkLive): Promise<void>;
}

/**
 * The connection lifecycle of one Janus server: connect, session and admin handle, loss
 * detection (socket close, failed keepalive, session timeout), reconnect with the policy's
 * backoff, and a `whenReady` that lets requests wait out a short reconnect.
 */
export class JanusLink {
  #options: JanusLinkOptions;
  #state: BridgeState = 'idle';
  #live: LinkLive | undefined;
  #everConnected = false;
  #attempt = 0;
  #timer: NodeJS.Timeout | undefined;
  #connecting: Promise<void> | undefined;
  #waiters = new Set<(state: BridgeState) => void>();
  #onState: (state: BridgeState, previous: BridgeState, error?: unknown) => void;

  constructor(
    options: JanusLinkOptions,
    onState: (state: BridgeState, previous: BridgeState, error?: unknown) => void,
  ) {
    this.#options = options;
    this.#onState = onState;
  }

  get state(): BridgeState {
    return this.#state;
  }

  /** The live connection, or undefined while not connected. */
  get live(): LinkLive | undefined {
    return this.#live;
  }

  /** Connects once; on failure rejects and keeps retrying in the background. */
  connect(): Promise<void> {
    if (this.#state === 'closed') return Promise.reject(this.#disposed('connect'));

    if (this.#state === 'ready') return Promise.resolve();

    this.#connecting ??= this.#firstConnect().finally(() => {
      this.#connecting = undefined;
    });

    return this.#connecting;
  }

  /** Stops reconnecting, destroys the session and closes the connection. */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;

    const live = this.#live;

    clearTimeout(this.#timer);
    this.#live = undefined;
    this.#setState('closed');

    if (live !== undefined) {
      await live.session.destroy();
      live.connection.close();
    }
  }

  /**
   * Resolves with the live connection. While connecting or reconnecting it waits up to the
   * request timeout.
   *
   * @throws RoomMediaError ROOM_MEDIA_DISCONNECTED; StardustError DISPOSED after close,
   *   INVALID_STATE before the first connect.
   */
  whenReady(context: Omit<RoomMediaContext, 'server'>): Promise<LinkLive> {
    const full = { ...context, server: this.#options.name };

    if (this.#state === 'ready' && this.#live !== undefined) return Promise.resolve(this.#live);

    if (this.#state === 'closed') return Promise.reject(this.#disposed(context.request));

    if (this.#state === 'idle') {
      return Promise.reject(
        this.#everConnected
          ? RoomMediaError.disconnected(full)
          : new StardustError(
              'INVALID_STATE',
              `Janus ${this.#options.name} is not connected; call connect() first.`,
            ),
      );
    }

    return new Promise((resolve, reject) => {
      const waiter = (state: BridgeState) => {
        if (state === 'ready' && this.#live !== undefined) {
          done();
          resolve(this.#live);
        } else if (state === 'closed' || state === 'idle') {
          done();
          reject(
            state === 'closed'
              ? this.#disposed(context.request)
              : RoomMediaError.disconnected(full),
          );
        }
      };

      const timer = setTimeout(() => {
        done();
        reject(RoomMediaError.disconnected(full));
      }, this.#options.requestTimeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };

      this.#waiters.add(waiter);
    });
  }

  async #firstConnect(): Promise<void> {
    clearTimeout(this.#timer);
    this.#setState('connecting');

    try {
      await this.#open();
    } catch (error) {
      if (this.#state === 'closed') throw error;

      this.#options.logger.warn({ err: error }, 'Janus unreachable; retrying in the background');
      this.#setState('reconnecting', error);
      this.#attempt = 0;
      this.#schedule(error);

      throw error;
    }

    this.#setState('ready');
  }

  async #open(): Promise<void> {
    const options = this.#options;
    const connection = await JanusConnection.open({
      url: options.url,
      name: options.name,
      requestTimeoutMs: options.requestTimeoutMs,
      apiSecret: options.apiSecret,
      WebSocket: options.WebSocket,
    });
    let live: LinkLive;

    try {
      const session = await JanusSession.create(connection, {
        keepaliveIntervalMs: options.keepaliveIntervalMs,
      });

      live = { connection, session, admin: await session.attach(options.plugin) };
    } catch (error) {
      connection.terminate();

      throw error;
    }

    if (this.#state === 'closed') {
      await live.session.destroy();
      connection.close();

      throw this.#disposed('connect');
    }

    this.#live = live;
    this.#everConnected = true;
    options.onAttached(live);
    live.session.on('lost', ({ reason }) => {
      options.logger.warn({ reason }, 'Janus session lost');
      connection.terminate();
    });
    connection.on('close', ({ code }) => {
      // While reconnecting, the failing restore request reports the loss instead.
      if (this.#live?.connection !== connection || this.#state !== 'ready') return;

      this.#lost(new Error(`WebSocket closed with code ${code}`));
    });
  }

  #lost(error: unknown): void {
    this.#live?.session.dispose();
    this.#live = undefined;
    this.#options.logger.warn({ err: error }, 'connection to Janus lost; reconnecting');
    this.#setState('reconnecting', error);
    this.#options.onLost(error);
    this.#attempt = 0;
    this.#schedule(error);
  }

  #schedule(error: unknown): void {
    this.#attempt += 1;

    const delay = this.#options.reconnect.nextDelayMs({ attempt: this.#attempt, error });

    if (delay === null) {
      this.#options.logger.error(
        { err: error, attempts: this.#attempt - 1 },
        'gave up reconnecting to Janus',
      );
      this.#setState('idle', error);

      return;
    }

    this.#timer = setTimeout(() => void this.#reconnectOnce(), delay);
  }

  async #reconnectOnce(): Promise<void> {
    if (this.#state !== 'reconnecting') return;

    try {
      await this.#open();
      await this.#options.onReconnected(this.#live!);
    } catch (error) {
      if (this.#state !== 'reconnecting') return;

      const live = this.#live;

      this.#live = undefined;
      live?.session.dispose();
      live?.connection.terminate();
      this.#options.logger.warn(
        { err: error, attempt: this.#attempt },
        'reconnect to Janus failed',
      );
      this.#schedule(error);

      return;
    }

    this.#attempt = 0;
    this.#setState('ready');
  }

  #setState(state: BridgeState, error?: unknown): void {
    const previous = this.#state;

    if (previous === state) return;

    this.#state = state;
    this.#options.logger.info({ state, previous }, 'Janus connection state');
    this.#onState(state, previous, error);

    for (const waiter of [...this.#waiters]) waiter(state);
  }

  #disposed(request: string): StardustError {
    return new StardustError(
      'DISPOSED',
      `Janus client ${this.#options.name} was closed; ${request} needs a new one.`,
    );
  }
}
