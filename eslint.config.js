// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Blank lines between steps: after declarations, around blocks, before return. */
const stepPadding = [
  'error',
  { blankLine: 'always', prev: ['const', 'let'], next: '*' },
  { blankLine: 'any', prev: ['const', 'let'], next: ['const', 'let'] },
  { blankLine: 'always', prev: '*', next: 'return' },
  { blankLine: 'always', prev: 'block-like', next: '*' },
  { blankLine: 'always', prev: '*', next: ['try', 'if', 'for', 'while', 'switch'] },
  { blankLine: 'any', prev: ['case', 'default'], next: '*' },
  { blankLine: 'any', prev: 'directive', next: '*' },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.stardust/**',
      'proto/gen/**',
      'components/locales/**',
      'src/message/opus-encoder-worklet.js',
      'src/message/opus-decoder-worker.js',
      'demo/examples/*/dist/**',
      'demo/examples/*/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'padding-line-between-statements': stepPadding,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'NewExpression[callee.name="Promise"] > :matches(ArrowFunctionExpression, FunctionExpression)[async=true]',
          message: 'Never pass an async executor to new Promise.',
        },
        {
          selector: 'ExportAllDeclaration',
          message: 'List public exports by name.',
        },
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports.',
        },
      ],
    },
  },
  {
    // The headless core never imports lit: elements are a layer above it.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-element'],
              message: 'src/ is the headless core and must not import lit.',
            },
            {
              group: ['**/components/**', '**/server/**'],
              message: 'src/ must not import components or server code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server may use only the I/O-free shared part of src/ plus the generated protocol.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!shared/)',
              message: 'server/ may import only src/shared/ from the core.',
            },
            {
              group: ['lit', 'lit/*', '@lit/*', '**/components/**'],
              message: 'server/ never imports browser code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'test/**/*.mjs', 'bench/**/*.mjs', 'scripts/**/*.mjs'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    // Config files and framework conventions (a .vue module declaration) need default exports.
    files: ['*.config.*', '**/*.config.*', 'eslint.config.js', 'demo/examples/**/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
