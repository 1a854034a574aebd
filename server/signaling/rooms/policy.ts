import { StardustError } from '../../../src/shared/errors.js';
import {
  canChangeMode,
  canClose,
  canModerate,
  canSetRole,
  DEFAULT_TURN_MS,
  isModerator,
  mayRaiseHand,
  roleMaySpeak,
  type RoomRole,
  type RoomSpeakingMode,
} from '../../../src/shared/room-rules.js';
import { accountKey, normalizeAddress } from '../../../src/shared/ss58.js';
import { TurnRotation, type Turn } from './turns.js';

/** The clock the policy reads for turns, in ms; `Date` by default, a fake one in tests. */
export interface PolicyClock {
  now(): number;
}

/** One member as the policy records it. */
export interface PolicyMember {
  /** SS58 address with prefix 42. */
  readonly account: string;
  /** Public key hex: the map key. */
  readonly key: string;
  role: RoomRole;
  nickname: string;
  /** The member's own mute switch. Members join with it on. */
  selfMuted: boolean;
  /** Muted by a host or co-host over signaling. */
  moderatorMuted: boolean;
  /** The chain's `RoomMember.is_muted`. */
  chainMuted: boolean;
  handRaised: boolean;
  /** True while the member has live media in the room. */
  connected: boolean;
  /** True while the media path hears the member talking. */
  talking: boolean;
}

/** A member as the chain lists it, to add or refresh. */
export interface ChainMemberFacts {
  account: string;
  role: RoomRole;
  isMuted: boolean;
}

/** Options of {@link RoomPolicy}. */
export interface RoomPolicyOptions {
  mode: RoomSpeakingMode;
  /** Turn length in sequential mode, in ms; {@link DEFAULT_TURN_MS} by default. */
  turnMs?: number;
  clock?: PolicyClock;
}

/** The chain change that a decision on a raised hand requires. */
export interface HandAnswer {
  approved: boolean;
  /** The member's address. */
  account: string;
}

/**
 * The rules of one voice room: who may send audio at any moment, given each member's role,
 * own mute switch, moderator and chain mutes, the speaking mode, the raise-hand queue and
 * the sequential turn. Pure: it changes its own state and answers questions; the room
 * service applies the answers to the media server and broadcasts them.
 *
 * A member may send audio ({@link mayTransmit}) when its role may speak under the mode, no
 * host, co-host or chain mute holds it, and in sequential mode it is a host, a co-host or
 * the speaker holding the turn. The media server mutes every member who may not, and every
 * member whose own switch is off ({@link mediaMuted}).
 *
 * Methods named for a member's or moderator's request check permissions first and throw
 * StardustError ROOM_NOT_ALLOWED (role or mode forbids it), ROOM_NOT_MEMBER (an account
 * the room does not know) or INVALID_ARGUMENT, leaving the state unchanged.
 */
export class RoomPolicy {
  #members = new Map<string, PolicyMember>();
  #mode: RoomSpeakingMode;
  #hands: string[] = [];
  #talkingSince = new Map<string, number>();
  #turns: TurnRotation;
  #clock: PolicyClock;
  #talkingCounter = 0;

  /** @throws StardustError INVALID_ARGUMENT for a turn length out of range. */
  constructor(options: RoomPolicyOptions) {
    this.#mode = options.mode;
    this.#turns = new TurnRotation(options.turnMs ?? DEFAULT_TURN_MS);
    this.#clock = options.clock ?? { now: () => Date.now() };
  }

  get mode(): RoomSpeakingMode {
    return this.#mode;
  }

  /** Turn length of sequential mode, in ms. */
  get turnMs(): number {
    return this.#turns.turnMs;
  }

