/**
 * Registers every Stardust Voice tag with `customElements` and installs
 * `window.StardustVoice`. This and the CDN file are the only modules of the package with a
 * side effect; a tag that is already defined (by another copy) is left alone. In Node, as
 * during server-side rendering, importing it does nothing.
 */
import { defineElements } from './shared/define-elements.js';

defineElements();
