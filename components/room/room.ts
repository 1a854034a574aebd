import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { formatDust, parseDust } from '../../src/room/dust.js';
import type { TxSender } from '../../src/chain/types.js';
import { createRoomSession } from '../../src/room/create-room-session.js';
import type { RoomSession } from '../../src/room/room-session.js';
import type { RoomMemberView, RoomSessionState } from '../../src/room/types.js';
import { StardustError } from '../../src/shared/errors.js';
import {
  canChangeMode,
  canClose,
  DEFAULT_TURN_MS,
  isModerator,
  mayRaiseHand,
  SPEAKING_MODES,
  type RoomSpeakingMode,
} from '../../src/shared/room-rules.js';
import type { RoomSnapshot } from '../../src/shared/room-wire.js';
import { sameAccount } from '../../src/shared/ss58.js';
import { msg, renderInLocale, str } from '../shared/localize.js';
import { StardustElement } from '../shared/stardust-element.js';
import { useRoomStrings } from './room-strings.js';
import { baseStyles } from '../shared/styles.js';
import {
  StardustRoomModerationEvent,
  StardustRoomStateChangeEvent,
  StardustRoomTipEvent,
} from './room-events.js';
import { countdown, memberName, modeLabel, stateLabel } from './room-labels.js';
import { renderMember, type MemberAction } from './room-member.js';
import { roomStyles } from './room.styles.js';

/** A confirmation the element is asking for. */
type Confirmation = { kind: 'join'; fee: bigint } | { kind: 'close' };

/**
 * A voice room: the member grid with roles, speaking rings and mute badges, and the raised
 * hands. The member's own controls join (after confirming the entry fee), leave, mute,
 * raise a hand and end a turn. The host's controls mute, kick, change roles, switch the
 * speaking mode and close the room. It also shows the countdown of sequential turns, tips,
 * and the reconnecting state.
 *
 * Give it a {@link RoomSession} through the `session` property; the element renders the
 * session's state and forwards the user's actions to it.
 *
 * @tagname stardust-room
 * @summary A voice room with roles, speaking modes and moderation.
 *
 * @event stardust-room-state-change - The member joined, reconnected, left or was removed, or the room closed. `detail` is `{ roomId, state, previous, reason }`.
 * @event stardust-room-moderation - A host or co-host acted. `detail` is `{ roomId, action, target }`.
 * @event stardust-room-tip - Someone tipped a member; the server checked it on chain. `detail` is `{ roomId, from, to, amount, blockHash }`.
 * @event stardust-error - An action failed. `detail` is `{ code, message }`.
 *
 * @csspart base - The element's box.
 * @csspart header - The title, mode and status.
 * @csspart title - The room's name.
 * @csspart mode - The speaking mode.
 * @csspart status - The member's state in the room.
 * @csspart controls - The member's own buttons.
 * @csspart join-button - Joins the room.
 * @csspart leave-button - Leaves the room.
 * @csspart mute-button - The member's own mute switch (`aria-pressed` when muted).
 * @csspart hand-button - Raises or lowers the member's hand.
 * @csspart turn-button - Ends the member's turn early.
 * @csspart confirm - The confirmation of the entry fee or of closing the room.
 * @csspart confirm-button - Confirms.
 * @csspart cancel-button - Cancels.
 * @csspart turn - The countdown of the sequential turn.
 * @csspart members - The member grid.
 * @csspart member - One member; also `member-speaking` while it talks, `member-self` for the user.
 * @csspart avatar - A member's initial, ringed while it talks.
 * @csspart member-name - A member's name.
 * @csspart role-badge - A member's role.
 * @csspart mute-badge - Shown while a member is muted.
 * @csspart hand-badge - Shown while a member's hand is raised.
 * @csspart member-actions - A moderator's buttons on a member.
 * @csspart action-button - Each of those buttons.
 * @csspart hands - The queue of raised hands.
 * @csspart host-controls - The speaking mode and close controls.
 * @csspart mode-select - The speaking mode choice.
 * @csspart turn-input - The turn length in seconds.
 * @csspart mode-button - Applies the mode.
 * @csspart close-button - Closes the room.
 * @csspart tip-form - Sends a tip.
 * @csspart tips - The tips the room saw.
 * @csspart error - The last failure.
 *
 * @cssproperty --stardust-room-speaking-color - Ring colour of a member who talks (default the success colour).
 * @cssproperty --stardust-room-avatar-size - Diameter of a member's avatar (default 2.5rem).
 */
