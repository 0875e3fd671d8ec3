// Type-checked ESLint. The domain is kept pure by import and global restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-cli',
      'coverage',
      '**/*.cjs',
      '**/*.mjs',
      'bin',
      'test-results',
      'webpack.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os'], message: 'The domain does no I/O.' },
            { group: ['react', 'react-dom', '@fluentui/*'], message: 'The domain knows no UI.' },
            {
              group: ['exceljs', '@e965/xlsx', 'xlsx', '@microsoft/office-js'],
              message: 'Adapters read workbooks, not the domain.',
            },
            {
              group: ['../adapters/*', '../taskpane/*', '../cli/*', '../../*'],
              message: 'Dependencies point inward.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'Office',
        'Excel',
        'process',
        'navigator',
      ],
    },
  },
  {
    // Spreading an array into a call (`push(...rows)`, `Math.max(...xs)`) puts every element on
    // the stack: ~120 000 of them overflow it ("Maximum call stack size exceeded"), which is what
    // writing a 100 000-line report did (issue 13, item 2). Loop instead. All of the product's
    // code, every door and adapter, and the Office tests that write 100 000-line reports.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'tests/office/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message:
            'No spread into call arguments: a large array overflows the stack. Use a loop (for … of with push), or concat.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
