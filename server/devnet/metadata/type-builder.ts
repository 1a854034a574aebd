/**
 * Builds the portable type registry (scale-info) that metadata V14 carries: every type the
 * runtime uses gets one numeric id, and identical definitions share an id.
 */

/** A type id in the portable registry. */
export type TypeId = number;

/** A named or unnamed field of a composite type or an enum variant. */
export interface FieldDefinition {
  name?: string;
  type: TypeId;
  typeName?: string;
  docs?: string[];
}

/** One variant of an enum: its name, SCALE index and fields. */
export interface VariantDefinition {
  name: string;
  index?: number;
  fields?: FieldDefinition[];
  docs?: string[];
}

type Primitive = 'Bool' | 'Str' | 'U8' | 'U16' | 'U32' | 'U64' | 'U128' | 'U256';

type TypeDef =
  | { Primitive: Primitive }
  | { Compact: { type: TypeId } }
  | { Sequence: { type: TypeId } }
  | { Array: { len: number; type: TypeId } }
  | { Tuple: TypeId[] }
  | {
      Composite: {
        fields: Array<Required<Pick<FieldDefinition, 'type'>> & FieldDefinition>;
      };
    }
  | { Variant: { variants: Array<Required<VariantDefinition>> } };

/** One entry of the portable registry in the JSON shape that `@polkadot/types` reads. */
export interface PortableType {
  id: TypeId;
  type: {
    path: string[];
    params: Array<{ name: string; type: TypeId | null }>;
    def: TypeDef;
    docs: string[];
  };
}

/** Options for composite and variant types. */
export interface NamedTypeOptions {
  params?: Array<{ name: string; type: TypeId | null }>;
  docs?: string[];
}

/**
 * Collects type definitions and hands out ids. Structural types (primitives, sequences,
 * tuples…) are deduplicated by shape; named types by path and shape. `reserve()` gives an id
 * before its definition exists, for recursive types such as `RuntimeCall` inside
 * `Utility::batch`.
 */
export class TypeBuilder {
  readonly #types: Array<PortableType | undefined> = [];
  readonly #byKey = new Map<string, TypeId>();

  get bool(): TypeId {
    return this.primitive('Bool');
  }

  get str(): TypeId {
    return this.primitive('Str');
  }

  get u8(): TypeId {
    return this.primitive('U8');
  }

  get u16(): TypeId {
    return this.primitive('U16');
  }

  get u32(): TypeId {
    return this.primitive('U32');
  }

  get u64(): TypeId {
    return this.primitive('U64');
  }

  get u128(): TypeId {
    return this.primitive('U128');
  }

  /** The empty tuple `()`. */
  get unit(): TypeId {
    return this.tuple([]);
  }

  /** `Vec<u8>`. */
  get bytes(): TypeId {
    return this.sequence(this.u8);
  }

  /** `sp_core::crypto::AccountId32`, which `@polkadot/types` recognises by path. */
  get accountId(): TypeId {
    return this.composite(
      ['sp_core', 'crypto', 'AccountId32'],
      [{ type: this.array(this.u8, 32), typeName: '[u8; 32]' }],
    );
  }

  /** `primitive_types::H256`. */
  get h256(): TypeId {
    return this.composite(
      ['primitive_types', 'H256'],
      [{ type: this.array(this.u8, 32), typeName: '[u8; 32]' }],
    );
  }

  primitive(name: Primitive): TypeId {
    return this.#intern([], [], { Primitive: name }, []);
  }

  compact(type: TypeId): TypeId {
    return this.#intern([], [], { Compact: { type } }, []);
  }

  sequence(type: TypeId): TypeId {
    return this.#intern([], [], { Sequence: { type } }, []);
  }

  array(type: TypeId, len: number): TypeId {
    return this.#intern([], [], { Array: { len, type } }, []);
  }

  tuple(types: TypeId[]): TypeId {
    return this.#intern([], [], { Tuple: types }, []);
  }

  /** `Option<T>`, an enum with the path `Option` as scale-info emits it. */
  option(type: TypeId): TypeId {
    return this.variant(['Option'], [{ name: 'None' }, { name: 'Some', fields: [{ type }] }], {
      params: [{ name: 'T', type }],
    });
  }

  /**
   * `BoundedVec<T, S>`: scale-info emits it as a composite around `Vec<T>` whose bound lives
   * only in the pallet code, so the bound is enforced by the dispatch functions.
   */
  boundedVec(type: TypeId): TypeId {
    return this.composite(
      ['bounded_collections', 'bounded_vec', 'BoundedVec'],
      [{ type: this.sequence(type), typeName: 'Vec<T>' }],
      {
        params: [
          { name: 'T', type },
          { name: 'S', type: null },
        ],
      },
    );
  }

  composite(path: string[], fields: FieldDefinition[], options: NamedTypeOptions = {}): TypeId {
    return this.#intern(
      path,
      options.params ?? [],
      { Composite: { fields: fields.map(normaliseField) } },
      options.docs ?? [],
    );
  }

  variant(path: string[], variants: VariantDefinition[], options: NamedTypeOptions = {}): TypeId {
    return this.#intern(
      path,
      options.params ?? [],
      { Variant: { variants: normaliseVariants(variants) } },
      options.docs ?? [],
    );
  }

  /** Reserves an id for a type defined later with {@link defineVariant}. */
  reserve(): TypeId {
    this.#types.push(undefined);

    return this.#types.length - 1;
  }

  /** Defines the enum whose id {@link reserve} handed out. */
  defineVariant(
    id: TypeId,
    path: string[],
    variants: VariantDefinition[],
    options: NamedTypeOptions = {},
  ): void {
    this.#types[id] = {
      id,
      type: {
        path,
        params: options.params ?? [],
        def: { Variant: { variants: normaliseVariants(variants) } },
        docs: options.docs ?? [],
      },
    };
  }

  /** Every type in id order; throws when a reserved id was never defined. */
  build(): PortableType[] {
    return this.#types.map((type, id) => {
      if (type === undefined) throw new Error(`type id ${id} was reserved but never defined`);

      return type;
    });
  }

  #intern(
    path: string[],
    params: Array<{ name: string; type: TypeId | null }>,
    def: TypeDef,
    docs: string[],
  ): TypeId {
    const key = JSON.stringify([path, params, def]);
    const known = this.#byKey.get(key);

    if (known !== undefined) return known;

    const id = this.#types.length;

    this.#types.push({ id, type: { path, params, def, docs } });
    this.#byKey.set(key, id);

    return id;
  }
}

function normaliseField(
  field: FieldDefinition,
): Required<Pick<FieldDefinition, 'type'>> & FieldDefinition {
  return {
    name: field.name,
    type: field.type,
    typeName: field.typeName,
    docs: field.docs ?? [],
  };
}

function normaliseVariants(variants: VariantDefinition[]): Array<Required<VariantDefinition>> {
  return variants.map((variant, position) => ({
    name: variant.name,
    index: variant.index ?? position,
    fields: (variant.fields ?? []).map(normaliseField),
    docs: variant.docs ?? [],
  }));
}
