/**
 * The element classes of Stardust Voice. Importing this module defines no tags: import
 * `stardust-voice/define` (or load the CDN file) to register them.
 */
export {};
