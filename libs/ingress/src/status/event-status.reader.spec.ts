import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { locateSchemasDir } from '@rtw/contracts';
import type { Organisation } from '../organisations/organisation.types';
import { EVENT_ID_PATTERN } from '../validation/event-facts';
import { EventStatusReader } from './event-status.reader';

const insurer100: Organisation = {
  id: 'insurer:100',
  kind: 'insurer',
  code: '100',
  source: 'urn:rtw:org:insurer:100',
  certificateFingerprints: [],
};

describe('EventStatusReader', () => {
  // Any query would be a failure of the test: a refused id must never reach SQL.
  const queries: unknown[] = [];
  const dataSource = {
    query: (...args: unknown[]) => {
      queries.push(args);
      return Promise.reject(new Error('no database in a unit test'));
    },
  } as unknown as DataSource;
  const reader = new EventStatusReader(dataSource);

  it.each([
    ['a NUL byte', 'abc\u0000'],
    ['no character at all', ''],
    ['a space', 'has space'],
    ['a leading dot', '.hidden'],
    ['129 characters', 'a'.repeat(129)],
    ['a non-ASCII letter', 'événement'],
    ['a slash', 'a/b'],
    ['a line break', 'a\r\nb'],
  ])('refuses an id with %s as EVENT_ID_INVALID without querying', async (_name, id) => {
    await expect(reader.read(insurer100, id)).rejects.toMatchObject({
      code: 'EVENT_ID_INVALID',
    });
    expect(queries).toEqual([]);
  });

  it('accepts the id shapes the contract allows', () => {
    for (const id of [
      '9cc0622c-9fed-47ff-97d6-d95f7e8a17ec',
      'A',
      'ins-100:2026.01_42',
      'a'.repeat(128),
    ])
      expect([id, EVENT_ID_PATTERN.test(id)]).toEqual([id, true]);
  });

  it("uses the envelope contract's id pattern and the OpenAPI path parameter's", () => {
    const schemas = locateSchemasDir();
    const envelope = JSON.parse(
      readFileSync(join(schemas, 'canonical', 'common', 'cloud-event.schema.json'), 'utf8'),
    ) as { properties: { id: { pattern: string } } };
    const openapi = JSON.parse(
      readFileSync(join(schemas, 'openapi', 'gateway.v1.json'), 'utf8'),
    ) as {
      paths: Record<string, { get: { parameters: Array<{ schema: { pattern: string } }> } }>;
    };
    expect(EVENT_ID_PATTERN.source).toBe(envelope.properties.id.pattern);
    expect(openapi.paths['/v1/events/{id}']!.get.parameters[0]!.schema.pattern).toBe(
      envelope.properties.id.pattern,
    );
  });
});
