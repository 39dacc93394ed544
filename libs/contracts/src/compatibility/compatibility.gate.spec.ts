import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSchemaSet } from '../registry/schema-files.loader';
import type { SchemaSet } from '../registry/schema-document.types';
import { type CompatibilityConfig, loadCompatibilityConfig } from './compatibility.config';
import { formatFinding, runCompatibilityGate } from './compatibility.gate';

const fixture = (name: string) => path.join(__dirname, '__fixtures__', name);
const gate = (name: string) => {
  const set = loadSchemaSet(fixture(name));
  return runCompatibilityGate(set, loadCompatibilityConfig(fixture(name)));
};

/** A contract whose versions are just their `enum` lists (enough to stage compatibility cases). */
function enumVersions(...versions: string[][]): SchemaSet {
  const contracts = versions.map((values, index) => ({
    type: 'be.rtw.x.y',
    version: index + 1,
    id: `urn:rtw:schema:be.rtw.x.y:v${index + 1}`,
    file: `x.y.v${index + 1}.schema.json`,
    schema: { type: 'string', enum: values },
  }));
  return { schemasDir: '/nowhere', common: [], contracts };
}
const config = (defaultMode: CompatibilityConfig['defaultMode']): CompatibilityConfig => ({
  defaultMode,
  overrides: {},
});

describe('compatibility gate', () => {
  it('fails a deliberately breaking change with one finding per break', () => {
    const findings = gate('broken');
    expect(findings.map((f) => `${f.change.pointer} ${f.change.rule}`).sort()).toEqual([
      '/colour ENUM_VALUE_REMOVED',
      '/note PROPERTY_REMOVED',
      '/size BOUND_TIGHTENED',
      '/weight REQUIRED_ADDED',
      '/widgetId FORMAT_ADDED',
    ]);
    expect(formatFinding(findings[0]!)).toMatch(
      /^be\.rtw\.widget\.changed v2 vs v1 \[BACKWARD_TRANSITIVE\] \/\S+ [A-Z_]+: .+ \(readers of v2 would reject data written with v1\)$/,
    );
  });

  it('accepts compatible changes across three versions', () => {
    expect(gate('compatible')).toEqual([]);
  });

  it('passes the repository schemas', () => {
    const set = loadSchemaSet(path.join(__dirname, '..', '..', '..', '..', 'schemas'));
    expect(runCompatibilityGate(set, loadCompatibilityConfig(set.schemasDir))).toEqual([]);
  });

  it('checks against every earlier version only in transitive modes', () => {
    // v2 drops "b" (breaking), v3 is a copy of v2: transitive also compares v3 with v1.
    const set = enumVersions(['a', 'b'], ['a'], ['a']);
    expect(
      runCompatibilityGate(set, config('BACKWARD')).map((f) => `v${f.version}-v${f.against}`),
    ).toEqual(['v2-v1']);
    expect(
      runCompatibilityGate(set, config('BACKWARD_TRANSITIVE')).map(
        (f) => `v${f.version}-v${f.against}`,
      ),
    ).toEqual(['v2-v1', 'v3-v1']);
  });

  it('checks the direction each mode names', () => {
    const added = enumVersions(['a'], ['a', 'b']);
    expect(runCompatibilityGate(added, config('BACKWARD'))).toEqual([]);
    expect(runCompatibilityGate(added, config('FORWARD')).map((f) => f.direction)).toEqual([
      'forward',
    ]);
    expect(runCompatibilityGate(added, config('FULL')).map((f) => f.direction)).toEqual([
      'forward',
    ]);
    expect(runCompatibilityGate(enumVersions(['a', 'b'], ['a']), config('NONE'))).toEqual([]);
  });

  it('applies per-contract overrides from compatibility.json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtw-compat-'));
    fs.writeFileSync(
      path.join(dir, 'compatibility.json'),
      JSON.stringify({ default: 'FULL', contracts: { 'be.rtw.x.y': 'NONE' } }),
    );
    const loaded = loadCompatibilityConfig(dir);
    expect(loaded).toEqual({ defaultMode: 'FULL', overrides: { 'be.rtw.x.y': 'NONE' } });
    expect(runCompatibilityGate(enumVersions(['a', 'b'], ['a']), loaded)).toEqual([]);
  });

  it('refuses a config with an unknown mode or unknown keys', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtw-compat-'));
    const write = (content: unknown) =>
      fs.writeFileSync(path.join(dir, 'compatibility.json'), JSON.stringify(content));
    write({ default: 'SIDEWAYS' });
    expect(() => loadCompatibilityConfig(dir)).toThrow(
      expect.objectContaining({ code: 'COMPATIBILITY_CONFIG_INVALID' }),
    );
    write({ default: 'FULL', contract: {} });
    expect(() => loadCompatibilityConfig(dir)).toThrow(/unknown keys: contract/);
  });
});
