// Lint is type-aware and enforces the dependency rule of docs/architecture.md:
// contracts and domain import nothing of ours; server and station never import each other;
// the web UIs import only contracts and domain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ours = [
  '@storelink/contracts',
  '@storelink/domain',
  '@storelink/server',
  '@storelink/station',
  '@storelink/testing',
  '@storelink/cli',
];

/** Forbids importing the given workspace packages (and any relative escape into another package). */
function forbid(packages) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({
          name,
          message: 'Breaks the dependency rule in docs/architecture.md.',
        })),
        patterns: [
          {
            group: ['../../*/src/*', '../../../*'],
            message: 'Import other packages by name, never by path.',
          },
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'docs/**', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify plugins and route handlers are async by contract, with or without an await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  { files: ['packages/contracts/**'], rules: forbid(ours.filter((p) => p !== '@storelink/contracts')) },
  { files: ['packages/domain/**'], rules: forbid(ours.filter((p) => p !== '@storelink/domain')) },
  {
    files: ['packages/server/src/**'],
    ignores: ['**/*.test.ts'],
    rules: forbid(['@storelink/station', '@storelink/cli', '@storelink/testing']),
  },
  { files: ['packages/server/src/**/*.test.ts'], rules: forbid(['@storelink/station', '@storelink/cli']) },
  {
    files: ['packages/station/src/**'],
    ignores: ['**/*.test.ts'],
    rules: forbid(['@storelink/server', '@storelink/cli', '@storelink/testing']),
  },
  { files: ['packages/station/src/**/*.test.ts'], rules: forbid(['@storelink/server', '@storelink/cli']) },
  {
    files: ['packages/admin-web/**', 'packages/checkout-web/**'],
    rules: forbid(['@storelink/server', '@storelink/station', '@storelink/cli', '@storelink/testing']),
  },
  {
    // Hooks only at the top level of components, with complete effect dependencies.
    files: ['packages/*-web/src/**/*.tsx', 'packages/*-web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
