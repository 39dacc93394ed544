import {
  parseSchemaFileName,
  parseSchemaId,
  schemaFileNameOf,
  schemaIdOf,
  typeNameOf,
} from './contract-id.parser';

describe('contract ids', () => {
  const ref = { type: 'be.rtw.deadline.due-soon', version: 3 };

  it('round-trips a contract through its schema id and its file name', () => {
    expect(schemaIdOf(ref)).toBe('urn:rtw:schema:be.rtw.deadline.due-soon:v3');
    expect(parseSchemaId(schemaIdOf(ref))).toEqual(ref);
    expect(schemaFileNameOf(ref)).toBe('deadline.due-soon.v3.schema.json');
    expect(parseSchemaFileName(schemaFileNameOf(ref))).toEqual(ref);
  });

  it('refuses ids and names that do not follow the grammar', () => {
    expect(parseSchemaId('urn:rtw:schema:be.rtw.dossier.opened:v0')).toBeUndefined();
    expect(parseSchemaId('urn:rtw:schema:dossier.opened:v1')).toBeUndefined();
    expect(parseSchemaId('urn:rtw:schema:be.rtw.dossier.opened:1')).toBeUndefined();
    expect(parseSchemaFileName('dossier.opened.schema.json')).toBeUndefined();
    expect(parseSchemaFileName('Dossier.Opened.v1.schema.json')).toBeUndefined();
  });

  it('derives PascalCase type names with the version', () => {
    expect(typeNameOf(ref)).toBe('DeadlineDueSoonV3');
  });
});
