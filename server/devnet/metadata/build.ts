/**
 * Builds metadata V14 from the pallet definitions: one call, event and error enum per
 * pallet, the storage entries with their hashers, the constants, and the extrinsic format
 * with the standard signed extensions.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { ChainProperties as ChainPropertiesCodec } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';

import { Codecs } from '../runtime/codec.js';
import type { PalletDefinition } from '../runtime/pallet.js';
import type { CommonTypes } from './common-types.js';
import type { TypeBuilder, TypeId } from './type-builder.js';

/** The built metadata and a registry that decodes with it. */
export interface BuiltMetadata {
  metadata: Metadata;
  registry: TypeRegistry;
  /** SCALE bytes of `RuntimeMetadataPrefixed`, as `state_getMetadata` returns them. */
  bytes: Uint8Array;
}

/** Runtime facts the metadata and the registry need. */
export interface ChainProperties {
  ss58Format: number;
  tokenDecimals: number;
  tokenSymbol: string;
}

const MAGIC_NUMBER = 0x6174656d; // "meta", little-endian

/** Builds metadata V14 for `pallets`; every pallet's types must already be in `t`. */
export function buildMetadata(
  t: TypeBuilder,
  common: CommonTypes,
  pallets: PalletDefinition[],
  properties: ChainProperties,
): BuiltMetadata {
  const enums = definePalletEnums(t, common, pallets);
  const extrinsic = defineExtrinsic(t, common);
  const runtime = t.composite(['stardust_runtime', 'Runtime'], []);

  // A double map's key type is the tuple of its keys.
  for (const pallet of pallets) {
    for (const item of pallet.storage) {
      if ((item.keys?.length ?? 0) > 1) t.tuple(item.keys!.map((key) => key.type));
    }
  }

  const types = t.build();

  // Constants and storage defaults are SCALE bytes inside the metadata, so encode them with
  // a registry built from a first pass that leaves them empty.
  const draft = toMetadata(types, pallets, enums, extrinsic, runtime, () => '0x');
  const draftRegistry = new TypeRegistry();

  draftRegistry.setMetadata(new Metadata(draftRegistry, draft));

  const codecs = new Codecs(draftRegistry);
  const json = toMetadata(types, pallets, enums, extrinsic, runtime, (type, value) =>
    u8aToHex(codecs.encode(type, value)),
  );
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, json);

  registry.setMetadata(metadata);
  registry.setChainProperties(
    registry.createType('ChainProperties', {
      ss58Format: properties.ss58Format,
      tokenDecimals: [properties.tokenDecimals],
      tokenSymbol: [properties.tokenSymbol],
    }) as unknown as ChainPropertiesCodec,
  );

  return { metadata, registry, bytes: metadata.toU8a() };
}

interface PalletEnums {
  calls: Map<string, TypeId>;
  events: Map<string, TypeId>;
  errors: Map<string, TypeId>;
}

function definePalletEnums(
  t: TypeBuilder,
  common: CommonTypes,
  pallets: PalletDefinition[],
): PalletEnums {
  const enums: PalletEnums = { calls: new Map(), events: new Map(), errors: new Map() };

  for (const pallet of pallets) {
    const module = `pallet_${snake(pallet.name)}`;

    if (pallet.calls.length > 0) {
      enums.calls.set(
        pallet.name,
        t.variant(
          [module, 'pallet', 'Call'],
          pallet.calls.map((call, position) => ({
            name: call.name,
            index: call.index ?? position,
            fields: call.args.map((arg) => ({
              name: arg.name,
              type: arg.type,
              typeName: arg.typeName,
            })),
            docs: call.docs,
          })),
          { docs: ['Contains a variant per dispatchable extrinsic that this pallet has.'] },
        ),
      );
    }

    if (pallet.events.length > 0) {
      enums.events.set(
        pallet.name,
        t.variant([module, 'pallet', 'Event'], pallet.events, {
          docs: ['The `Event` enum of this pallet'],
        }),
      );
    }

    if (pallet.errors.length > 0) {
      enums.errors.set(
        pallet.name,
        t.variant([module, 'pallet', 'Error'], pallet.errors, {
          docs: ['The `Error` enum of this pallet.'],
        }),
      );
    }
  }

  t.defineVariant(
    common.runtimeCall,
    ['stardust_runtime', 'RuntimeCall'],
    pallets
      .filter((pallet) => enums.calls.has(pallet.name))
      .map((pallet) => ({
        name: pallet.name,
        index: pallet.index,
        fields: [
          {
            type: enums.calls.get(pallet.name)!,
            typeName: `CallableCallFor<${pallet.name}, Runtime>`,
          },
        ],
      })),
  );
  t.defineVariant(
    common.runtimeEvent,
    ['stardust_runtime', 'RuntimeEvent'],
    pallets
      .filter((pallet) => enums.events.has(pallet.name))
      .map((pallet) => ({
        name: pallet.name,
        index: pallet.index,
        fields: [{ type: enums.events.get(pallet.name)!, typeName: `Event<Runtime>` }],
      })),
  );

  return enums;
}

