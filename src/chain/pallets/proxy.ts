import { accountArg, multiAddressArg, uintArg } from '../args.js';
import type { ChainCall } from '../types.js';
import { Pallet } from './pallet.js';

/** One proxy an account has authorized. */
export interface ProxyDefinition {
  /** SS58 address of the account that may act for the delegator. */
  delegate: string;
  /** Proxy type name, such as `Voice` or `Any`. */
  proxyType: string;
  /** Announcement delay in blocks (0 for immediate). */
  delay: number;
}

/** The proxies of one account and the deposit reserved for them. */
export interface AccountProxies {
  proxies: ProxyDefinition[];
  deposit: bigint;
}

/** Typed wrapper of the Proxy pallet. */
export class ProxyPallet extends Pallet {
  readonly name = 'proxy';

  /** `proxy.add_proxy(delegate, proxy_type, delay)`, signed by the delegator. */
  async addProxy(delegate: string, proxyType: string, delay = 0): Promise<ChainCall> {
    return this.build('addProxy', [
      multiAddressArg(delegate),
      proxyType,
      uintArg(delay, 32, 'delay'),
    ]);
  }

  /** `proxy.remove_proxy(delegate, proxy_type, delay)`, dispatched as the delegator. */
  async removeProxy(delegate: string, proxyType: string, delay = 0): Promise<ChainCall> {
    return this.build('removeProxy', [
      multiAddressArg(delegate),
      proxyType,
      uintArg(delay, 32, 'delay'),
    ]);
  }

  /**
   * `proxy.proxy(real, force_proxy_type, call)`: the signer (a delegate) dispatches `call` as
   * `real`. The outcome is the inner call's; a failing inner call fails the transaction.
   */
  async proxy<T>(
    real: string,
    forceProxyType: string | null,
    call: ChainCall<T>,
  ): Promise<ChainCall<T>> {
    return this.build(
      'proxy',
      [multiAddressArg(real), forceProxyType, call.extrinsic.method],
      call.decode,
    );
  }

  /** Reads `Proxy.Proxies` of `address`. */
  async proxies(address: string): Promise<AccountProxies> {
    const entry = await this.storage('proxies');
    const [list, deposit] = (await entry(accountArg(address))) as unknown as [
      Array<{ delegate: Uint8Array; proxyType: { type: string }; delay: { toNumber(): number } }>,
      { toBigInt(): bigint },
    ];

    return {
      proxies: list.map((item) => ({
        delegate: this.client.formatAddress(item.delegate),
        proxyType: item.proxyType.type,
        delay: item.delay.toNumber(),
      })),
      deposit: deposit.toBigInt(),
    };
  }

  /** Names of the proxy types the runtime defines, such as `Any`, `NonTransfer`, `Voice`. */
  async proxyTypes(): Promise<string[]> {
    const api = await this.client.requireCall(this.name, 'addProxy');
    const typeName = api.tx.proxy!.addProxy!.meta.args[1]!.type.toString();

    return (api.registry.createType(typeName) as unknown as { defKeys: string[] }).defKeys;
  }
}
