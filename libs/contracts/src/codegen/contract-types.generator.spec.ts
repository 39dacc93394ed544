import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CanonicalEvent, CanonicalEventOfType } from '@rtw/contract-types';
import { loadSchemaSet, locateSchemasDir } from '../registry/schema-files.loader';
import { exampleEvent } from '../testing/example-events.fixture';
import { GENERATED_HEADER, generateContractTypes } from './contract-types.generator';
import { compareOutputFiles, writeOutputFiles } from './output-files';
import { renderType } from './type-expression.renderer';

const set = loadSchemaSet(locateSchemasDir());
const scope = () => ({ usedCommonTypes: new Set<string>() });

describe('contract type generation', () => {
  it('matches the committed files in libs/contract-types/src/generated', () => {
    expect(
      compareOutputFiles(
        path.join(__dirname, '..', '..', '..', 'contract-types', 'src', 'generated'),
        generateContractTypes(set),
      ),
    ).toEqual([]);
  });

  it('detects stale, missing and unexpected generated files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtw-generated-'));
    const files = generateContractTypes(set);
    writeOutputFiles(dir, files);
    expect(compareOutputFiles(dir, files)).toEqual([]);
    fs.appendFileSync(path.join(dir, 'common.types.ts'), '// hand edit\n');
    fs.rmSync(path.join(dir, 'index.ts'));
    fs.writeFileSync(path.join(dir, 'leftover.contract.ts'), '');
    expect(compareOutputFiles(dir, files)).toEqual([
      { file: 'common.types.ts', problem: 'stale' },
      { file: 'index.ts', problem: 'missing' },
      { file: 'leftover.contract.ts', problem: 'unexpected' },
    ]);
    writeOutputFiles(dir, files);
    expect(compareOutputFiles(dir, files)).toEqual([]);
  });

  it('writes one file per contract plus shared, envelope, union and index files', () => {
    const names = [...generateContractTypes(set).keys()];
    expect(names).toContain('dossier-opened-v1.contract.ts');
    expect(names.filter((n) => n.endsWith('.contract.ts'))).toHaveLength(set.contracts.length);
    expect(generateContractTypes(set).get('canonical-event.types.ts')).toContain(
      '  | DossierOpenedV1Event\n',
    );
    for (const content of generateContractTypes(set).values())
      expect(content.startsWith(GENERATED_HEADER)).toBe(true);
  });

  it('renders enums, arrays of unions, open objects and shared references', () => {
    const used = scope();
    expect(renderType({ type: 'array', items: { type: 'string', enum: ['a', "b'c"] } }, used)).toBe(
      "Array<'a' | 'b\\'c'>",
    );
    expect(renderType({ type: 'object', properties: { n: { type: 'integer' } } }, used)).toBe(
      '{\n  n?: number;\n  [key: string]: unknown;\n}',
    );
    expect(renderType({ $ref: 'urn:rtw:schema:common:iso-date' }, used)).toBe('IsoDate');
    expect([...used.usedCommonTypes]).toEqual(['IsoDate']);
  });

  it('fails on schema features it has no type for instead of emitting any', () => {
    expect(() => renderType({ anyOf: [{ type: 'string' }] }, scope())).toThrow(
      /cannot derive a type/,
    );
    expect(() => renderType({ $ref: '#/$defs/local' }, scope())).toThrow(/only shared definitions/);
  });

  it('gives events a type that narrows on the type attribute', () => {
    const event = exampleEvent('contact.missed') as unknown as CanonicalEvent;
    const missed =
      event.type === 'be.rtw.contact.missed'
        ? (event satisfies CanonicalEventOfType<'be.rtw.contact.missed'>)
        : undefined;
    expect(missed?.data.justified).toBe(false);
  });
});
