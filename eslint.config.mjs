// Lint rules. Besides the recommended TypeScript rules, this file holds the module boundaries:
// a lib is used only through its public entry `@rtw/<lib>`, no file reaches into another lib or app
// folder with a relative path, libs never import apps, and libs follow the layer order below
// (ADR 0040), which also keeps Kafka, the database and Nest out of the lower layers.
import js from '@eslint/js';
import { readdirSync } from 'node:fs';
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

const noApps = { group: ['**/apps/**', 'apps/**'], message: 'Libs and apps never import apps.' };

const noAppImports = { patterns: [...boundaries.patterns, noApps] };

// The layer order, bottom to top: which libs each lib may import (ADR 0040). Apps sit on top and
// may import any lib. `ingress` is the gateway's logic and `runtime` the Nest process shell: side
// by side, neither imports the other. `testing` is test code and may not depend on ingress.
const MAY_IMPORT = {
  platform: [],
  // Types generated from the contracts, shared by domain and contracts without a cycle (ADR 0045).
  'contract-types': [],
  domain: ['platform', 'contract-types'],
  contracts: ['platform', 'contract-types', 'domain'],
  messaging: ['platform', 'contract-types', 'domain', 'contracts'],
  persistence: ['platform', 'contract-types', 'domain', 'contracts', 'messaging'],
  runtime: ['platform', 'contract-types', 'domain', 'contracts', 'messaging', 'persistence'],
  ingress: ['platform', 'contract-types', 'domain', 'contracts', 'messaging', 'persistence'],
  // XML codec and the partner contracts: pure libraries, like contracts.
  xml: ['platform'],
  // Standard Webhooks signing, shared by delivery (signs) and the partner sandbox (verifies).
  webhooks: ['platform'],
  partners: ['platform', 'contract-types', 'domain', 'contracts', 'xml'],
  // The read side of the tracker's registers: SQL on the shared database, no framework.
  registers: ['platform', 'contract-types', 'domain', 'contracts', 'messaging', 'persistence'],
  // The connector kit: framework-free classes the three connector apps wire (ADR 0065).
  connector: [
    'platform',
    'contract-types',
    'domain',
    'contracts',
    'xml',
    'partners',
    'messaging',
    'persistence',
    'registers',
  ],
  // The support APIs' shared HTTP edge (guard, problem filter, common codes) over the runtime and
  // the support authenticator (ADR 0068).
  'support-api': [
    'platform',
    'contract-types',
    'domain',
    'contracts',
    'messaging',
    'persistence',
    'runtime',
    'ingress',
  ],
  // The connector apps' shared Nest wiring (consumer, relay, providers) over the kit and the runtime.
  'connector-host': [
    'platform',
    'contract-types',
    'domain',
    'contracts',
    'xml',
    'partners',
    'messaging',
    'persistence',
    'registers',
    'runtime',
    'connector',
  ],
  testing: [
    'platform',
    'contract-types',
    'domain',
    'contracts',
    'xml',
    'webhooks',
    'partners',
    'messaging',
    'persistence',
    'runtime',
    'registers',
  ],
};

// What a layer must not know: the broker, the database, the framework.
const KAFKA = ['kafkajs'];
const DATABASE = ['typeorm', 'pg'];
const NEST = ['@nestjs/*', 'express'];
const FORBIDDEN_PACKAGES = {
  platform: [...KAFKA, ...DATABASE, ...NEST],
  'contract-types': [...KAFKA, ...DATABASE, ...NEST],
  domain: [...KAFKA, ...DATABASE, ...NEST],
  contracts: [...KAFKA, ...DATABASE, ...NEST],
  messaging: [...DATABASE, ...NEST],
  persistence: NEST,
  runtime: [],
  ingress: NEST,
  registers: [...KAFKA, ...NEST],
  connector: [...KAFKA, ...NEST],
  'connector-host': [],
  'support-api': [],
  xml: [...KAFKA, ...DATABASE, ...NEST],
  webhooks: [...KAFKA, ...DATABASE, ...NEST],
  partners: [...KAFKA, ...DATABASE, ...NEST],
  testing: [],
};

const LIBS = readdirSync(new URL('./libs', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
for (const lib of LIBS) {
  if (!(lib in MAY_IMPORT)) throw new Error(`eslint.config.mjs: give libs/${lib} its layer`);
}

// Test code: specs and `testing/` folders of fixtures; it may use @rtw/testing.
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**'];

/** The import rule of one lib's files; production files may not use the test helpers. */
function libImports(lib, { tests }) {
  const allowed = MAY_IMPORT[lib];
  const lower = allowed.length > 0 ? allowed.join(', ') : 'no other lib';
  const layered = LIBS.filter((other) => other !== lib && other !== 'testing')
    .filter((other) => !allowed.includes(other))
    .map((other) => ({
      name: `@rtw/${other}`,
      message: `Layer order (ADR 0040): ${lib} may import ${lower}; not ${other}.`,
    }));
  const testing =
    tests || lib === 'testing'
      ? []
      : [
          {
            name: '@rtw/testing',
            message: '@rtw/testing is for test code only (specs, testing/).',
          },
        ];
  const packages = FORBIDDEN_PACKAGES[lib].map((name) => ({
    group: [name],
    message: `${lib} knows nothing of Kafka, the database or Nest below its layer (ADR 0040).`,
  }));
  return [
    'error',
    { paths: [...layered, ...testing], patterns: [...boundaries.patterns, noApps, ...packages] },
  ];
}

const layerRules = LIBS.flatMap((lib) => [
  {
    files: [`libs/${lib}/**/*.ts`],
    rules: { 'no-restricted-imports': libImports(lib, { tests: true }) },
  },
  {
    files: [`libs/${lib}/**/*.ts`],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': libImports(lib, { tests: false }) },
  },
]);

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
    // The monitor's console: plain browser scripts served as they are (ADR 0093).
    files: ['apps/monitor/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        [
          'document',
          'window',
          'location',
          'fetch',
          'Node',
          'URLSearchParams',
          'URL',
          'Blob',
          'prompt',
          'uPlot',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
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
    // Scripts and tests may reach apps (to start them, or to list their configuration); app code
    // may not, nor use the test helpers.
    files: ['apps/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noAppImports,
          paths: [
            {
              name: '@rtw/testing',
              message: '@rtw/testing is for test code only (specs, testing/).',
            },
          ],
        },
      ],
    },
  },
  ...layerRules,
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
