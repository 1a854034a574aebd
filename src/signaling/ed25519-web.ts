/**
 * Ed25519 in the page: WebCrypto where the browser has it (no bundle bytes, private keys
 * that never leave the crypto engine), `@noble/curves` loaded lazily where it does not.
 */

/** Options shared by the WebCrypto users of the core. */
export interface WebCryptoOptions {
  /** The SubtleCrypto to use; `globalThis.crypto.subtle` by default. */
  subtle?: SubtleCrypto;
  /** Use the @noble/curves fallback even where WebCrypto has Ed25519 (for tests). */
  forceFallback?: boolean;
}

let support: Promise<boolean> | undefined;

/** Resolves true when WebCrypto can generate, sign and verify Ed25519. Probed once. */
export function webCryptoHasEd25519(
  subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle,
): Promise<boolean> {
  if (subtle === undefined) return Promise.resolve(false);

  support ??= (async () => {
    try {
      const pair = (await subtle.generateKey({ name: 'Ed25519' }, false, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const data = new Uint8Array(1);
      const signature = await subtle.sign({ name: 'Ed25519' }, pair.privateKey, data);

      return await subtle.verify({ name: 'Ed25519' }, pair.publicKey, signature, data);
    } catch {
      return false;
    }
  })();

  return support;
}

/** Resolves true when Ed25519 should use WebCrypto with these options. */
export async function useWebCrypto(options: WebCryptoOptions): Promise<boolean> {
  return (
    options.forceFallback !== true &&
    (await webCryptoHasEd25519(options.subtle ?? globalThis.crypto?.subtle))
  );
}

/** Verifies Ed25519 signatures, caching imported public keys. */
export class Ed25519Verifier {
  readonly #options: WebCryptoOptions;
  readonly #keys = new Map<string, Promise<CryptoKey>>();
  #web: Promise<boolean> | undefined;

  constructor(options: WebCryptoOptions = {}) {
    this.#options = options;
  }

  /** Returns true when `signature` signs `message` for `publicKey`; false for malformed input. */
  async verify(
    message: Uint8Array,
    signature: Uint8Array,
    publicKey: Uint8Array,
  ): Promise<boolean> {
    if (signature.length !== 64 || publicKey.length !== 32) return false;

    this.#web ??= useWebCrypto(this.#options);

    if (!(await this.#web)) {
      const { verifyEd25519 } = await import('../shared/load-noble-signatures.js');

      return verifyEd25519(message, signature, publicKey);
    }

    const subtle = this.#options.subtle ?? globalThis.crypto.subtle;

    try {
      return await subtle.verify(
        { name: 'Ed25519' },
        await this.#key(subtle, publicKey),
        bufferOf(signature),
        bufferOf(message),
      );
    } catch {
      return false;
    }
  }

  #key(subtle: SubtleCrypto, publicKey: Uint8Array): Promise<CryptoKey> {
    const id = Array.from(publicKey, (byte) => byte.toString(16).padStart(2, '0')).join('');
    let key = this.#keys.get(id);

    if (key === undefined) {
      key = subtle.importKey('raw', bufferOf(publicKey), { name: 'Ed25519' }, true, ['verify']);

      if (this.#keys.size >= 1000) this.#keys.delete(this.#keys.keys().next().value!);

      this.#keys.set(id, key);
      key.catch(() => this.#keys.delete(id));
    }

    return key;
  }
}

/** Copies `bytes` into its own ArrayBuffer, the type WebCrypto's signatures declare. */
export function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}
