// Types of chromium.mjs for the TypeScript tests that launch Chromium with playwright-core.

/** Debian's Chromium binary. */
export const CHROMIUM_PATH: string;

/** Flags every test browser gets. */
export const BASE_FLAGS: string[];

/** Flags for a fake microphone that plays `wavFile` (the speech fixture by default), or the fake beep with `null`. */
export function fakeMicrophoneFlags(root: string, wavFile?: string | null): string[];
