// Lint rules. Besides the recommended TypeScript rules, this file holds the module boundaries:
// a lib is used only through its public entry `@rtw/<lib>`, libs never import apps, and no file
// reaches into another lib or app folder with a relative path.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const boundaries = {
  patterns: [
    {
      group: ['@rtw/*/*'],
      message: 'Import a lib only through its public entry: @rtw/<lib> (libs/<lib>/src/index.ts).',
    },
    {
      group: ['**/libs/*/src/**', '**/libs/*/src', '../../libs/**', '../../../libs/**'],
      message: 'Import another lib through @rtw/<lib>, not by a relative path.',
    },
  ],
};

const noAppImports = {
  patterns: [
    ...boundaries.patterns,
    { group: ['**/apps/**', 'apps/**'], message: 'Libs and apps never import apps.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.local/**',
      'coverage/**',
      'libs/contract-types/src/generated/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', boundaries],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    // Scripts and tests may reach apps (to start them, or to list their configuration).
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { 'no-restricted-imports': ['error', noAppImports] },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'bench/**/*.ts',
      '**/cli/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        jest: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
