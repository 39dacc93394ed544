import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { SCENARIOS } from './scenarios';

/**
 * Runs the benchmark scenarios named on the command line (all by default), one after the other,
 * and writes each result plus a summary to bench/results/. Results carry the machine's shape
 * because absolute figures on shared machines vary: compare stages within one run.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
  if (selected.length === 0) {
    console.error(
      `bench: no scenario named ${wanted.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
    process.exit(2);
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const machine = {
    node: process.version,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
  const summary: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    machine,
    results: {},
  };
  for (const scenario of selected) {
    console.log(`bench: ${scenario.name}: ${scenario.description}`);
    const result = await scenario.run();
    const record = {
      scenario: scenario.name,
      description: scenario.description,
      machine,
      at: new Date().toISOString(),
      result,
    };
    writeFileSync(join(dir, `${scenario.name}.json`), JSON.stringify(record, null, 2) + '\n');
    (summary.results as Record<string, unknown>)[scenario.name] = result;
    console.log(JSON.stringify(result));
  }
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(`bench: results written to ${dir}`);
}

main().catch((error: unknown) => {
  console.error('bench: failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
