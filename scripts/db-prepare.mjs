// `npm run db:prepare [-- --test]`: creates the hub's database if missing and runs the migrations
// (an explicit step: processes never migrate on their own). With --test it prepares the test
// database (TEST_DATABASE_URL) instead of DATABASE_URL.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { ensureDatabase, runMigrations } = require('../libs/persistence/src/index.ts');

const forTests = process.argv.includes('--test');
const url = forTests
  ? (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rtw_test')
  : (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rtw');
const name = new URL(url).pathname.slice(1);

try {
  await ensureDatabase(url);
  const applied = await runMigrations(url);
  const count = Array.isArray(applied) ? applied.length : 0;
  console.log(`db: database "${name}" ready (${count} migration(s) applied now)`);
} catch (error) {
  console.error(`db: could not prepare database "${name}": ${error.code ?? ''} ${error.message}`);
  process.exit(1);
}
