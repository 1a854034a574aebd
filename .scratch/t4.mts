import { startDevnetClient, freeBalance, submit } from '../test/support/devnet-client.js';
const c = await startDevnetClient({ devAccounts: 60 });
for (const n of [1, 10, 11, 50, 59, 60, 61]) console.log(n, c.pair(`//Member${n}`).address, await freeBalance(c, c.pair(`//Member${n}`).address));
await c.close();
