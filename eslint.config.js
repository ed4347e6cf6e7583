// Lint (npm run lint, part of npm test): a few rules that catch real bugs the compiler lets through, with type
// information from tsconfig.json: promises nobody awaits or that land where a callback's result is ignored, code
// nobody uses, assertions (`!`, `as`) that change nothing, and `any`. Layout is prettier's job (.prettierrc).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const unusedVars = [
  'error',
  {
    args: 'after-used',
    argsIgnorePattern: '^_',
    varsIgnorePattern: '^_',
    caughtErrors: 'none',
    ignoreRestSiblings: true,
  },
];

export default tseslint.config(
  // docs/examples: type-checked against the packed package by tests/package/pack.test.ts.
  { ignores: ['dist/', 'node_modules/', 'reports/', '.tmp/', 'coverage/', 'docs/examples/'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': unusedVars,
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    rules: { 'no-unused-vars': unusedVars, 'no-unreachable': js.configs.recommended.rules['no-unreachable'] },
  },
);
