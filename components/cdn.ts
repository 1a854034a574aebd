/**
 * Entry of the CDN file `dist/cdn/stardust-voice.js`: registers every tag and installs
 * `window.StardustVoice` when loaded with `<script type="module">`. Heavy parts (the chain
 * client, the Opus encoder) load lazily as separate files resolved relative to this file's
 * own URL.
 */
import './define.js';
