/**
 * Follows the outbox of the recorder's client for one recipient: the item the element sent
 * last (or, after a reload, the newest one still unsent), its upload and transaction
 * progress, and its state. Reports `stardust-voice-sent` once the item is on chain, and
 * each failed attempt as an error.
 */
import type { ClientMessages } from '../../src/client/client-messages.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import type { TxStage } from '../../src/chain/types.js';
import type { OutboxRecord, OutboxState } from '../../src/message/store/message-store.js';
import type { SendVoiceInput } from '../../src/message/voice-messages.js';
import { isErrorCode, StardustError } from '../../src/shared/errors.js';
import { sameAccount } from '../../src/shared/ss58.js';
import { StardustVoiceSentEvent } from './voice-recorder-events.js';

/** What the element shows of one outbox item. */
export interface OutboxView {
  id: string;
  state: OutboxState;
  uploaded: boolean;
  /** Error code of the last failed attempt. */
  lastError: string | null;
  upload: { loaded: number; total: number } | null;
  /** The stage of the `chat.send_message` transaction under way. */
  txStage: TxStage | null;
}

/** Callbacks of {@link RecorderOutbox}. */
export interface RecorderOutboxCallbacks {
  onChange(view: OutboxView | null): void;
  onSent(event: StardustVoiceSentEvent): void;
  onError(error: StardustError): void;
}

/** The outbox state of one recorder element. */
export class RecorderOutbox {
  readonly #callbacks: RecorderOutboxCallbacks;
  #messages: ClientMessages | null = null;
  #stops: Array<() => void> = [];
  #view: OutboxView | null = null;
  #to: string | undefined;
  #generation = 0;

  constructor(callbacks: RecorderOutboxCallbacks) {
    this.#callbacks = callbacks;
  }

  /**
   * Follows the voice messages of `client`'s wallet account for recipient `to`, now or once
   * the page sets the wallet, and shows the newest item for `to` still in the outbox.
   */
  follow(client: StardustClient | undefined, to: string | undefined): void {
    const generation = ++this.#generation;

    this.#unsubscribe();
    this.#to = to;
    this.#set(null);

    if (client === undefined) return;

    // Another account gets another outbox.
    this.#stops.push(client.onWalletChange(() => this.follow(client, to)));

    if (client.account === undefined) return;

    const messages = this.#attach(client);

    // Opening the outbox resumes items an earlier page left; show the newest for `to`.
    void messages.outboxItems().then(
      (items) => {
        if (generation !== this.#generation || this.#view !== null) return;

        const unsent = items.filter(
          (item) => item.state !== 'sent' && to !== undefined && sameAccount(item.to, to),
        );
        const newest = unsent[unsent.length - 1];

        if (newest !== undefined) this.#set(viewOf(newest, null));
      },
      (error: unknown) =>
        this.#callbacks.onError(
          StardustError.from(error, 'STORAGE_UNAVAILABLE', 'Reading the outbox failed.'),
        ),
    );
  }

  /** Sends through `client` and follows the new item. */
  async send(client: StardustClient, input: SendVoiceInput): Promise<void> {
    const messages = this.#messages ?? this.#attach(client);
    const item = await messages.send(input);

    if (this.#view?.id !== item.id || item.state === 'sent') this.#set(viewOf(item, this.#view));

    if (item.state === 'sent') this.#sent(item);
  }

  /** Tries the followed item again now. */
  retry(): void {
    const id = this.#view?.id;

    if (id === undefined || this.#messages === null) return;

    void this.#messages
      .retry(id)
      .catch((error: unknown) =>
        this.#callbacks.onError(StardustError.from(error, 'INTERNAL_ERROR', 'Retrying failed.')),
      );
  }

  #attach(client: StardustClient): ClientMessages {
    const messages = client.messages;

    this.#messages = messages;
    this.#stops.push(
      messages.on('outbox', ({ item, previous }) => this.#itemChanged(item, previous)),
      messages.on('uploadProgress', ({ id, loaded, total }) => {
        if (this.#view?.id === id) this.#set({ ...this.#view, upload: { loaded, total } });
      }),
      messages.on('delivery', ({ id, stage }) => {
        if (this.#view?.id === id) this.#set({ ...this.#view, txStage: stage });
      }),
    );

    return messages;
  }

  #itemChanged(item: OutboxRecord, previous: OutboxState | null): void {
    const view = this.#view;

    // A new item from this element is adopted in send(); others for `to` only when idle.
    if (view === null || view.id !== item.id) {
      if (view !== null || this.#to === undefined || !sameAccount(item.to, this.#to)) return;
    }

    const failedAgain =
      item.lastError !== null && item.attempts > 0 && item.lastError !== view?.lastError;

    this.#set(viewOf(item, view));

    if (item.state === 'sent' && previous !== 'sent') this.#sent(item);
    else if (failedAgain || (item.state === 'failed' && previous !== 'failed')) {
      const code = isErrorCode(item.lastError) ? item.lastError : 'INTERNAL_ERROR';

      this.#callbacks.onError(
        new StardustError(
          code,
          item.state === 'failed'
            ? `Voice message ${item.id} was not sent (${item.lastError}); it stays in the outbox: retry it.`
            : `Sending voice message ${item.id} failed (${item.lastError}); it stays in the outbox and is retried.`,
        ),
      );
    }
  }

  #sent(item: OutboxRecord): void {
    this.#callbacks.onSent(
      new StardustVoiceSentEvent({
        cid: item.cid ?? item.id,
        duration: item.durationMs / 1000,
        blockHash: item.receipt?.blockHash ?? '',
        to: item.to,
        burn: item.burn,
        public: item.public === true,
      }),
    );
  }

  #set(view: OutboxView | null): void {
    this.#view = view;
    this.#callbacks.onChange(view);
  }

  #unsubscribe(): void {
    for (const stop of this.#stops.splice(0)) stop();

    this.#messages = null;
  }
}

function viewOf(item: OutboxRecord, previous: OutboxView | null): OutboxView {
  const same = previous?.id === item.id ? previous : null;

  return {
    id: item.id,
    state: item.state,
    uploaded: item.uploaded,
    lastError: item.lastError,
    upload: same?.upload ?? null,
    txStage: same?.txStage ?? null,
  };
}