export class StardustRoom extends StardustElement {
  static override styles: CSSResultGroup = [baseStyles, roomStyles];

  constructor() {
    super();
    // The room strings load with the room elements, not with the main file.
    useRoomStrings();
  }

  /** The chain room id, 16 bytes as hex. */
  @property({ attribute: 'room-id' }) roomId?: string;

  /**
   * The room session to show and drive. Without it, the element makes one from the shared
   * client (`createRoomSession(client, roomId, …)`) once the client has a wallet.
   */
  @property({ attribute: false }) session?: RoomSession;

  /** Signs the room's extrinsics when the element makes its own session: the session proxy or the wallet. */
  @property({ attribute: false }) sender?: TxSender;

  /** Signs tips when the element makes its own session: the wallet. */
  @property({ attribute: false }) tipSender?: TxSender;

  /** The name the room shows for this member when the element makes its own session. */
  @property() nickname?: string;

  @state() private _state: RoomSessionState = 'idle';
  @state() private _reason: string | undefined;
  @state() private _snapshot: RoomSnapshot | undefined;
  @state() private _speakers: string[] = [];
  @state() private _name: string | undefined;
  @state() private _confirm: Confirmation | undefined;
  @state() private _busy = false;
  @state() private _announcement = '';
  @state() private _error: string | undefined;
  @state() private _tips: Array<{ from: string; to: string; amount: bigint }> = [];

  #unsubscribe: Array<() => void> = [];
  #own: RoomSession | undefined;
  #bound: RoomSession | undefined;
  /** Counts the sessions the element started to make; only the latest is kept. */
  #makes = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();

    // Properties a page set before this class loaded (the tag is defined lazily) are
    // restored by lit in the first update, so until then the first willUpdate binds.
    if (this.hasUpdated) this.#rebind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker();

