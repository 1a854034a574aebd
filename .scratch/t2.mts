import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { startDevnet } from '../server/devnet/index.js';
import { pino } from 'pino';
const d = await startDevnet({ port: 0, logger: pino({ level: 'debug' }) });
const api = await ApiPromise.create({ provider: new WsProvider(d.url), noInitWarn: true });
console.log('connected', api.genesisHash.toHex() === d.genesisHash, api.runtimeVersion.specName.toString());
const k = new Keyring({ type: 'sr25519' });
const alice = k.addFromUri('//Alice'); const bob = k.addFromUri('//Bob');
const acc = await api.query.system.account(alice.address);
console.log(acc.toHuman());
const info = await api.tx.balances.transferKeepAlive(bob.address, 10n**12n).paymentInfo(alice);
console.log('fee', info.partialFee.toString());
await new Promise<void>((resolve, reject) => {
  api.tx.balances.transferKeepAlive(bob.address, 10n**12n).signAndSend(alice, (r) => {
    console.log(r.status.type, r.events.map(e => e.event.section + '.' + e.event.method).join(','));
    if (r.dispatchError) console.log('err', r.dispatchError.toString());
    if (r.status.isFinalized) resolve();
  }).catch(reject);
});
await new Promise<void>((resolve, reject) => {
  api.tx.voiceCall.initiateCall(alice.address, 'Audio').signAndSend(alice, { nonce: -1 }, (r) => {
    if (r.status.isInBlock) { const e = r.dispatchError!; const m = api.registry.findMetaError(e.asModule); console.log('module error', m.section, m.name); resolve(); }
  }).catch(reject);
});
console.log((await api.query.system.account(bob.address)).data.free.toString());
await api.disconnect(); await d.close();
