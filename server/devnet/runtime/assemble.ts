/**
 * Assembles the devnet runtime: the pallets in `construct_runtime` order, their metadata,
 * and the registry that encodes and decodes with it.
 */
import type { TypeRegistry } from '@polkadot/types';

import { SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL } from '../constants.js';
import { buildMetadata } from '../metadata/build.js';
import { defineCommonTypes, type CommonTypes } from '../metadata/common-types.js';
import { TypeBuilder } from '../metadata/type-builder.js';
import { balancesPallet } from '../pallets/balances.js';
import { chatPallet, contactsPallet } from '../pallets/contacts-chat.js';
import { transactionPaymentPallet, utilityPallet } from '../pallets/payment-utility.js';
import { proxyPallet } from '../pallets/proxy.js';
import { systemPallet, timestampPallet } from '../pallets/system.js';
import { voiceCallPallet } from '../pallets/voice-call.js';
import { voiceMiningPallet } from '../pallets/voice-mining.js';
import { voiceRoomPallet } from '../pallets/voice-room.js';
import type { PalletDefinition } from './pallet.js';

/** The pieces every part of the devnet shares: pallets, types, metadata and registry. */
export interface RuntimeDefinition {
  pallets: PalletDefinition[];
  types: CommonTypes;
  registry: TypeRegistry;
  /** `RuntimeMetadataPrefixed` V14 bytes. */
  metadata: Uint8Array;
}

let cached: RuntimeDefinition | undefined;

/** Builds (once per process) the runtime definition; it is immutable and shared. */
export function runtimeDefinition(): RuntimeDefinition {
  if (cached !== undefined) return cached;

  const t = new TypeBuilder();
  const types = defineCommonTypes(t);
  const pallets = [
    systemPallet(t, types),
    timestampPallet(t, types),
    balancesPallet(t, types),
    transactionPaymentPallet(t, types),
    utilityPallet(t, types),
    proxyPallet(t, types),
    contactsPallet(t, types),
    chatPallet(t, types),
    voiceCallPallet(t, types),
    voiceRoomPallet(t, types),
    voiceMiningPallet(t, types),
  ];
  const built = buildMetadata(t, types, pallets, {
    ss58Format: SS58_PREFIX,
    tokenDecimals: TOKEN_DECIMALS,
    tokenSymbol: TOKEN_SYMBOL,
  });

  cached = { pallets, types, registry: built.registry, metadata: built.bytes };

  return cached;
}
