/**
 * Types shared by several pallets and by the extrinsic format, with the scale-info paths a
 * polkadot-sdk runtime gives them (`@polkadot/types` recognises several by path).
 */
import type { TypeBuilder, TypeId } from './type-builder.js';

/** Ids of the shared types; `runtimeCall` and `runtimeEvent` are defined last. */
export interface CommonTypes {
  accountId: TypeId;
  balance: TypeId;
  compactBalance: TypeId;
  blockNumber: TypeId;
  moment: TypeId;
  hash: TypeId;
  id16: TypeId;
  multiAddress: TypeId;
  multiSignature: TypeId;
  era: TypeId;
  weight: TypeId;
  dispatchClass: TypeId;
  pays: TypeId;
  dispatchInfo: TypeId;
  dispatchError: TypeId;
  dispatchResult: TypeId;
  accountInfo: TypeId;
  runtimeCall: TypeId;
  runtimeEvent: TypeId;
}

/** Registers the shared types in `t`. */
export function defineCommonTypes(t: TypeBuilder): CommonTypes {
  const accountId = t.accountId;
  const balance = t.u128;
  const u64c = t.compact(t.u64);
  const weight = t.composite(
    ['sp_weights', 'weight_v2', 'Weight'],
    [
      { name: 'ref_time', type: u64c, typeName: 'u64' },
      { name: 'proof_size', type: u64c, typeName: 'u64' },
    ],
  );
  const dispatchClass = t.variant(
    ['frame_support', 'dispatch', 'DispatchClass'],
    [{ name: 'Normal' }, { name: 'Operational' }, { name: 'Mandatory' }],
  );
  const pays = t.variant(['frame_support', 'dispatch', 'Pays'], [{ name: 'Yes' }, { name: 'No' }]);
  const dispatchInfo = t.composite(
    ['frame_support', 'dispatch', 'DispatchInfo'],
    [
      { name: 'weight', type: weight, typeName: 'Weight' },
      { name: 'class', type: dispatchClass, typeName: 'DispatchClass' },
      { name: 'pays_fee', type: pays, typeName: 'Pays' },
    ],
  );
  const dispatchError = defineDispatchError(t);
  const accountData = t.composite(
    ['pallet_balances', 'types', 'AccountData'],
    [
      { name: 'free', type: balance, typeName: 'Balance' },
      { name: 'reserved', type: balance, typeName: 'Balance' },
      { name: 'frozen', type: balance, typeName: 'Balance' },
      {
        name: 'flags',
        type: t.composite(
          ['pallet_balances', 'types', 'ExtraFlags'],
          [{ type: t.u128, typeName: 'u128' }],
        ),
        typeName: 'ExtraFlags',
      },
    ],
  );
  const accountInfo = t.composite(
    ['frame_system', 'AccountInfo'],
    [
      { name: 'nonce', type: t.u32, typeName: 'Nonce' },
      { name: 'consumers', type: t.u32, typeName: 'RefCount' },
      { name: 'providers', type: t.u32, typeName: 'RefCount' },
      { name: 'sufficients', type: t.u32, typeName: 'RefCount' },
      { name: 'data', type: accountData, typeName: 'AccountData' },
    ],
  );

  return {
    accountId,
    balance,
    compactBalance: t.compact(balance),
    blockNumber: t.u32,
    moment: t.u64,
    hash: t.h256,
    id16: t.array(t.u8, 16),
    multiAddress: t.variant(
      ['sp_runtime', 'multiaddress', 'MultiAddress'],
      [
        { name: 'Id', fields: [{ type: accountId, typeName: 'AccountId' }] },
        { name: 'Index', fields: [{ type: t.compact(t.unit), typeName: 'AccountIndex' }] },
        { name: 'Raw', fields: [{ type: t.bytes, typeName: 'Vec<u8>' }] },
        { name: 'Address32', fields: [{ type: t.array(t.u8, 32), typeName: '[u8; 32]' }] },
        { name: 'Address20', fields: [{ type: t.array(t.u8, 20), typeName: '[u8; 20]' }] },
      ],
      {
        params: [
          { name: 'AccountId', type: accountId },
          { name: 'AccountIndex', type: t.unit },
        ],
      },
    ),
    multiSignature: t.variant(
      ['sp_runtime', 'MultiSignature'],
      [
        { name: 'Ed25519', fields: [{ type: t.array(t.u8, 64), typeName: 'ed25519::Signature' }] },
        { name: 'Sr25519', fields: [{ type: t.array(t.u8, 64), typeName: 'sr25519::Signature' }] },
        { name: 'Ecdsa', fields: [{ type: t.array(t.u8, 65), typeName: 'ecdsa::Signature' }] },
      ],
    ),
    era: defineEra(t),
    weight,
    dispatchClass,
    pays,
    dispatchInfo,
    dispatchError,
    dispatchResult: t.variant(
      ['Result'],
      [
        { name: 'Ok', fields: [{ type: t.unit }] },
        { name: 'Err', fields: [{ type: dispatchError }] },
      ],
      {
        params: [
          { name: 'T', type: t.unit },
          { name: 'E', type: dispatchError },
        ],
      },
    ),
    accountInfo,
    runtimeCall: t.reserve(),
    runtimeEvent: t.reserve(),
  };
}