    // A session the element made ends with it, unless the element only moved within one
    // task; a session the page gave stays the page's.
    queueMicrotask(() => {
      if (this.isConnected || this.#own === undefined) return;

      this.#own.dispose();
      this.#own = undefined;
      this.#bind(this.session);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);

    const settingsChanged =
      changed.has('sender') || changed.has('tipSender') || changed.has('nickname');

    // A session the element made has not sent its nickname or signed anything until it
    // joins, so before that it is made again with the new settings.
    if (settingsChanged && this.#own?.state === 'idle') {
      this.#own.dispose();
      this.#own = undefined;
    }

    if (!this.hasUpdated || settingsChanged || changed.has('session') || changed.has('roomId')) {
      this.#rebind();
    }

    if (changed.has('roomId') && this.roomId !== undefined && !isRoomId(this.roomId)) {
      this.dispatchError(
        new StardustError(
          'CONFIG_INVALID',
          `<stardust-room>: room-id must be 16 bytes of hex, got ${JSON.stringify(this.roomId)}.`,
        ),
      );
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.#active?.turn !== undefined && this._state === 'joined') this.#startTicker();
    else this.#stopTicker();

    // Keyboard and screen reader users land on the confirmation.
    if (changed.has('_confirm' as keyof StardustRoom) && this._confirm !== undefined) {
      this.renderRoot.querySelector<HTMLElement>('[part="confirm-button"]')?.focus();
    }
  }

  protected override render(): TemplateResult {
    const snapshot = this._snapshot;

    return html`<section part="base" lang=${this.resolvedLocale} aria-labelledby="title">
      <header part="header">
        <h2 part="title" id="title">${this._name ?? msg('Voice room')}</h2>
        ${
          snapshot === undefined
            ? nothing
            : html`<p part="mode">${modeLabel(snapshot.speakingMode)}</p>`
        }
        <p part="status" role="status">${stateLabel(this._state, this._reason)}</p>
      </header>
      ${this.#renderConfirm()} ${this.#renderControls()} ${this.#renderTurn()}
      ${this.#renderMembers()} ${this.#renderHands()} ${this.#renderHostControls()}
      ${this.#renderTipForm()} ${this.#renderTips()}
      ${this._error === undefined ? nothing : html`<p part="error" role="alert">${this._error}</p>`}
      <div class="visually-hidden" role="status">${this._announcement}</div>
    </section>`;
  }

  /** True while this member is in the room, so its moderator controls can act. */
  get #inRoom(): boolean {
    return this._state === 'joined' || this._state === 'reconnecting';
  }

  #renderControls(): TemplateResult {
    if (!this.#inRoom) {
      const canJoin = this._state !== 'joining' && this._state !== 'closed';

      return html`<div part="controls">
        <button
          part="join-button"
          ?disabled=${!canJoin || this._busy || this._confirm !== undefined}
          @click=${this.#askJoin}
        >
          ${msg('Join room')}
        </button>
      </div>`;
    }

    const self = this.#active?.self;
    const muted = self === undefined || self.isMuted;
    const holdsTurn = self !== undefined && this.#active?.turn?.account === self.account;

    return html`<div part="controls">
      <button
        part="mute-button"
        aria-pressed=${muted ? 'true' : 'false'}
        ?disabled=${this._busy || (muted && self?.serverMuted === true)}
        @click=${() => this.#run(() => this.#active!.setMuted(!muted))}
      >
        ${muted ? msg('Unmute') : msg('Mute')}
      </button>
      ${
        self !== undefined && (mayRaiseHand(self.role) || self.handRaised)
          ? html`<button
              part="hand-button"
              aria-pressed=${self.handRaised ? 'true' : 'false'}
              ?disabled=${this._busy}
              @click=${() => this.#run(() => this.#active!.raiseHand(!self.handRaised))}
            >
              ${self.handRaised ? msg('Lower hand') : msg('Raise hand')}
            </button>`
          : nothing
      }
      ${
        holdsTurn
          ? html`<button
              part="turn-button"
              ?disabled=${this._busy}
              @click=${() => this.#run(() => this.#active!.skipTurn())}
            >
              ${msg('End my turn')}
            </button>`
          : nothing
      }
      <button part="leave-button" ?disabled=${this._busy} @click=${this.#leave}>
        ${msg('Leave')}
      </button>
    </div>`;
  }

  #renderConfirm(): TemplateResult | typeof nothing {
    const confirm = this._confirm;

    if (confirm === undefined) return nothing;

    const text =
      confirm.kind === 'join'
        ? msg(str`Joining costs ${formatDust(confirm.fee)} DUST, paid to the host. Join?`)
        : msg('Close the room for everyone? Your deposit is returned.');
    const action =
      confirm.kind === 'join'
        ? msg(str`Pay ${formatDust(confirm.fee)} DUST and join`)
        : msg('Close room');

    return html`<div
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-text"
      aria-modal="false"
    >
      <p id="confirm-text">${text}</p>
      <button part="confirm-button" @click=${this.#confirmed}>${action}</button>
      <button part="cancel-button" @click=${() => (this._confirm = undefined)}>
        ${msg('Cancel')}
      </button>
    </div>`;
  }

  #renderTurn(): TemplateResult | typeof nothing {
    const turn = this.#active?.turn;

    if (turn === undefined || this._state !== 'joined') return nothing;

    const holder = this._snapshot?.members.find((m) => m.account === turn.account);
    const name = holder === undefined ? '' : memberName(holder);
    const left = countdown(this.#active!.turnRemainingMs());

    return html`<p part="turn" role="timer" aria-live="off">
      ${msg(str`${name} has the floor · ${left} left`)}
    </p>`;
  }

  #renderMembers(): TemplateResult | typeof nothing {
    const members = this.#active?.members ?? [];

    if (members.length === 0) return nothing;

    // Outside the room (left, removed or closed) the cards stay, without moderator buttons.
    const self = this.#inRoom ? this.#active?.self : undefined;

    return html`<ul part="members" aria-label=${msg('Members')}>
      ${members.map((member) =>
        renderMember(member, {
          viewer: self,
          speaking: this._speakers.some((account) => sameAccount(account, member.account)),
          busy: this._busy,
          act: (action) => this.#act(member, action),
        }),
      )}
    </ul>`;
  }

  #renderHands(): TemplateResult | typeof nothing {
    const snapshot = this._snapshot;
    const self = this.#active?.self;

    if (snapshot === undefined || snapshot.handQueue.length === 0) return nothing;

    const moderator = this.#inRoom && isModerator(self?.role);

    return html`<section part="hands" aria-labelledby="hands-title">
      <h3 id="hands-title">${msg('Raised hands')}</h3>
      <ol>
        ${snapshot.handQueue.map((account) => {
          const member = snapshot.members.find((m) => m.account === account);
          const name = member === undefined ? account : memberName(member);

          return html`<li>
            <span id=${`hand-${account}`}>${name}</span>
            ${
              moderator
                ? html`<button
                      part="action-button"
                      ?disabled=${this._busy}
                      aria-describedby=${`hand-${account}`}
                      @click=${() => this.#run(() => this.#active!.answerHand(account, true))}
                    >
                      ${msg('Approve')}
                    </button>
                    <button
                      part="action-button"
                      ?disabled=${this._busy}
                      aria-describedby=${`hand-${account}`}
                      @click=${() => this.#run(() => this.#active!.answerHand(account, false))}
                    >
                      ${msg('Decline')}
                    </button>`
                : nothing
            }
          </li>`;
        })}
      </ol>
    </section>`;
  }

