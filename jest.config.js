// One Jest configuration, three projects: unit (*.spec.ts, no I/O), int (*.int-spec.ts, real Kafka
// and PostgreSQL) and e2e (test/**/*.e2e-spec.ts, several apps together). `npm test` runs all three
// through scripts/test.mjs, which prepares the broker and the database first.
/** @type {import('ts-jest').TsJestTransformerOptions} */
const tsJest = { tsconfig: '<rootDir>/tsconfig.json' };

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', tsJest] },
  moduleNameMapper: { '^@rtw/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,bench,scripts}/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/unit.timeout.js'],
    },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/int.timeout.js'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/e2e.timeout.js'],
    },
  ],
};