function defineDispatchError(t: TypeBuilder): TypeId {
  const moduleError = t.composite(
    ['sp_runtime', 'ModuleError'],
    [
      { name: 'index', type: t.u8, typeName: 'u8' },
      { name: 'error', type: t.array(t.u8, 4), typeName: '[u8; MAX_MODULE_ERROR_ENCODED_SIZE]' },
    ],
  );
  const tokenError = t.variant(
    ['sp_runtime', 'TokenError'],
    [
      'FundsUnavailable',
      'OnlyProvider',
      'BelowMinimum',
      'CannotCreate',
      'UnknownAsset',
      'Frozen',
      'Unsupported',
      'CannotCreateHold',
      'NotExpendable',
      'Blocked',
    ].map((name) => ({ name })),
  );
  const arithmeticError = t.variant(
    ['sp_arithmetic', 'ArithmeticError'],
    ['Underflow', 'Overflow', 'DivisionByZero'].map((name) => ({ name })),
  );
  const transactionalError = t.variant(
    ['sp_runtime', 'TransactionalError'],
    ['LimitReached', 'NoLayer'].map((name) => ({ name })),
  );

  return t.variant(
    ['sp_runtime', 'DispatchError'],
    [
      { name: 'Other' },
      { name: 'CannotLookup' },
      { name: 'BadOrigin' },
      { name: 'Module', fields: [{ type: moduleError, typeName: 'ModuleError' }] },
      { name: 'ConsumerRemaining' },
      { name: 'NoProviders' },
      { name: 'TooManyConsumers' },
      { name: 'Token', fields: [{ type: tokenError, typeName: 'TokenError' }] },
      { name: 'Arithmetic', fields: [{ type: arithmeticError, typeName: 'ArithmeticError' }] },
      {
        name: 'Transactional',
        fields: [{ type: transactionalError, typeName: 'TransactionalError' }],
      },
      { name: 'Exhausted' },
      { name: 'Corruption' },
      { name: 'Unavailable' },
      { name: 'RootNotAllowed' },
    ],
  );
}

/** `Era`: Immortal, then Mortal1..Mortal255 carrying the second byte, as scale-info emits it. */
function defineEra(t: TypeBuilder): TypeId {
  const variants = [{ name: 'Immortal', index: 0 }];

  for (let first = 1; first < 256; first += 1) {
    variants.push({ name: `Mortal${first}`, index: first, fields: [{ type: t.u8 }] } as never);
  }

  return t.variant(['sp_runtime', 'generic', 'era', 'Era'], variants);
}
