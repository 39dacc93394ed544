import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContractRegistry } from '../registry/contract.registry';
import { parseSchemaId } from '../registry/contract-id.parser';
import { type CliIo, EXIT } from './cli.io';

/**
 * `rtw validate [--max-bytes N] FILE|DIR...`: validates structured-mode CloudEvents JSON files
 * (a directory stands for its *.json files). Prints one line per file and per error.
 */
export function validateCommand(args: readonly string[], io: CliIo): number {
  const { files, maxBytes, problem } = parseArgs(args);
  if (problem) {
    io.err(`rtw validate: ${problem}`);
    return EXIT.usage;
  }
  const registry = ContractRegistry.load();
  let invalidCount = 0;
  for (const file of expand(files)) {
    if (!validateFile(registry, file, maxBytes, io)) invalidCount++;
  }
  io.out(
    `${invalidCount === 0 ? 'all valid' : `${invalidCount} invalid`} (${expand(files).length} files)`,
  );
  return invalidCount === 0 ? EXIT.ok : EXIT.invalid;
}

function validateFile(
  registry: ContractRegistry,
  file: string,
  maxBytes: number | undefined,
  io: CliIo,
): boolean {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch {
    io.out(`${file}: cannot read file`);
    return false;
  }
  const result = registry.validateRaw(raw, maxBytes);
  if (result.ok) {
    const ref = parseSchemaId(result.event.dataschema);
    io.out(`${file}: valid ${result.event.type} v${ref?.version ?? '?'}`);
    return true;
  }
  for (const error of result.errors) {
    io.out(`${file}: ${error.pointer === '' ? '/' : error.pointer} ${error.code} ${error.message}`);
  }
  return false;
}

function parseArgs(args: readonly string[]): {
  files: string[];
  maxBytes?: number;
  problem?: string;
} {
  const files: string[] = [];
  let maxBytes: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--max-bytes') {
      maxBytes = Number(args[++i]);
      if (!Number.isInteger(maxBytes) || maxBytes <= 0)
        return { files, problem: '--max-bytes needs a positive integer' };
    } else if (arg.startsWith('-')) return { files, problem: `unknown option ${arg}` };
    else files.push(arg);
  }
  return files.length === 0 ? { files, problem: 'give at least one FILE' } : { files, maxBytes };
}

function expand(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    fs.existsSync(file) && fs.statSync(file).isDirectory()
      ? fs
          .readdirSync(file)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => path.join(file, f))
      : [file],
  );
}