  #renderHostControls(): TemplateResult | typeof nothing {
    const self = this.#active?.self;
    const snapshot = this._snapshot;

    if (!this.#inRoom || self === undefined || snapshot === undefined || !canChangeMode(self.role))
      return nothing;

    const turnSeconds = Math.round((snapshot.turn?.turnMs ?? DEFAULT_TURN_MS) / 1000);

    return html`<section part="host-controls" aria-labelledby="host-title">
      <h3 id="host-title">${msg('Room controls')}</h3>
      <form @submit=${this.#applyMode}>
        <label>
          ${msg('Speaking mode')}
          <select part="mode-select" name="mode">
            ${SPEAKING_MODES.map(
              (mode) =>
                html`<option value=${mode} ?selected=${mode === snapshot.speakingMode}>
                  ${modeLabel(mode)}
                </option>`,
            )}
          </select>
        </label>
        <label>
          ${msg('Turn length (seconds)')}
          <input
            part="turn-input"
            name="turn"
            type="number"
            min="5"
            max="600"
            step="1"
            .value=${String(turnSeconds)}
          />
        </label>
        <button part="mode-button" ?disabled=${this._busy}>${msg('Apply')}</button>
      </form>
      ${
        canClose(self.role)
          ? html`<button
              part="close-button"
              ?disabled=${this._busy || this._confirm !== undefined}
              @click=${() => (this._confirm = { kind: 'close' })}
            >
              ${msg('Close room')}
            </button>`
          : nothing
      }
    </section>`;
  }

  #renderTipForm(): TemplateResult | typeof nothing {
    const self = this.#active?.self;
    const others = (this.#active?.members ?? []).filter((member) => !member.isSelf);

    if (self === undefined || others.length === 0 || this._state !== 'joined') return nothing;

    return html`<form part="tip-form" @submit=${this.#sendTip} aria-labelledby="tip-title">
      <h3 id="tip-title">${msg('Send a tip')}</h3>
      <label>
        ${msg('To')}
        <select name="to">
          ${others.map((member) => html`<option value=${member.account}>${memberName(member)}</option>`)}
        </select>
      </label>
      <label>
        ${msg('Amount (DUST)')}
        <input name="amount" inputmode="decimal" required value="0.1" />
      </label>
      <button ?disabled=${this._busy}>${msg('Send tip')}</button>
    </form>`;
  }

