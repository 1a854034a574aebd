// Web Test Runner plugins: CommonJS packages served as ES modules, and server commands that
// give browser tests the servers they need.
import { build } from 'esbuild';

/**
 * Serves the listed CommonJS packages as bundled ES modules with a default export, because
 * the dev server serves node_modules as they are and browsers cannot run CommonJS.
 */
export function commonJsPlugin(specifiers) {
  const cache = new Map();

  return {
    name: 'stardust-commonjs',
    async serve(context) {
      const match = specifiers.find((specifier) =>
        context.path.endsWith(`/node_modules/${specifier}`),
      );

      if (match === undefined) return undefined;

      if (!cache.has(match)) {
        const result = await build({
          stdin: {
            contents: `import m from '${match}'; export default m;`,
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
