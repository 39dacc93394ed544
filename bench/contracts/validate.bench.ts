import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContractRegistry, locateSchemasDir } from '@rtw/contracts';
import type { Scenario } from '../harness/scenario';

const DURATION_MS = Number(process.env.BENCH_CONTRACTS_MS ?? 1000);
const WARMUP_MS = 200;

/** Calls `fn` in batches until `ms` elapsed; returns operations per second. */
function opsPerSecond(fn: () => unknown, ms: number): number {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) fn();
    ops += 100;
    elapsed = performance.now() - start;
  }
  return Math.round((ops / elapsed) * 1000);
}

function measure(fn: () => unknown): number {
  opsPerSecond(fn, WARMUP_MS);
  return opsPerSecond(fn, DURATION_MS);
}

/**
 * Cost of contract validation next to the JSON parse it follows: a typical `dossier.opened`
 * (the largest event, full identity) parsed alone, validated once parsed, and checked end to end
 * from raw bytes (size guard + parse + envelope + data). The ratio matters more than the figures.
 */
export async function run(): Promise<Record<string, unknown>> {
  const registry = ContractRegistry.load();
  const bytes = fs.readFileSync(
    path.join(locateSchemasDir(), 'examples', 'valid', 'dossier.opened.v1.json'),
  );
  const text = bytes.toString('utf8');
  const parsed: unknown = JSON.parse(text);
  if (!registry.validateEvent(parsed).ok) throw new Error('the benchmark event is not valid');
  const jsonParse = measure(() => JSON.parse(text));
  const validateParsed = measure(() => registry.validateEvent(parsed));
  const validateRaw = measure(() => registry.validateRaw(bytes));
  return {
    event: 'be.rtw.dossier.opened v1',
    eventBytes: bytes.byteLength,
    durationMsPerCase: DURATION_MS,
    opsPerSecond: { jsonParse, validateParsed, validateRaw },
    validateRawVsParse: Math.round((validateRaw / jsonParse) * 100) / 100,
  };
}

/** The scenario for bench/run.ts; its results land in bench/results/contracts-validate.json. */
export const contractsValidate: Scenario = {
  name: 'contracts-validate',
  description:
    'dossier.opened: JSON.parse vs contract validation (parsed, and raw bytes end to end), ops/s',
  run,
};
