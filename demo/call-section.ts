/**
 * The call part of a pane: the left party calls the right one, and both ring for incoming
 * calls. After a call, the section lists the call's on-chain record: duration by the chain's
 * clock, fee and mining reward.
 */
import type { StardustCallSettledEvent } from '../components/call/call-events.js';
import { formatDust } from '../components/call/format.js';
import { note, type Party } from './demo-config.js';
import { escapeText, type PaneSection } from './message-section.js';

/** Builds the call section of `party`'s pane; `calls` is true for the party that calls. */
export function callSection(party: Party, peer: Party, calls: boolean): PaneSection {
  const section = document.createElement('section');
  const call = document.createElement('stardust-call');
  const records = document.createElement('ul');

  section.className = 'call-demo';
  section.dataset.testid = `call-section-${party.id}`;
  section.innerHTML = `<h3>Call with ${escapeText(peer.name)}</h3>`;
  call.setAttribute('peer-name', peer.name);
  call.setAttribute('incoming', '');

  if (calls) call.setAttribute('peer', peer.signer.account.address);

  call.addEventListener('stardust-call-settled', (event: StardustCallSettledEvent) => {
    const { chainCallId, duration, fee, reward } = event.detail;

    note(
      records,
      `On chain ${chainCallId.slice(0, 10)}…: ${duration} s, fee ${formatDust(fee)} DUST, reward ${formatDust(reward)} DUST`,
    );
  });
  section.addEventListener('stardust-error', (event) =>
    note(records, `${event.detail.code}: ${event.detail.message}`),
  );
  section.append(call, records);

  return { element: section, start: () => undefined };
}
