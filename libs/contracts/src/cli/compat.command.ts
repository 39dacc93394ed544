import { loadCompatibilityConfig } from '../compatibility/compatibility.config';
import {
  type GateResult,
  checkPublished,
  checkVersions,
  formatFinding,
} from '../compatibility/compatibility.gate';
import { loadSchemaSet, locateSchemasDir } from '../registry/schema-files.loader';
import { type CliIo, EXIT } from './cli.io';

const USAGE = 'rtw compat: usage: rtw compat [--schemas-dir DIR] [--published DIR]';

/**
 * `rtw compat [--schemas-dir DIR] [--published DIR]`: runs the compatibility gate on the versions
 * side by side and, with --published (the schemas folder of the last release or of the target
 * branch), also compares every published file with its edited self. Exits 1 with one line per
 * breaking change; deliberate tightenings (compatibility.json) are listed and pass.
 */
export function compatCommand(args: readonly string[], io: CliIo): number {
  const options = parseArgs(args);
  if (!options) {
    io.err(USAGE);
    return EXIT.usage;
  }
  const schemasDir = locateSchemasDir({ schemasDir: options.schemasDir });
  const set = loadSchemaSet(schemasDir);
  const config = loadCompatibilityConfig(schemasDir);
  const results: GateResult[] = [checkVersions(set, config)];
  if (options.published) {
    results.push(checkPublished(loadSchemaSet(options.published), set, config));
  }
  const breaking = results.flatMap((r) => r.breaking);
  const accepted = results.flatMap((r) => r.accepted);
  for (const finding of accepted) io.out(formatFinding(finding));
  for (const finding of breaking) io.out(formatFinding(finding));
  const types = new Set(set.contracts.map((c) => c.type)).size;
  if (breaking.length > 0) {
    io.out(`compatibility gate failed: ${breaking.length} breaking change(s)`);
    return EXIT.invalid;
  }
  const scope = options.published ? ' and their published versions' : '';
  const deliberate = accepted.length > 0 ? `; ${accepted.length} deliberate tightening(s)` : '';
  io.out(
    `compatibility gate passed: ${set.contracts.length} contract versions of ${types} event types${scope}${deliberate}`,
  );
  return EXIT.ok;
}

function parseArgs(
  args: readonly string[],
): { schemasDir?: string; published?: string } | undefined {
  const options: { schemasDir?: string; published?: string } = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined || value.startsWith('-')) return undefined;
    if (flag === '--schemas-dir') options.schemasDir = value;
    else if (flag === '--published') options.published = value;
    else return undefined;
  }
  return options;
}
