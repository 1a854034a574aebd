/**
 * The chain layer's code that runs only once a page uses the chain: the pallet wrappers,
 * the transaction tracker with its error mapping, and the codec conversion. The chain client
 * loads it with a dynamic import together with @polkadot/api, so the CDN file does not carry
 * it.
 */
import type { ChainClient } from './chain-client.js';
import { BalancesPallet } from './pallets/balances.js';
import { ChatPallet } from './pallets/chat.js';
import { ContactsPallet } from './pallets/contacts.js';
import { ProxyPallet } from './pallets/proxy.js';
import { SystemPallet } from './pallets/system.js';
import { UtilityPallet } from './pallets/utility.js';
import { VoiceCallPallet } from './pallets/voice-call.js';
import { VoiceMiningPallet } from './pallets/voice-mining.js';
import { VoiceRoomPallet } from './pallets/voice-room.js';

export { hex, toChainEvent } from './plain.js';
export { TxTracker } from './tx-tracker.js';

/** The pallet wrappers of one chain client, by the property name the client gives each. */
export interface ChainPallets {
  balances: BalancesPallet;
  chat: ChatPallet;
  contacts: ContactsPallet;
  proxy: ProxyPallet;
  system: SystemPallet;
  utility: UtilityPallet;
  voiceCall: VoiceCallPallet;
  voiceMining: VoiceMiningPallet;
  voiceRoom: VoiceRoomPallet;
}

/** Creates the pallet wrappers of `client`. */
export function createPallets(client: ChainClient): ChainPallets {
  return {
    balances: new BalancesPallet(client),
    chat: new ChatPallet(client),
    contacts: new ContactsPallet(client),
    proxy: new ProxyPallet(client),
    system: new SystemPallet(client),
    utility: new UtilityPallet(client),
    voiceCall: new VoiceCallPallet(client),
    voiceMining: new VoiceMiningPallet(client),
    voiceRoom: new VoiceRoomPallet(client),
  };
}
