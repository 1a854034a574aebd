// Web Test Runner plugins: CommonJS packages served as ES modules, and server commands that
// give browser tests the servers they need.
import { join } from 'node:path';

import { build } from 'esbuild';

/**
 * Serves the listed CommonJS packages as bundled ES modules with a default export, because
 * the dev server serves node_modules as they are and browsers cannot run CommonJS. An entry
 * `[specifier, names]` also exports the listed names, for ES modules that import them by name.
 */
export function commonJsPlugin(entries) {
  const cache = new Map();
  const named = new Map(entries.map((entry) => (Array.isArray(entry) ? entry : [entry, []])));

  return {
    name: 'stardust-commonjs',
    async serve(context) {
      const match = [...named.keys()].find((specifier) =>
        context.path.endsWith(`/node_modules/${specifier}`),
      );

      if (match === undefined) return undefined;

      if (!cache.has(match)) {
        const names = named.get(match).map((name) => `export const ${name} = m.${name};`);
        const result = await build({
          stdin: {
            // The file path, not the specifier: package exports may hide CommonJS internals.
            contents: `import m from '${join(process.cwd(), 'node_modules', match)}'; export default m; ${names.join(' ')}`,
            resolveDir: process.cwd(),
          },
          bundle: true,
          format: 'esm',
          write: false,
          logLevel: 'silent',
        });

        cache.set(match, result.outputFiles[0].text);
      }

      return { body: cache.get(match), type: 'js' };
    },
  };
}

/**
 * Answers `executeServerCommand(name, payload)` from browser tests with the handlers given.
 * Each handler receives the payload and the session id and returns JSON-serialisable data.
 */
export function serverCommandsPlugin(handlers) {
  return {
    name: 'stardust-server-commands',
    async executeCommand({ command, payload, session }) {
      const handler = handlers[command];

      if (handler === undefined) return undefined;

      return (await handler(payload ?? {}, session.id)) ?? null;
    },
  };
}
