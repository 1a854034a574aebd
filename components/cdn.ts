/**
 * Entry of the CDN file `dist/cdn/stardust-voice.js`: registers every tag when loaded with
 * `<script type="module">`. Heavy parts (the chain client, the Opus encoder) load lazily,
 * resolved relative to this file's own URL.
 */
import './define.js';
