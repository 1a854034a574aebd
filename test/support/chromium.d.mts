/** Debian's Chromium binary. */
export declare const CHROMIUM_PATH: string;
/** Flags every test browser gets. */
export declare const BASE_FLAGS: string[];
/** Flags for a fake microphone playing `wavFile` (relative to `root`), or the beep for null. */
export declare function fakeMicrophoneFlags(root: string, wavFile?: string | null): string[];