  #renderTips(): TemplateResult | typeof nothing {
    if (this._tips.length === 0) return nothing;

    const name = (account: string) => {
      const member = this._snapshot?.members.find((m) => sameAccount(m.account, account));

      return member === undefined ? account : memberName(member);
    };

    return html`<ul part="tips" role="log" aria-label=${msg('Tips')}>
      ${this._tips.map(
        (tip) =>
          html`<li>
            ${msg(str`${name(tip.from)} tipped ${name(tip.to)}: ${formatDust(tip.amount)} DUST`)}
          </li>`,
      )}
    </ul>`;
  }

  /** The session shown: the `session` property, else the one the element made. */
  get #active(): RoomSession | undefined {
    return this.session ?? this.#own;
  }

  protected override clientChanged(): void {
    if (this.hasUpdated) this.#rebind();
  }

  /** Binds to the session to show, making one from the client when none was given. */
  #rebind(): void {
    const wanted = this.roomId?.replace(/^0x/, '').toLowerCase();

    if (this.session === undefined && this.#own?.roomId !== wanted) {
      const making = ++this.#makes;

      this.#own?.dispose();
      this.#own = undefined;
      void this.#makeSession()
        .then((session) => {
          // The room, the settings or the given session changed while the session was made.
          if (
            making !== this.#makes ||
            this.session !== undefined ||
            this.#own !== undefined ||
            session?.roomId !== wanted
          ) {
            session?.dispose();

            return;
          }

          this.#own = session;
          this.#bind(session);
        })
        .catch(() => {
          // No wallet yet (INVALID_STATE): joining asks again and reports it.
        });
    }

    const session = this.#active;

    if (session !== this.#bound) this.#bind(session);
  }

  /**
   * Makes a session from the shared client, or resolves undefined when there is no client
   * or room id.
   *
   * @throws StardustError INVALID_STATE when the client has no wallet yet.
   */
  async #makeSession(): Promise<RoomSession | undefined> {
    const client = this.stardust.client;

    if (client === undefined || this.roomId === undefined || !isRoomId(this.roomId)) {
      return undefined;
    }

    return createRoomSession(client, this.roomId, {
      sender: this.sender,
      tipSender: this.tipSender,
      nickname: this.nickname,
    });
  }

  #bind(session: RoomSession | undefined): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();

    this.#bound = session;

    if (session === undefined) return;

    this._state = session.state;
    this._snapshot = session.snapshot;
    this._speakers = session.activeSpeakers;

    const roomId = `0x${session.roomId}`;

    this.#unsubscribe.push(
      session.on('stateChange', ({ state, previous, reason }) => {
        this._state = state;
        this._reason = reason;
        // The listener runs outside render, so the label is built in the element's locale here.
        this.#announce(renderInLocale(this.resolvedLocale, () => stateLabel(state, reason)));
        this.dispatchEvent(new StardustRoomStateChangeEvent({ roomId, state, previous, reason }));
      }),
      session.on('roomState', ({ state }) => {
        this._snapshot = state;
      }),
      session.on('speaking', ({ activeSpeakers }) => {
        this._speakers = activeSpeakers;
      }),
      session.on('moderation', ({ action, target }) => {
        this.dispatchEvent(new StardustRoomModerationEvent({ roomId, action, target }));
      }),
      session.on('tip', (tip) => {
        this._tips = [...this._tips.slice(-19), tip];
        this.dispatchEvent(new StardustRoomTipEvent({ roomId, ...tip }));
      }),
      session.on('error', ({ error }) => this.dispatchError(error)),
    );

    if (session.state === 'idle') {
      session
        .details()
        .then((room) => {
          this._name = room.name;
        })
        .catch(() => {
          // Without a chain client the element shows a generic title.
        });
    }
  }

  async #askJoin(): Promise<void> {
    const session = await this.#requireSession();

    if (session === undefined) return;

    let fee = 0n;

    try {
      fee = await session.entryFee();
    } catch (error) {
      // No chain client: the session joins without a chain call, so there is no fee to show.
      if (!(error instanceof StardustError && error.code === 'CONFIG_INVALID')) {
        this.#fail(error);

        return;
      }
    }

    if (fee > 0n) this._confirm = { kind: 'join', fee };
    else await this.#run(() => session.join());
  }

  async #confirmed(): Promise<void> {
    const confirm = this._confirm;

    this._confirm = undefined;

    if (confirm?.kind === 'join') await this.#run(() => this.#active!.join());
    else if (confirm?.kind === 'close') await this.#run(() => this.#active!.close());
  }

  async #leave(): Promise<void> {
    await this.#run(() => this.#active!.leave());
  }

  async #act(member: RoomMemberView, action: MemberAction): Promise<void> {
    const session = this.#active!;

    await this.#run(() => {
      switch (action.kind) {
        case 'mute':
          return session.muteMember(member.account, action.muted);
        case 'kick':
          return session.kick(member.account);
        case 'role':
          return session.setRole(member.account, action.role);
      }
    });
  }

  async #applyMode(event: SubmitEvent): Promise<void> {
    event.preventDefault();

    const data = new FormData(event.target as HTMLFormElement);
    const mode = String(data.get('mode')) as RoomSpeakingMode;
    const seconds = Number(data.get('turn'));

    await this.#run(() =>
      this.#active!.setSpeakingMode(mode, {
        turnMs: mode === 'Sequential' ? Math.round(seconds * 1000) : undefined,
      }),
    );
  }

  async #sendTip(event: SubmitEvent): Promise<void> {
    event.preventDefault();

    const data = new FormData(event.target as HTMLFormElement);

    await this.#run(() =>
      this.#active!.tip(String(data.get('to')), parseDust(String(data.get('amount')))),
    );
  }

  /** Runs a user action: one at a time, failures reported as event and alert. */
  async #run(action: () => Promise<void>): Promise<void> {
    this._busy = true;
    this._error = undefined;

    try {
      await action();
    } catch (error) {
      this.#fail(error);
    } finally {
      this._busy = false;
    }
  }

  #fail(error: unknown): void {
    const failure = StardustError.from(error, 'INTERNAL_ERROR', 'A room action failed.');

    this._error = failureText(failure);
    this.dispatchError(failure);
  }

  async #requireSession(): Promise<RoomSession | undefined> {
    if (this.#active === undefined) {
      try {
        this.stardust.requireClient();

        if (this.roomId === undefined || !isRoomId(this.roomId)) {
          throw new StardustError(
            'CONFIG_INVALID',
            '<stardust-room> needs a room-id of 16 bytes of hex.',
          );
        }

        this.#own = await this.#makeSession();
        this.#bind(this.#own);
      } catch (error) {
        this.#fail(error);

        return undefined;
      }
    }

    return this.#active;
  }

  #announce(text: string): void {
    this._announcement = text;
  }

  #startTicker(): void {
    this.#ticker ??= setInterval(() => this.requestUpdate(), 1000);
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}

/** Returns the text shown for a failed action, in the rendering locale. */
function failureText(error: StardustError): string {
  switch (error.code) {
    case 'ROOM_NOT_ALLOWED':
      return msg('Your role or the speaking mode does not allow that.');
    case 'ROOM_NOT_MEMBER':
      return msg('You are not a member of this room.');
    case 'ROOM_CLOSED':
      return msg('The room is closed.');
    case 'ROOM_FULL':
      return msg('The room is full.');
    case 'ROOM_MEDIA_UNAVAILABLE':
      return msg('This room is too large without a media server.');
    case 'WALLET_REJECTED':
      return msg('The wallet request was declined.');
    case 'MIC_PERMISSION_DENIED':
      return msg('Allow the microphone to speak.');
    case 'INVALID_ARGUMENT':
      return msg('Check the values you entered.');
    default:
      return msg('That did not work. Try again.');
  }
}

function isRoomId(value: string): boolean {
  return /^(?:0x)?[0-9a-fA-F]{32}$/.test(value);
}

declare global {
  interface HTMLElementTagNameMap {
    'stardust-room': StardustRoom;
  }
}
