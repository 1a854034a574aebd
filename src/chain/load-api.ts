/**
 * The chain chunk: everything that imports `@polkadot/api`. Only ever loaded through a
 * dynamic `import()`, so bundlers split `@polkadot/api` (with its codecs and crypto) into a
 * separate file fetched the first time the chain is needed, never with the page.
 *
 * NOTE: a minimal connection for now; the chain client (pallet calls, events, proxies)
 * replaces this file and keeps it reachable only through `import()`.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';

/**
 * Connects to the chain node at `url` and resolves once its metadata is loaded.
 * @throws Error from `@polkadot/api` when the first connection fails; the provider is
 *   disconnected then, so it does not keep retrying in the background.
 */
export async function connectApi(url: string): Promise<ApiPromise> {
  const provider = new WsProvider(url);

  try {
    return await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
  } catch (error) {
    await provider.disconnect().catch(() => undefined);

    throw error;
  }
}
