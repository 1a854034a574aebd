/** One member in the grid of `<stardust-room>`, with a moderator's buttons on it. */
import { html, nothing, type TemplateResult } from 'lit';

import type { RoomMemberView } from '../../src/room/types.js';
import { canModerate, canSetRole, ROOM_ROLES, type RoomRole } from '../../src/shared/room-rules.js';
import { msg, str } from '../shared/localize.js';
import { memberName, roleLabel } from './room-labels.js';

/** An action a moderator takes on a member from its card. */
export type MemberAction =
  { kind: 'mute'; muted: boolean } | { kind: 'kick' } | { kind: 'role'; role: RoomRole };

/** The context of a card: the viewer, the member's talking state, and the action callback. */
export interface MemberCardContext {
  /** The member viewing the room, if it joined. */
  viewer: RoomMemberView | undefined;
  speaking: boolean;
  busy: boolean;
  act(action: MemberAction): void;
}

/** Renders a member card. */
export function renderMember(member: RoomMemberView, context: MemberCardContext): TemplateResult {
  const name = memberName(member);
  const parts = ['member'];

  if (context.speaking) parts.push('member-speaking');

  if (member.isSelf) parts.push('member-self');

  return html`<li part=${parts.join(' ')} data-account=${member.account}>
    <span part="avatar" class=${context.speaking ? 'avatar speaking' : 'avatar'} aria-hidden="true">
      ${name.slice(0, 1).toUpperCase()}
    </span>
    <span part="member-name" id=${`name-${member.account}`}>
      ${member.isSelf ? msg(str`${name} (you)`) : name}
    </span>
    <span part="role-badge">${roleLabel(member.role)}</span>
    ${
      member.isMuted || member.serverMuted
        ? html`<span part="mute-badge">${msg('Muted')}</span>`
        : nothing
    }
    ${member.handRaised ? html`<span part="hand-badge">${msg('Hand raised')}</span>` : nothing}
    ${context.speaking ? html`<span class="visually-hidden">${msg('speaking')}</span>` : nothing}
    ${member.connected ? nothing : html`<span class="offline">${msg('not connected')}</span>`}
    ${renderActions(member, name, context)}
  </li>`;
}

function renderActions(
  member: RoomMemberView,
  name: string,
  context: MemberCardContext,
): TemplateResult | typeof nothing {
  const viewer = context.viewer;

  if (viewer === undefined || member.isSelf || !canModerate(viewer.role, member.role)) {
    return nothing;
  }

  const muted = member.moderatorMuted;
  const roles = ROOM_ROLES.filter(
    (role) => role !== member.role && canSetRole(viewer.role, member.role, role),
  );

  return html`<span part="member-actions">
    <button
      part="action-button"
      ?disabled=${context.busy}
      aria-describedby=${`name-${member.account}`}
      @click=${() => context.act({ kind: 'mute', muted: !muted })}
    >
      ${muted ? msg('Unmute') : msg('Mute')}
    </button>
    ${roles.map(
      (role) =>
        html`<button
          part="action-button"
          ?disabled=${context.busy}
          aria-describedby=${`name-${member.account}`}
          @click=${() => context.act({ kind: 'role', role })}
        >
          ${msg(str`Make ${roleLabel(role)}`)}
        </button>`,
    )}
    <button
      part="action-button"
      ?disabled=${context.busy}
      aria-describedby=${`name-${member.account}`}
      @click=${() => context.act({ kind: 'kick' })}
    >
      ${msg('Remove')}
    </button>
  </span>`;
}
