// Types of chromium.mjs for TypeScript callers (benchmarks, e2e tests).
export declare const CHROMIUM_PATH: string;
export declare const BASE_FLAGS: string[];
export declare function fakeMicrophoneFlags(root: string, wavFile?: string | null): string[];
