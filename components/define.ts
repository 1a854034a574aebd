/**
 * Registers every Stardust Voice tag with `customElements`. This is the only module of the
 * package with a side effect; a tag already defined (by another copy) is left alone.
 */
export {};
