import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES_DIR } from '../testing/example-events.fixture';
import { ContractRegistry } from './contract.registry';

const registry = ContractRegistry.load();
const validDir = path.join(EXAMPLES_DIR, 'valid');
const invalidDir = path.join(EXAMPLES_DIR, 'invalid');
const validFiles = fs
  .readdirSync(validDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const expectations = JSON.parse(
  fs.readFileSync(path.join(invalidDir, 'expectations.json'), 'utf8'),
) as Record<string, { code: string; pointer: string }>;

describe('schemas/examples', () => {
  it.each(validFiles)('accepts the valid example %s', (file) => {
    const result = registry.validateRaw(fs.readFileSync(path.join(validDir, file)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has at least one valid example for every contract version', () => {
    const covered = new Set(
      validFiles.map((file) => {
        const event = JSON.parse(fs.readFileSync(path.join(validDir, file), 'utf8')) as {
          dataschema: string;
        };
        return event.dataschema;
      }),
    );
    const missing = registry.schemaSet.contracts.filter((c) => !covered.has(c.id)).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  it('has an expectation for every invalid example and a file for every expectation', () => {
    // Files that are not JSON on purpose end in .txt, so that formatters leave them alone.
    const files = fs.readdirSync(invalidDir).filter((f) => f !== 'expectations.json');
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))(
    'rejects %s with the expected code and pointer',
    (file, expected) => {
      const result = registry.validateRaw(fs.readFileSync(path.join(invalidDir, file)));
      expect(result.ok).toBe(false);
      expect(
        result.ok
          ? undefined
          : { code: result.errors[0]!.code, pointer: result.errors[0]!.pointer },
      ).toEqual(expected);
    },
  );
});
