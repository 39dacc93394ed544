// `npm run bench [-- scenario ...]`: runs the benchmarks in bench/ against the local broker
// (started here if none answers, and stopped afterwards) and writes JSON to bench/results/.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKafka, stopKafka } from './lib/local-kafka.mjs';
import { run } from './lib/run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let started = false;
let code = 1;
try {
  started = await ensureKafka('bench');
  await run(process.execPath, [join(root, 'scripts', 'db-prepare.mjs')], { cwd: root });
  code = await run(
    process.execPath,
    [
      '--disable-warning=TimeoutNegativeWarning',
      '-r',
      './scripts/register-ts.cjs',
      'bench/run.ts',
      ...process.argv.slice(2),
    ],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    },
  );
} catch (error) {
  console.error(`bench: ${error.message}`);
} finally {
  if (started) await stopKafka();
}
process.exit(code);
