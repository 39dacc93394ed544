// Runs a TypeORM CLI command against the hub's data source (libs/persistence/src/data-source/
// data-source.ts, which reads DATABASE_URL), loading the TypeScript sources through the dev loader
// scripts/register-ts.cjs. Used by the npm scripts migration:run|revert|show|generate:
//   npm run migration:show
//   npm run migration:generate -- libs/persistence/src/migrations/AddSomething
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataSource = 'libs/persistence/src/data-source/data-source.ts';
const commands = new Set([
  'migration:run',
  'migration:revert',
  'migration:show',
  'migration:generate',
]);
const [command, ...rest] = process.argv.slice(2);

if (!commands.has(command)) {
  console.error(`Usage: node scripts/typeorm.mjs <${[...commands].join('|')}> [arguments]`);
  process.exit(2);
}
if (command === 'migration:generate' && (rest.length === 0 || rest[0].startsWith('-'))) {
  console.error(
    'Usage: npm run migration:generate -- libs/persistence/src/migrations/<VerbObject>',
  );
  process.exit(2);
}

const loader = ['-r', './scripts/register-ts.cjs'];
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rtw';

// migration:run on a new machine: create the database first, as db:prepare does.
if (command === 'migration:run') {
  const ensure = `require('./libs/persistence/src/database/database.admin.ts')
    .ensureDatabase(${JSON.stringify(url)})
    .catch((error) => { console.error(error.message); process.exit(1); })`;
  const created = spawnSync(process.execPath, [...loader, '-e', ensure], {
    cwd: root,
    stdio: 'inherit',
  });
  if (created.status !== 0) process.exit(created.status ?? 1);
}

// migration:show exits 1 when migrations are pending: that is information, not a failure to hide.
const result = spawnSync(
  process.execPath,
  [...loader, 'node_modules/typeorm/cli.js', command, '-d', dataSource, ...rest],
  { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
);
if (command === 'migration:generate' && result.status === 0) {
  console.log(
    'Now add the new class to PERSISTENCE_MIGRATIONS in libs/persistence/src/migrations/migration.list.ts.',
  );
}
process.exit(result.status ?? 1);
