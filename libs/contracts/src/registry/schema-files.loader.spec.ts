import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SCHEMAS_DIR_ENV, loadSchemaSet, locateSchemasDir } from './schema-files.loader';

function tempSchemas(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtw-schemas-'));
  fs.mkdirSync(path.join(dir, 'canonical', 'common'), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, 'canonical', file), JSON.stringify(content));
  }
  return dir;
}

describe('schema files loader', () => {
  it('finds the repository schemas folder by walking up from the library', () => {
    const dir = locateSchemasDir({ env: {} });
    expect(fs.existsSync(path.join(dir, 'canonical', 'dossier.opened.v1.schema.json'))).toBe(true);
  });

  it('prefers an explicit folder, then the RTW_SCHEMAS_DIR variable', () => {
    const explicit = tempSchemas({});
    const fromEnv = tempSchemas({});
    expect(locateSchemasDir({ schemasDir: explicit, env: { [SCHEMAS_DIR_ENV]: fromEnv } })).toBe(
      explicit,
    );
    expect(locateSchemasDir({ env: { [SCHEMAS_DIR_ENV]: fromEnv } })).toBe(fromEnv);
  });

  it('fails with CONTRACTS_NOT_FOUND when no schemas folder can be found', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rtw-empty-'));
    expect(() => locateSchemasDir({ env: { [SCHEMAS_DIR_ENV]: empty } })).toThrow(
      expect.objectContaining({ code: 'CONTRACTS_NOT_FOUND' }),
    );
    expect(() => locateSchemasDir({ env: {}, from: empty })).toThrow(
      expect.objectContaining({ code: 'CONTRACTS_NOT_FOUND' }),
    );
  });

  it('loads contracts sorted by type and version, and keeps common schemas apart', () => {
    const dir = tempSchemas({
      'b.thing.v2.schema.json': { $id: 'urn:rtw:schema:be.rtw.b.thing:v2' },
      'b.thing.v1.schema.json': { $id: 'urn:rtw:schema:be.rtw.b.thing:v1' },
      'a.thing.v1.schema.json': { $id: 'urn:rtw:schema:be.rtw.a.thing:v1' },
      'common/x.schema.json': { $id: 'urn:rtw:schema:common:x' },
    });
    const set = loadSchemaSet(dir);
    expect(set.contracts.map((c) => `${c.type}:${c.version}`)).toEqual([
      'be.rtw.a.thing:1',
      'be.rtw.b.thing:1',
      'be.rtw.b.thing:2',
    ]);
    expect(set.common.map((c) => c.id)).toEqual(['urn:rtw:schema:common:x']);
  });

  it('refuses a contract whose $id does not match its file name', () => {
    const dir = tempSchemas({
      'a.thing.v1.schema.json': { $id: 'urn:rtw:schema:be.rtw.a.thing:v2' },
    });
    expect(() => loadSchemaSet(dir)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_SCHEMA_INVALID' }),
    );
  });

  it('refuses badly named schema files and files that are not JSON objects', () => {
    expect(() => loadSchemaSet(tempSchemas({ 'thing.schema.json': {} }))).toThrow(
      /file name must be/,
    );
    expect(() => loadSchemaSet(tempSchemas({ 'a.thing.v1.schema.json': [1] }))).toThrow(
      /JSON object/,
    );
  });
});