interface ExtrinsicTypes {
  type: TypeId;
  signedExtensions: Array<{ identifier: string; type: TypeId; additionalSigned: TypeId }>;
}

function defineExtrinsic(t: TypeBuilder, common: CommonTypes): ExtrinsicTypes {
  const marker = (
    module: string,
    name: string,
    fields: Array<{ type: TypeId; typeName: string }> = [],
  ) =>
    t.composite(['frame_system', 'extensions', module, name], fields, {
      params: [{ name: 'T', type: null }],
    });
  const signedExtensions = [
    {
      identifier: 'CheckNonZeroSender',
      type: marker('check_non_zero_sender', 'CheckNonZeroSender'),
      additionalSigned: t.unit,
    },
    {
      identifier: 'CheckSpecVersion',
      type: marker('check_spec_version', 'CheckSpecVersion'),
      additionalSigned: t.u32,
    },
    {
      identifier: 'CheckTxVersion',
      type: marker('check_tx_version', 'CheckTxVersion'),
      additionalSigned: t.u32,
    },
    {
      identifier: 'CheckGenesis',
      type: marker('check_genesis', 'CheckGenesis'),
      additionalSigned: common.hash,
    },
    {
      identifier: 'CheckMortality',
      type: marker('check_mortality', 'CheckMortality', [{ type: common.era, typeName: 'Era' }]),
      additionalSigned: common.hash,
    },
    {
      identifier: 'CheckNonce',
      type: marker('check_nonce', 'CheckNonce', [{ type: t.compact(t.u32), typeName: 'T::Nonce' }]),
      additionalSigned: t.unit,
    },
    {
      identifier: 'CheckWeight',
      type: marker('check_weight', 'CheckWeight'),
      additionalSigned: t.unit,
    },
    {
      identifier: 'ChargeTransactionPayment',
      type: t.composite(
        ['pallet_transaction_payment', 'ChargeTransactionPayment'],
        [{ type: common.compactBalance, typeName: 'BalanceOf<T>' }],
        { params: [{ name: 'T', type: null }] },
      ),
      additionalSigned: t.unit,
    },
  ];
  const extra = t.tuple(signedExtensions.map((extension) => extension.type));
  const type = t.composite(
    ['sp_runtime', 'generic', 'unchecked_extrinsic', 'UncheckedExtrinsic'],
    [{ type: t.bytes }],
    {
      params: [
        { name: 'Address', type: common.multiAddress },
        { name: 'Call', type: common.runtimeCall },
        { name: 'Signature', type: common.multiSignature },
        { name: 'Extra', type: extra },
      ],
    },
  );

  return { type, signedExtensions };
}

function toMetadata(
  types: ReturnType<TypeBuilder['build']>,
  pallets: PalletDefinition[],
  enums: PalletEnums,
  extrinsic: ExtrinsicTypes,
  runtime: TypeId,
  encode: (type: TypeId, value: unknown) => string,
): Record<string, unknown> {
  return {
    magicNumber: MAGIC_NUMBER,
    metadata: {
      V14: {
        lookup: { types },
        pallets: pallets.map((pallet) => ({
          name: pallet.name,
          storage:
            pallet.storage.length === 0
              ? null
              : {
                  prefix: pallet.name,
                  items: pallet.storage.map((item) => ({
                    name: item.name,
                    modifier: item.default === undefined ? 'Optional' : 'Default',
                    type:
                      item.keys === undefined || item.keys.length === 0
                        ? { Plain: item.value }
                        : {
                            Map: {
                              hashers: item.keys.map((key) => key.hasher),
                              key:
                                item.keys.length === 1
                                  ? item.keys[0]!.type
                                  : tupleOf(
                                      types,
                                      item.keys.map((key) => key.type),
                                    ),
                              value: item.value,
                            },
                          },
                    fallback:
                      item.default === undefined ? '0x00' : encode(item.value, item.default),
                    docs: item.docs,
                  })),
                },
          calls: enums.calls.has(pallet.name) ? { type: enums.calls.get(pallet.name) } : null,
          events: enums.events.has(pallet.name) ? { type: enums.events.get(pallet.name) } : null,
          constants: pallet.constants.map((constant) => ({
            name: constant.name,
            type: constant.type,
            value: encode(constant.type, constant.value),
            docs: constant.docs,
          })),
          errors: enums.errors.has(pallet.name) ? { type: enums.errors.get(pallet.name) } : null,
          index: pallet.index,
        })),
        extrinsic: {
          type: extrinsic.type,
          version: 4,
          signedExtensions: extrinsic.signedExtensions,
        },
        type: runtime,
      },
    },
  };
}

/** Finds the tuple type of a double map's keys, which the pallet registered beforehand. */
function tupleOf(types: ReturnType<TypeBuilder['build']>, members: TypeId[]): TypeId {
  const found = types.find(
    (entry) =>
      'Tuple' in entry.type.def && JSON.stringify(entry.type.def.Tuple) === JSON.stringify(members),
  );

  if (found === undefined)
    throw new Error(`no tuple type (${members.join(', ')}) for a double map key`);

  return found.id;
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