  /** The running turn of sequential mode, with the holder's address. */
  get turn(): (Omit<Turn, 'key'> & { account: string }) | undefined {
    const turn = this.#turns.turn;

    if (turn === undefined) return undefined;

    const { key, ...rest } = turn;

    return { ...rest, account: this.#members.get(key)!.account };
  }

  /** The speakers whose turns come next in sequential mode, in order (addresses). */
  get turnQueue(): string[] {
    if (this.#mode !== 'Sequential') return [];

    return this.#turns.upcoming((key) => this.#eligibleForTurn(key)).map(this.#address);
  }

  /** Raised hands in the order they were raised (addresses). */
  get handQueue(): string[] {
    return this.#hands.map(this.#address);
  }

  /** Members talking now, in the order they started (addresses). */
  get activeSpeakers(): string[] {
    return [...this.#talkingSince.entries()]
      .sort((a, b) => a[1] - b[1])
      .map(([key]) => this.#address(key));
  }

  /** Every member, in the order the room learnt of them. */
  members(): PolicyMember[] {
    return [...this.#members.values()].map((member) => ({ ...member }));
  }

  /** Returns a copy of one member, or undefined. */
  member(account: string): PolicyMember | undefined {
    const member = this.#members.get(keyOf(account));

    return member === undefined ? undefined : { ...member };
  }

  /** Returns true when the room lists the account as a member. */
  has(account: string): boolean {
    return this.#members.has(keyOf(account));
  }

  /**
   * Returns true when the member may send audio now: its role may speak under the mode, no
   * moderator or chain mute holds it, and in sequential mode it holds the turn (hosts and
   * co-hosts always may). Its own switch is not considered.
   */
  mayTransmit(account: string): boolean {
    const member = this.#members.get(keyOf(account));

    if (member === undefined || member.moderatorMuted || member.chainMuted) return false;

    if (!roleMaySpeak(member.role, this.#mode)) return false;

    if (this.#mode !== 'Sequential' || isModerator(member.role)) return true;

    return this.#turns.turn?.key === member.key;
  }

  /** Returns true when the server holds the member silent whatever its own switch says. */
  serverMuted(account: string): boolean {
    return !this.mayTransmit(account);
  }

  /** Returns true when the media server must mute the member: held silent, or its switch is off. */
  mediaMuted(account: string): boolean {
    const member = this.#members.get(keyOf(account));

    return member === undefined || member.selfMuted || this.serverMuted(account);
  }

  /**
   * Adds a member the chain lists, or refreshes its role and chain mute. A new member starts
   * with its own switch off (muted), no hand and no media.
   */
  upsertMember(facts: ChainMemberFacts, nickname?: string): PolicyMember {
    const key = keyOf(facts.account);
    let member = this.#members.get(key);

    if (member === undefined) {
      member = {
        account: normalizeAddress(facts.account),
        key,
        role: facts.role,
        nickname: nickname ?? '',
        selfMuted: true,
        moderatorMuted: false,
        chainMuted: facts.isMuted,
        handRaised: false,
        connected: false,
        talking: false,
      };
      this.#members.set(key, member);
      this.#roleChanged(member);
    } else {
      member.chainMuted = facts.isMuted;
      this.setRole(facts.account, facts.role);

      if (nickname !== undefined) member.nickname = nickname;
    }

    this.#settle();

    return { ...member };
  }

  /** Forgets a member who left, was kicked or lost its membership. Returns true if it was known. */
  removeMember(account: string): boolean {
    const key = keyOf(account);

    if (!this.#members.delete(key)) return false;

    this.#hands = this.#hands.filter((hand) => hand !== key);
    this.#talkingSince.delete(key);
    this.#turns.remove(key);
    this.#settle();

    return true;
  }

  /** Applies a role the chain reports (or a moderator's approved change). */
  setRole(account: string, role: RoomRole): void {
    const member = this.#require(account);

    if (member.role === role) return;

    const wasAllowedToSpeak = roleMaySpeak(member.role, this.#mode);

    member.role = role;

    // A member who loses the right to speak starts muted when it gets it back.
    if (wasAllowedToSpeak && !roleMaySpeak(role, this.#mode)) member.selfMuted = true;

    this.#roleChanged(member);
    this.#settle();
  }

  /** Applies the chain's mute flag of a member. */
  setChainMuted(account: string, muted: boolean): void {
    this.#require(account).chainMuted = muted;
    this.#settle();
  }

  /** Applies a speaking mode, and a turn length when given. */
  setMode(mode: RoomSpeakingMode, turnMs?: number): void {
    if (turnMs !== undefined) this.#turns.setTurnMs(turnMs);

    // Members whom the new mode silences start muted when a later mode lets them speak.
    for (const member of this.#members.values()) {
      if (roleMaySpeak(member.role, this.#mode) && !roleMaySpeak(member.role, mode)) {
        member.selfMuted = true;
      }
    }

    this.#mode = mode;
    this.#settle();
  }

  /** Marks whether the member has live media. Members without media get no turn. */
  setConnected(account: string, connected: boolean): void {
    const member = this.#members.get(keyOf(account));

    if (member === undefined) return;

    member.connected = connected;

    if (!connected && member.talking) {
      member.talking = false;
      this.#syncTalking(member);
    }

    this.#settle();
  }

  /**
   * Records a talking change from the media path. A member the server mutes is never
   * talking: Janus keeps a muted member's last talking state until its unmute.
   * Returns true when the active speakers changed.
   */
  setTalking(account: string, talking: boolean): boolean {
    const member = this.#members.get(keyOf(account));

    if (member === undefined) return false;

    const next = talking && !this.mediaMuted(member.account);

    if (member.talking === next) return false;

    member.talking = next;
    this.#syncTalking(member);

    return true;
  }

  /**
   * The member's own mute switch. Muting is always allowed. Unmuting is refused while the
   * role or mode never lets the member speak, or a moderator or the chain holds it muted;
   * in sequential mode a speaker may turn its switch on and is heard during its turns.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED.
   */
  setSelfMuted(account: string, muted: boolean): void {
    const member = this.#require(account);

    if (!muted) {
      if (!roleMaySpeak(member.role, this.#mode)) {
        throw notAllowed(
          `${member.account} is a ${member.role} in a ${this.#mode} room and cannot unmute; raise a hand or ask a host.`,
        );
      }

      if (member.moderatorMuted || member.chainMuted) {
        throw notAllowed(
          `${member.account} was muted by a host; only a host or co-host can unmute it.`,
        );
      }
    }

    member.selfMuted = muted;
    this.#settle();
  }

  /**
   * A host or co-host mutes or unmutes another member at the server. Unmuting lifts the
   * moderator's and the chain's hold (the moderator's `set_mute` on chain follows); the
   * member's own switch stays as it is.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED.
   */
  moderateMute(actor: string, target: string, muted: boolean): void {
    const member = this.#checkModeration(actor, target, muted ? 'mute' : 'unmute');

    member.moderatorMuted = muted;

    if (!muted) member.chainMuted = false;

    this.#settle();
  }

  /**
   * Checks that `actor` may kick `target`; the kick itself is {@link removeMember}.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED.
   */
  checkKick(actor: string, target: string): void {
    this.#checkModeration(actor, target, 'kick');
  }

  /**
   * A moderator gives `target` a new role at once; the chain's `set_role` confirms it.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED.
   */
  requestRole(actor: string, target: string, role: RoomRole): void {
    const by = this.#require(actor);
    const member = this.#require(target);

    if (by.key === member.key || !canSetRole(by.role, member.role, role)) {
      throw notAllowed(
        `${by.account} (${by.role}) cannot make ${member.account} (${member.role}) a ${role}.`,
      );
    }

    this.setRole(target, role);
  }

  /**
   * The host changes the speaking mode, and the turn length when given.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED, INVALID_ARGUMENT.
   */
  requestMode(actor: string, mode: RoomSpeakingMode, turnMs?: number): void {
    const by = this.#require(actor);

    if (!canChangeMode(by.role)) {
      throw notAllowed(`${by.account} (${by.role}) cannot change the speaking mode.`);
    }

    this.setMode(mode, turnMs);
  }

  /**
   * Checks that `actor` may close the room.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED.
   */
  checkClose(actor: string): void {
    const by = this.#require(actor);

    if (!canClose(by.role)) throw notAllowed(`${by.account} (${by.role}) cannot close the room.`);
  }

  /**
   * A listener raises or lowers its hand. Raising twice keeps the first place in the queue.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED.
   */
  raiseHand(account: string, raised: boolean): void {
    const member = this.#require(account);

    if (raised && !mayRaiseHand(member.role)) {
      throw notAllowed(`${member.account} is a ${member.role} and may already speak.`);
    }

    if (member.handRaised === raised) return;

    this.#setHand(member, raised);
  }

  /**
   * A host or co-host answers a raised hand. Approving makes the member a speaker with its
   * switch on, so it is heard at once; declining only lowers the hand. Either way the hand
   * lowers. The caller confirms an approval with the chain's `set_role(Speaker)`.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED (not a moderator, or no raised hand).
   */
  answerHand(actor: string, target: string, approved: boolean): HandAnswer {
    const by = this.#require(actor);
    const member = this.#require(target);

    if (!isModerator(by.role)) {
      throw notAllowed(`${by.account} (${by.role}) cannot answer raised hands.`);
    }

    if (!member.handRaised) throw notAllowed(`${member.account} has no raised hand.`);

    this.#setHand(member, false);

    if (approved) {
      this.setRole(member.account, 'Speaker');
      member.selfMuted = false;
      this.#settle();
    }

    return { approved, account: member.account };
  }

  /**
   * Ends the running turn early: the holder yields, or a moderator skips it.
   *
   * @throws StardustError ROOM_NOT_MEMBER, ROOM_NOT_ALLOWED (not sequential, or not the holder or a moderator).
   */
  skipTurn(actor: string): void {
    const by = this.#require(actor);

    if (this.#mode !== 'Sequential') throw notAllowed('Turns exist only in Sequential mode.');

    if (this.#turns.turn?.key !== by.key && !isModerator(by.role)) {
      throw notAllowed(`${by.account} neither holds the turn nor moderates the room.`);
    }

    this.#turns.skip(this.#clock.now(), (key) => this.#eligibleForTurn(key));
    this.#settle();
  }

  /**
   * Moves the turn on when its time is up. The room service calls it at
   * {@link nextDeadline}. Returns true when the turn changed.
   */
  advance(): boolean {
    return this.#settle();
  }

  /** When the running turn ends (policy clock, ms), or undefined. */
  nextDeadline(): number | undefined {
    return this.#turns.turn?.endsAt;
  }

  #checkModeration(actor: string, target: string, action: string): PolicyMember {
    const by = this.#require(actor);
    const member = this.#require(target);

    if (by.key === member.key || !canModerate(by.role, member.role)) {
      throw notAllowed(
        `${by.account} (${by.role}) cannot ${action} ${member.account} (${member.role}).`,
      );
    }

    return member;
  }

  #setHand(member: PolicyMember, raised: boolean): void {
    member.handRaised = raised;
    this.#hands = this.#hands.filter((key) => key !== member.key);

    if (raised) this.#hands.push(member.key);
  }

  /** Keeps the hand queue and the rotation in line with a member's role. */
  #roleChanged(member: PolicyMember): void {
    if (!mayRaiseHand(member.role)) this.#setHand(member, false);

    if (member.role === 'Speaker') this.#turns.enqueue(member.key);
    else this.#turns.remove(member.key);
  }

  #eligibleForTurn(key: string): boolean {
    const member = this.#members.get(key);

    return (
      member !== undefined &&
      member.role === 'Speaker' &&
      member.connected &&
      !member.moderatorMuted &&
      !member.chainMuted
    );
  }

  /**
   * Restores the invariants after any change: the turn follows the mode and the clock, and
   * nobody the media server mutes counts as talking. Returns true when the turn changed.
   */
  #settle(): boolean {
    const changed = this.#turns.refresh(this.#clock.now(), this.#mode === 'Sequential', (key) =>
      this.#eligibleForTurn(key),
    );

    for (const member of this.#members.values()) {
      if (member.talking && this.mediaMuted(member.account)) {
        member.talking = false;
        this.#syncTalking(member);
      }
    }

    return changed;
  }

  #syncTalking(member: PolicyMember): void {
    if (!member.talking) {
      this.#talkingSince.delete(member.key);

      return;
    }

    // A counter, not the clock: the order must hold even for changes within one millisecond.
    this.#talkingCounter += 1;
    this.#talkingSince.set(member.key, this.#talkingCounter);
  }

  #require(account: string): PolicyMember {
    const member = this.#members.get(keyOf(account));

    if (member === undefined) {
      throw new StardustError('ROOM_NOT_MEMBER', `${account} is not a member of this room.`);
    }

    return member;
  }

  #address = (key: string): string => this.#members.get(key)!.account;
}

/**
 * Returns the map key of an account.
 *
 * @throws StardustError ADDRESS_INVALID for a malformed address.
 */
function keyOf(account: string): string {
  try {
    return accountKey(account);
  } catch (error) {
    throw StardustError.from(
      error,
      'ADDRESS_INVALID',
      `${JSON.stringify(String(account).slice(0, 64))} is not an SS58 address.`,
    );
  }
}

function notAllowed(message: string): StardustError {
  return new StardustError('ROOM_NOT_ALLOWED', message);
}
