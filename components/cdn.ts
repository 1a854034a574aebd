/**
 * Entry of the CDN file `dist/cdn/stardust-voice.js`: registers every tag and installs
 * `window.StardustVoice` when loaded with `<script type="module">`, and exports what a page
 * needs to pick the signing account. Heavy parts (the chain
 * client, the Opus encoder) load lazily as separate files resolved relative to this file's
 * own URL.
 */
import './define.js';

// Script-tag pages choose the account with these, for example
// `import { ExtensionWallet } from '…/stardust-voice.js'` in a module script. Both load their
// backends (extension-dapp, the keyring) lazily.
export { ExtensionWallet } from '../src/wallet/extension-wallet.js';
export { createDevSigner } from '../src/wallet/dev-signer.js';
