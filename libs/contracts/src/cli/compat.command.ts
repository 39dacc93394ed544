import { loadCompatibilityConfig } from '../compatibility/compatibility.config';
import { formatFinding, runCompatibilityGate } from '../compatibility/compatibility.gate';
import { loadSchemaSet, locateSchemasDir } from '../registry/schema-files.loader';
import { type CliIo, EXIT } from './cli.io';

/**
 * `rtw compat [--schemas-dir DIR]`: runs the compatibility gate; exits 1 with one line per
 * breaking change.
 */
export function compatCommand(args: readonly string[], io: CliIo): number {
  const [flag, dir, ...rest] = args;
  if ((flag !== undefined && flag !== '--schemas-dir') || (flag && !dir) || rest.length > 0) {
    io.err('rtw compat: usage: rtw compat [--schemas-dir DIR]');
    return EXIT.usage;
  }
  const schemasDir = locateSchemasDir({ schemasDir: dir });
  const set = loadSchemaSet(schemasDir);
  const findings = runCompatibilityGate(set, loadCompatibilityConfig(schemasDir));
  for (const finding of findings) io.out(formatFinding(finding));
  const types = new Set(set.contracts.map((c) => c.type)).size;
  if (findings.length > 0) {
    io.out(`compatibility gate failed: ${findings.length} breaking change(s)`);
    return EXIT.invalid;
  }
  io.out(
    `compatibility gate passed: ${set.contracts.length} contract versions of ${types} event types`,
  );
  return EXIT.ok;
}
