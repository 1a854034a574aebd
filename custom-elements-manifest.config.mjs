// @custom-elements-manifest/analyzer settings: `npm run manifest` writes custom-elements.json
// from the element classes' JSDoc (@tagname @summary @slot @event @csspart @cssproperty).

/**
 * Keeps only the documented `stardust-*` events. The analyzer also guesses an event from
 * every `dispatchEvent(new SomeEvent(value))`, naming it after the argument.
 */
function prefixedEventsOnly() {
  return {
    name: 'stardust-prefixed-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events === undefined) continue;

          declaration.events = declaration.events.filter((event) =>
            event.name?.startsWith('stardust-'),
          );
        }
      }
    },
  };
}

/** Describes the `lang` attribute every element observes for its locale. */
function describeLang() {
  return {
    name: 'stardust-describe-lang',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const lang = declaration.attributes?.find((attribute) => attribute.name === 'lang');

          if (lang === undefined) continue;

          lang.description =
            'The standard HTML language attribute; sets the locale when `locale` is absent.';
          lang.type = { text: 'string' };
        }
      }
    },
  };
}

/** Sorts the modules by path: the analyzer's order varies from run to run. */
function sortModules() {
  return {
    name: 'stardust-sort-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path, 'en'));
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.test.ts', 'components/**/locales/**', 'components/cdn.ts'],
  // The freshness test writes to a folder of its own (relative to the root) and leaves
  // package.json alone.
  outdir: process.env.STARDUST_MANIFEST_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  packagejson: process.env.STARDUST_MANIFEST_OUTDIR === undefined,
  plugins: [prefixedEventsOnly(), describeLang(), sortModules()],
};
