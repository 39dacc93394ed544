import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSchemaSet } from '../registry/schema-files.loader';
import type { JsonSchemaObject, SchemaSet } from '../registry/schema-document.types';
import { type CompatibilityConfig, loadCompatibilityConfig } from './compatibility.config';
import {
  checkPublished,
  checkVersions,
  formatFinding,
  runCompatibilityGate,
} from './compatibility.gate';

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

  describe('deliberate tightenings', () => {
    const named = (version: number, name: JsonSchemaObject) => ({
      type: 'be.rtw.x.y',
      version,
      id: `urn:rtw:schema:be.rtw.x.y:v${version}`,
      file: `x.y.v${version}.schema.json`,
      schema: { type: 'object', properties: { name }, additionalProperties: false },
    });
    const text = {
      id: 'urn:rtw:schema:common:human-text',
      file: 'common/human-text.schema.json',
      schema: { type: 'string', format: 'human-text' },
    };
    const plain = { type: 'string', maxLength: 100 };
    const checked = { type: 'string', $ref: text.id, maxLength: 100 };
    const set = (...contracts: ReturnType<typeof named>[]): SchemaSet => ({
      schemasDir: '/nowhere',
      common: [text],
      contracts,
    });
    const accepting: CompatibilityConfig = {
      ...config('BACKWARD_TRANSITIVE'),
      acceptedTightenings: [{ format: 'human-text', adr: 'docs/adr/0046.md', reason: 'why' }],
    };

    it('fails a new version that adds a format, unless compatibility.json accepts that format', () => {
      const versions = set(named(1, plain), named(2, checked));
      expect(runCompatibilityGate(versions, config('BACKWARD_TRANSITIVE'))).toHaveLength(1);
      const result = checkVersions(versions, accepting);
      expect(result.breaking).toEqual([]);
      expect(result.accepted.map((f) => [f.change.pointer, f.change.rule])).toEqual([
        ['/name', 'FORMAT_ADDED'],
      ]);
      expect(formatFinding(result.accepted[0]!)).toContain('[accepted: docs/adr/0046.md]');
    });

    it('compares a published file with its edited self in both directions', () => {
      const published = set(named(1, plain));
      const tightened = checkPublished(published, set(named(1, checked)), accepting);
      expect(tightened.breaking).toEqual([]);
      expect(tightened.accepted).toHaveLength(1);
      expect(formatFinding(tightened.accepted[0]!)).toMatch(
        /^be\.rtw\.x\.y v1 vs published v1 \[FULL\] \/name FORMAT_ADDED: .+ \(readers of the edited v1 would reject data written with the published v1\)/,
      );

      const loosened = checkPublished(set(named(1, checked)), set(named(1, plain)), accepting);
      expect(loosened.breaking.map((f) => [f.direction, f.change.rule])).toEqual([
        ['forward', 'FORMAT_ADDED'],
      ]);
      const shortened = checkPublished(
        published,
        set(named(1, { type: 'string', maxLength: 50 })),
        accepting,
      );
      expect(shortened.breaking.map((f) => f.change.rule)).toEqual(['BOUND_TIGHTENED']);
    });

    it('reports a published version that disappeared', () => {
      const gone = checkPublished(
        set(named(1, plain), named(2, plain)),
        set(named(1, plain)),
        accepting,
      );
      expect(gone.breaking).toMatchObject([
        { version: 2, change: { detail: 'a published contract version was removed' } },
      ]);
    });

    it('reads accepted tightenings from compatibility.json and checks their shape', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtw-compat-'));
      const write = (content: unknown) =>
        fs.writeFileSync(path.join(dir, 'compatibility.json'), JSON.stringify(content));
      write({ acceptedTightenings: [{ format: 'human-text', adr: 'a', reason: 'r' }] });
      expect(loadCompatibilityConfig(dir).acceptedTightenings).toEqual([
        { format: 'human-text', adr: 'a', reason: 'r' },
      ]);
      write({ acceptedTightenings: [{ format: 'human-text' }] });
      expect(() => loadCompatibilityConfig(dir)).toThrow(
        /needs the strings format, adr and reason/,
      );
    });
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
