// `npm run db:prepare [-- --test]`: creates the hub's database if missing and runs the migrations
// (an explicit step: processes never migrate on their own). With --test it prepares the test
// database (TEST_DATABASE_URL) instead of DATABASE_URL.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The sources in a checkout with dev tools (never a stale build); the compiled lib in a production
// image, where TypeScript is not installed.
const { ensureDatabase, runMigrations } = hasTypeScript()
  ? (require('./register-ts.cjs'), require('../libs/persistence/src/index.ts'))
  : require('../dist/node_modules/@rtw/persistence/index.js');

function hasTypeScript() {
  try {
    require.resolve('typescript');
    return true;
  } catch {
    return false;
  }
}

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
