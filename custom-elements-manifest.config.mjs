// @custom-elements-manifest/analyzer settings: `npm run manifest` writes custom-elements.json
// from the element classes' JSDoc (@summary @slot @event @csspart @cssproperty).
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.test.ts', 'components/locales/**', 'components/cdn.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
